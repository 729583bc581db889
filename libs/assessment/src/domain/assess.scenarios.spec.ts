import type { Assessment } from './assessment';
import { assess } from './assess';
import { type BreachFacts, parseFacts } from './breach-facts';

/**
 * Worked examples from the published guidance, and housing cases built on it. Each row names
 * where its expected outcome comes from, so a change that breaks one is a change in what the
 * tool would tell a DPO, not a refactoring detail.
 */

// A deliberately dull starting point: every scenario states the facts that matter to it.
const BASE: BreachFacts = {
  breachTypes: ['confidentiality'],
  cause: 'other',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  protection: 'none',
  disclosure: 'none',
  dataExfiltrated: false,
  recoveredOrDeleted: false,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: false,
  safeguardingRisk: false,
};

type Outcome = Pick<Assessment, 'riskLevel' | 'notifyIco' | 'notifySubjects' | 'subjectsExemption'>;

const NONE: Outcome = { riskLevel: 'none', notifyIco: false, notifySubjects: false, subjectsExemption: null };
const RISK: Outcome = { riskLevel: 'risk', notifyIco: true, notifySubjects: false, subjectsExemption: null };
const HIGH: Outcome = { riskLevel: 'high', notifyIco: true, notifySubjects: true, subjectsExemption: null };
const HIGH_EXEMPT = (subjectsExemption: Outcome['subjectsExemption']): Outcome => ({
  riskLevel: 'high',
  notifyIco: true,
  notifySubjects: false,
  subjectsExemption,
});

interface Scenario {
  readonly name: string;
  readonly source: string;
  readonly facts: Partial<BreachFacts>;
  readonly expected: Outcome;
  /** Words the reasons must contain, so the DPO can see why. */
  readonly reasonsMention?: readonly string[];
}

const ransomware = { cause: 'ransomware', maliciousIntent: true } as const;
const availabilityOnly = { breachTypes: ['availability'], disclosure: 'none', dataExfiltrated: false } as const;
const safeAddress = {
  dataCategories: ['basic-identifiers', 'contact'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  safeguardingRisk: true,
} as const;

const SCENARIOS: readonly Scenario[] = [
  // --- WP29/EDPB WP250rev.01, Annex B ------------------------------------------------------
  {
    name: 'encrypted backup USB key stolen in a break-in; key safe; other backups exist',
    source: 'WP250rev.01 Annex B example i',
    facts: {
      cause: 'stolen-device',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 5000,
      protection: 'encrypted-key-safe',
      disclosure: 'unknown',
      dataExfiltrated: null,
    },
    expected: NONE,
    reasonsMention: ['unintelligible', 'Annex B example i'],
  },
  {
    name: 'the same USB key, but the encryption key was kept with it',
    source: 'WP250rev.01 Annex B example i (notify once the key is compromised); ENISA 2013 financial data',
    facts: {
      cause: 'stolen-device',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 5000,
      protection: 'encrypted-key-compromised',
      disclosure: 'unknown',
      dataExfiltrated: null,
    },
    expected: HIGH,
    reasonsMention: ['key was compromised'],
  },
  {
    name: 'online service attacked; names and contact details of a few hundred customers copied out',
    source: 'WP250rev.01 Annex B example ii (ICO yes; people depending on the data)',
    facts: {
      cause: 'hacking',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 300,
      dataExfiltrated: true,
    },
    expected: RISK,
  },
  {
    name: 'online service attacked; card and contact details of 20,000 customers copied out',
    source: 'WP250rev.01 Annex B example ii (tell people where the consequences are severe); ENISA 2013 financial data',
    facts: {
      cause: 'hacking',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 20000,
      dataExfiltrated: true,
    },
    expected: HIGH,
  },
  {
    name: 'call centre power cut for minutes; records out of reach',
    source: 'WP250rev.01 Annex B example iii',
    facts: {
      ...availabilityOnly,
      cause: 'system-error',
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 10000,
      availabilityLoss: 'hours',
    },
    expected: NONE,
  },
  {
    name: 'ransomware encrypts everything; no backup; data cannot be restored; nothing copied out',
    source: 'WP250rev.01 Annex B example iv (ICO yes; people depending on the data)',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 2000,
      backupAvailable: false,
      availabilityLoss: 'permanent',
    },
    expected: RISK,
    reasonsMention: ['lost for good'],
  },
  {
    name: 'ransomware; restored from backup within hours; nothing copied out',
    source: 'WP250rev.01 Annex B example iv (with a backup restored in good time)',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 2000,
      availabilityLoss: 'hours',
    },
    expected: NONE,
  },
  {
    name: "a customer receives someone else's bank statement",
    source: 'WP250rev.01 Annex B example v (ICO yes; tell the person if high risk); ENISA 2013 financial data',
    facts: {
      cause: 'misdirected-post',
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      disclosure: 'known-recipients',
    },
    expected: HIGH,
  },
  {
    name: 'marketplace breach: usernames, passwords and purchase history published',
    source: 'WP250rev.01 Annex B example vi',
    facts: {
      cause: 'hacking',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'credentials', 'behavioural'],
      subjectCategories: ['customers'],
      approxSubjects: 50000,
      disclosure: 'public',
      dataExfiltrated: true,
    },
    expected: HIGH,
    reasonsMention: ['Credentials were exposed'],
  },
  {
    name: "processor's authorisation bug let any user see others' accounts; no sign it was used",
    source: 'WP250rev.01 Annex B example vii (ICO yes; people only if high risk)',
    facts: {
      cause: 'system-error',
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 5000,
      disclosure: 'unknown',
    },
    expected: RISK,
  },
  {
    name: 'hospital medical records unavailable for 30 hours after a cyber attack',
    source: 'WP250rev.01 Annex B example viii',
    facts: {
      ...availabilityOnly,
      cause: 'hacking',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['patients'],
      approxSubjects: 3000,
      availabilityLoss: 'days',
    },
    expected: HIGH,
  },
  {
    name: 'student records sent to a mailing list of 1,000+ recipients',
    source: 'WP250rev.01 Annex B example ix',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['other'],
      approxSubjects: 400,
      disclosure: 'unknown-recipients',
    },
    expected: RISK,
    reasonsMention: ['cannot be recalled'],
  },
  {
    name: 'marketing email to 40 people sent with addresses in "cc"',
    source: 'WP250rev.01 Annex B example x (few people, nothing sensitive)',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 40,
      disclosure: 'known-recipients',
    },
    expected: NONE,
  },
  {
    name: 'marketing email to 5,000 people sent with addresses in "cc"',
    source: 'WP250rev.01 Annex B example x (a large number of people)',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 5000,
      disclosure: 'known-recipients',
    },
    expected: RISK,
  },
  {
    name: 'email to residents of a mental health supported housing scheme sent in "cc"',
    source: "WP250rev.01 Annex B example x (sensitive data revealed, e.g. a psychotherapist's list); WP250rev.01 §IV",
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['contact', 'health'],
      subjectCategories: ['tenants', 'vulnerable-adults'],
      approxSubjects: 60,
      disclosure: 'known-recipients',
    },
    expected: HIGH,
    reasonsMention: ['health'],
  },
  // --- EDPB Guidelines 01/2021 on examples regarding personal data breach notification -------
  {
    name: 'ransomware with proper backup and without exfiltration',
    source: 'EDPB Guidelines 01/2021 Case 01',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['employees', 'customers'],
      approxSubjects: 1500,
      availabilityLoss: 'hours',
    },
    expected: NONE,
    reasonsMention: ['harm if the data were seen'],
  },
  {
    name: 'ransomware without proper backup; records rebuilt over several days',
    source: 'EDPB Guidelines 01/2021 Case 02',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 300,
      backupAvailable: false,
      availabilityLoss: 'days',
    },
    expected: RISK,
  },
  {
    name: 'ransomware in a hospital with backup and without exfiltration; care delayed for days',
    source: 'EDPB Guidelines 01/2021 Case 03',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['patients'],
      approxSubjects: 5000,
      availabilityLoss: 'days',
    },
    expected: HIGH,
  },
  {
    name: 'ransomware without backup and with exfiltration',
    source: 'EDPB Guidelines 01/2021 Case 04',
    facts: {
      ...ransomware,
      breachTypes: ['confidentiality', 'availability'],
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 1000,
      dataExfiltrated: true,
      backupAvailable: false,
      availabilityLoss: 'permanent',
    },
    expected: HIGH,
  },
  {
    name: 'exfiltration of usernames and salted password hashes from a website',
    source: 'EDPB Guidelines 01/2021 Case 06',
    facts: {
      cause: 'hacking',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'credentials'],
      subjectCategories: ['customers'],
      approxSubjects: 1200,
      protection: 'hashed-salted',
      dataExfiltrated: true,
    },
    expected: NONE,
    reasonsMention: ['salted password hashes'],
  },
  {
    name: 'credential stuffing attack on a banking website',
    source: 'EDPB Guidelines 01/2021 Case 07',
    facts: {
      cause: 'credential-stuffing',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'financial', 'credentials'],
      subjectCategories: ['customers'],
      approxSubjects: 2000,
      disclosure: 'unknown-recipients',
      dataExfiltrated: true,
    },
    expected: HIGH,
  },
  {
    name: 'departing employee copies customer contact details for a new business',
    source: 'EDPB Guidelines 01/2021 Case 08 (ICO yes; telling people not required)',
    facts: {
      cause: 'insider-misuse',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 500,
      disclosure: 'known-recipients',
      dataExfiltrated: true,
    },
    expected: RISK,
    reasonsMention: ['intentions cannot be known'],
  },
  {
    name: 'customer file sent by mistake to a trusted insurance agent who deleted it at once',
    source: 'EDPB Guidelines 01/2021 Case 09',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 200,
      disclosure: 'trusted-recipient',
      recoveredOrDeleted: true,
      containedQuickly: true,
    },
    expected: NONE,
    reasonsMention: ['Case 09'],
  },
  {
    name: 'stolen tablets holding encrypted personal data; key safe; backup and remote wipe',
    source: 'EDPB Guidelines 01/2021 Case 10',
    facts: {
      cause: 'stolen-device',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['customers'],
      approxSubjects: 1000,
      protection: 'encrypted-key-safe',
      disclosure: 'unknown',
      dataExfiltrated: null,
    },
    expected: NONE,
  },
  {
    name: 'stolen unencrypted notebook with names, addresses and dates of birth of 100,000 customers',
    source: 'EDPB Guidelines 01/2021 Case 11',
    facts: {
      cause: 'stolen-device',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'date-of-birth'],
      subjectCategories: ['customers'],
      approxSubjects: 100000,
      disclosure: 'unknown',
      dataExfiltrated: null,
    },
    expected: HIGH,
    reasonsMention: ['identity fraud'],
  },
  {
    name: 'stolen paper log book of a drug rehabilitation centre',
    source: 'EDPB Guidelines 01/2021 Case 12',
    facts: {
      cause: 'stolen-paper',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['patients'],
      approxSubjects: 50,
      disclosure: 'unknown',
      dataExfiltrated: null,
    },
    expected: HIGH,
  },
  {
    name: "job seekers' national insurance numbers attached by mistake to an email to all 60,000 of them",
    source: 'EDPB Guidelines 01/2021 Case 14',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'contact', 'national-id'],
      subjectCategories: ['other'],
      approxSubjects: 60000,
      disclosure: 'known-recipients',
    },
    expected: HIGH,
  },
  {
    name: 'identity theft: a caller impersonates a customer, obtains their bills and changes the contact email',
    source: 'EDPB Guidelines 01/2021 Case 17',
    facts: {
      breachTypes: ['confidentiality', 'integrity'],
      cause: 'social-engineering',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      subjectCategories: ['customers'],
      disclosure: 'known-recipients',
    },
    expected: HIGH,
  },
  // --- ICO guidance -----------------------------------------------------------------------------
  {
    name: 'a staff telephone list is lost',
    source: 'ICO guide to personal data breaches: losing a staff telephone list would not normally be reportable',
    facts: {
      cause: 'lost-paper',
      dataCategories: ['basic-identifiers', 'contact'],
      subjectCategories: ['employees'],
      approxSubjects: 200,
      disclosure: 'unknown',
    },
    expected: NONE,
  },
  {
    name: 'theft of a customer database that could be used for identity fraud',
    source: 'ICO guide to personal data breaches: such a theft must be reported, and people told',
    facts: {
      cause: 'hacking',
      maliciousIntent: true,
      dataCategories: ['basic-identifiers', 'contact', 'date-of-birth', 'financial'],
      subjectCategories: ['customers'],
      approxSubjects: 8000,
      dataExfiltrated: true,
    },
    expected: HIGH,
  },
  // --- Housing: safeguarding --------------------------------------------------------------------
  {
    name: "a survivor's new address is posted to the old home shared with the abusive ex-partner",
    source: 'ICO reprimand to Charnwood Borough Council (2023); ICO warning on domestic abuse breaches (2023)',
    facts: { ...safeAddress, cause: 'misdirected-post', disclosure: 'known-recipients' },
    expected: HIGH,
    reasonsMention: ['safeguarding risk', 'route they have agreed'],
  },
  {
    name: 'the same letter, returned unopened the next day',
    source:
      'Art. 34(3)(b) not relied on: ICO warning on domestic abuse breaches (2023) — the person must be able to act on their safety',
    facts: {
      ...safeAddress,
      cause: 'misdirected-post',
      disclosure: 'known-recipients',
      recoveredOrDeleted: true,
      containedQuickly: true,
    },
    expected: HIGH,
    reasonsMention: ['act on their own safety'],
  },
  {
    name: "a survivor's safe address emailed to the wrong council's safeguarding team, who deleted it at once",
    source: 'EDPB Guidelines 01/2021 Case 09 (trusted recipient); safeguarding still a risk (UK GDPR Recital 75)',
    facts: {
      ...safeAddress,
      cause: 'misdirected-email',
      disclosure: 'trusted-recipient',
      recoveredOrDeleted: true,
      containedQuickly: true,
    },
    expected: RISK,
    reasonsMention: ['trusted'],
  },
  {
    name: "a housing officer's encrypted laptop with safe addresses is stolen; key safe; backed up",
    source: 'WP250rev.01 Annex B example i; Art. 34(3)(a)',
    facts: {
      ...safeAddress,
      cause: 'stolen-device',
      maliciousIntent: true,
      approxSubjects: 40,
      protection: 'encrypted-key-safe',
      disclosure: 'unknown',
      dataExfiltrated: null,
    },
    expected: NONE,
  },
  {
    name: 'SAR response to a neighbour leaves the complainant unredacted in an anti-social behaviour file',
    source: 'ICO warning on domestic abuse breaches (2023: identities revealed to those they feared); WP250rev.01 §IV',
    facts: {
      ...safeAddress,
      cause: 'failure-to-redact',
      dataCategories: ['basic-identifiers', 'contact', 'behavioural', 'criminal-offence'],
      subjectCategories: ['residents'],
      approxSubjects: 2,
      disclosure: 'known-recipients',
    },
    expected: HIGH,
  },
  // --- Housing: health, support needs, children, arrears, ASB ----------------------------------
  {
    name: "a tenant's support needs emailed to another tenant",
    source: 'WP250rev.01 §IV (special category data: damage likely)',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['tenants', 'vulnerable-adults'],
      disclosure: 'known-recipients',
    },
    expected: HIGH,
  },
  {
    name: 'support needs sent to the wrong contracted support provider, which deleted them the same day',
    source: 'EDPB Guidelines 01/2021 Case 09 (trusted recipient) with WP250rev.01 §IV (special category data)',
    facts: {
      cause: 'misdirected-email',
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['tenants', 'vulnerable-adults'],
      disclosure: 'trusted-recipient',
      recoveredOrDeleted: true,
      containedQuickly: true,
    },
    expected: RISK,
  },
  {
    name: "household lists with children's names and dates of birth published on the website",
    source: 'UK GDPR Recital 38 (children merit specific protection); ENISA 2013 contextual factors',
    facts: {
      cause: 'accidental-publication',
      dataCategories: ['basic-identifiers', 'date-of-birth'],
      subjectCategories: ['children'],
      approxSubjects: 30,
      disclosure: 'public',
    },
    expected: HIGH,
    reasonsMention: ['children'],
  },
  {
    name: 'rent arrears letter delivered to a neighbour, returned unopened the next morning',
    source: 'Art. 34(3)(b) (subsequent measures); WP250rev.01 Annex B example v',
    facts: {
      cause: 'misdirected-post',
      dataCategories: ['basic-identifiers', 'contact', 'financial'],
      disclosure: 'known-recipients',
      recoveredOrDeleted: true,
      containedQuickly: true,
    },
    expected: HIGH_EXEMPT('subsequent-measures'),
    reasonsMention: ['Art. 34(3)(b)'],
  },
  {
    name: 'rent balances corrupted by a system error and restored from backup',
    source: 'ENISA 2013 integrity: altered but recoverable',
    facts: {
      breachTypes: ['integrity'],
      cause: 'system-error',
      dataCategories: ['basic-identifiers', 'financial'],
      approxSubjects: 3000,
    },
    expected: NONE,
  },
  {
    name: 'rent balances corrupted by a system error with no backup to restore from',
    source: 'ENISA 2013 integrity: altered without possibility of recovery',
    facts: {
      breachTypes: ['integrity'],
      cause: 'system-error',
      dataCategories: ['basic-identifiers', 'financial'],
      approxSubjects: 3000,
      backupAvailable: false,
    },
    expected: RISK,
  },
  {
    name: 'anti-social behaviour case files with alleged offences published on the website',
    source: 'WP250rev.01 §IV (criminal offence data); UK GDPR Art. 10',
    facts: {
      cause: 'accidental-publication',
      dataCategories: ['basic-identifiers', 'behavioural', 'criminal-offence'],
      subjectCategories: ['residents'],
      approxSubjects: 25,
      disclosure: 'public',
    },
    expected: HIGH,
  },
  {
    name: 'old applicant files with health details found in an open skip; how many is unknown',
    source: 'Art. 34(3)(c) (disproportionate effort: public communication instead); WP250rev.01 §IV',
    facts: {
      cause: 'improper-disposal',
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['applicants'],
      approxSubjects: null,
      disclosure: 'unknown',
    },
    expected: HIGH_EXEMPT('disproportionate-effort'),
    reasonsMention: ['public communication'],
  },
  {
    name: "vulnerable tenants' support plans unavailable for days after ransomware; nothing copied out",
    source: 'WP250rev.01 Annex B example viii; EDPB Guidelines 01/2021 Case 03',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['tenants', 'vulnerable-adults'],
      approxSubjects: 400,
      availabilityLoss: 'days',
    },
    expected: HIGH,
  },
  {
    name: 'ransomware on the housing system, restored within hours, exfiltration not yet ruled out',
    source:
      'EDPB Guidelines 01/2021 ransomware cases (exfiltration must be ruled out, not assumed away); WP250rev.01 §IV',
    facts: {
      ...availabilityOnly,
      ...ransomware,
      dataCategories: ['basic-identifiers', 'contact', 'health'],
      approxSubjects: 4000,
      dataExfiltrated: null,
      availabilityLoss: 'hours',
    },
    expected: HIGH,
    reasonsMention: ['Exfiltration has not been ruled out'],
  },
  {
    name: 'pseudonymised tenant survey answers about health published by mistake',
    source: 'ENISA 2013 EI limited for pseudonymised data; WP250rev.01 §IV',
    facts: {
      cause: 'accidental-publication',
      dataCategories: ['health', 'behavioural'],
      approxSubjects: 800,
      protection: 'pseudonymised',
      disclosure: 'public',
    },
    expected: RISK,
  },
  {
    name: 'lost encrypted laptop held the only copy of a tenant contact list',
    source: 'WP250rev.01 Annex B example i ("as long as" a backup exists) and example iv',
    facts: {
      breachTypes: ['confidentiality', 'availability'],
      cause: 'lost-device',
      dataCategories: ['basic-identifiers', 'contact'],
      approxSubjects: 300,
      protection: 'encrypted-key-safe',
      disclosure: 'unknown',
      backupAvailable: false,
      availabilityLoss: 'permanent',
    },
    expected: RISK,
  },
];

describe('assess: scenarios from the guidance', () => {
  it('covers at least 30 scenarios, each with a named source', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(30);
    for (const s of SCENARIOS) expect(s.source).toMatch(/WP250|EDPB|ENISA|ICO|Art\.|Recital/);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const facts = { ...BASE, ...scenario.facts };
    // Each scenario must be a report the validator accepts, or it proves nothing.
    expect(parseFacts(facts)).toEqual({ ok: true, facts });

    const result = assess(facts);
    const outcome: Outcome = {
      riskLevel: result.riskLevel,
      notifyIco: result.notifyIco,
      notifySubjects: result.notifySubjects,
      subjectsExemption: result.subjectsExemption,
    };
    expect({ source: scenario.source, ...outcome }).toEqual({ source: scenario.source, ...scenario.expected });
    for (const words of scenario.reasonsMention ?? []) {
      expect(result.reasons.join('\n')).toContain(words);
    }
  });
});
