import { type BreachFacts, type DataCategory, hasBreachType } from './breach-facts';
import { type Exposure, exposureOf } from './exposure';
import { CATEGORY_LABELS, labelList } from './labels';

/**
 * ENISA "Recommendations for a methodology of the assessment of severity of personal data
 * breaches" (Working Document v1.0, December 2013): SE = DPC × EI + CB.
 */

export const ENISA_BANDS = ['low', 'medium', 'high', 'very-high'] as const;
export type EnisaBand = (typeof ENISA_BANDS)[number];

export interface EnisaScore {
  readonly dpc: number;
  readonly ei: number;
  readonly cb: number;
  readonly score: number;
  readonly band: EnisaBand;
}

export type DpcRaise = 'vulnerable' | 'safeguarding' | 'volume';

export interface EnisaAssessment {
  readonly score: EnisaScore;
  /** DPC before the volume raise: how badly one person could be hurt, whatever the numbers. */
  readonly personalSeverity: number;
  readonly raises: readonly DpcRaise[];
  readonly exposure: Exposure;
  /** Sentences: the total first, then how DPC, EI and CB were reached. */
  readonly reasons: readonly string[];
}

/** ENISA's volume factor. The ENISA calculator flags > 100; we raise the score from 1,000. */
export const LARGE_VOLUME = 1000;

// ENISA base scores: simple 1, behavioural 2, financial 3, sensitive 4. Identity documents and
// national identifiers sit with financial data because they open the door to fraud.
// Credentials "inherit the category of what they give access to"; the facts do not say what
// that is, so they are scored as behavioural (2), and the reporter should also list the
// categories the account held, which then set the score.
const BASE_SCORE: { readonly [C in DataCategory]: 1 | 2 | 3 | 4 } = {
  'basic-identifiers': 1,
  contact: 1,
  'date-of-birth': 1,
  'identity-documents': 3,
  'national-id': 3,
  credentials: 2,
  financial: 3,
  location: 2,
  behavioural: 2,
  health: 4,
  'racial-ethnic-origin': 4,
  'political-opinions': 4,
  'religious-beliefs': 4,
  'trade-union': 4,
  genetic: 4,
  biometric: 4,
  'sex-life': 4,
  'sexual-orientation': 4,
  'criminal-offence': 4,
};

// Data from which a person is identified without other information (ENISA EI "maximum").
const DIRECT_IDENTIFIERS: readonly DataCategory[] = [
  'basic-identifiers',
  'contact',
  'identity-documents',
  'national-id',
  'biometric',
];

const BAND_LABEL: { readonly [B in EnisaBand]: string } = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  'very-high': 'very high',
};

export function bandOf(score: number): EnisaBand {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very-high';
}

function dataProcessingContext(facts: BreachFacts, reasons: string[]) {
  const base = Math.max(...facts.dataCategories.map((c) => BASE_SCORE[c]));
  const top = facts.dataCategories.filter((c) => BASE_SCORE[c] === base);
  reasons.push(`DPC starts at ${base}: the most sensitive data involved is ${labelList(top)} (ENISA 2013 base score).`);
  if (top.includes('credentials')) {
    reasons.push(
      'Credentials are scored 2 because ENISA says they take the score of what they give access to; list the data the accounts hold so it counts too.',
    );
  }
  let score = base;
  const identifying = facts.dataCategories.some((c) => c === 'basic-identifiers' || c === 'contact');
  if (base < 2 && identifying && facts.dataCategories.includes('date-of-birth')) {
    score = 2;
    reasons.push(
      `DPC raised to 2: ${CATEGORY_LABELS['date-of-birth']} together with names or contact details is what identity fraud needs (ENISA 2013 contextual factors; EDPB Guidelines 01/2021 Case 11).`,
    );
  }
  const raises: DpcRaise[] = [];
  const vulnerable = facts.subjectCategories.filter((s) => s === 'children' || s === 'vulnerable-adults');
  if (vulnerable.length > 0) {
    raises.push('vulnerable');
    reasons.push(
      `DPC raised by 1: ${vulnerable.map((s) => s.replace('-', ' ')).join(' and ')} are affected, who are less able to protect themselves (ENISA 2013 contextual factors; UK GDPR Recitals 38 and 75).`,
    );
  }
  if (facts.safeguardingRisk) {
    raises.push('safeguarding');
    reasons.push(
      'DPC raised by 1: the data could reach someone who may harm the person, such as an abusive ex-partner (ENISA 2013 contextual factors).',
    );
  }
  const personalSeverity = Math.min(4, score + raises.length);
  if (facts.approxSubjects !== null && facts.approxSubjects >= LARGE_VOLUME) {
    raises.push('volume');
    reasons.push(
      `DPC raised by 1: ${LARGE_VOLUME.toLocaleString('en-GB')} or more people are affected (ENISA 2013 contextual factors: volume).`,
    );
  } else if (facts.approxSubjects === null) {
    reasons.push(
      'The number of people affected is not yet known, so volume has not raised the DPC; reassess when it is.',
    );
  }
  const dpc = Math.min(4, score + raises.length);
  if (score + raises.length > 4) reasons.push('DPC capped at 4, the top of the ENISA scale.');
  return { dpc, personalSeverity, raises };
}

// EI depends on how well the data was protected and on whether it names people directly.
// Who received the data is left to CB, where ENISA scores it, so it is not counted twice.
function easeOfIdentification(facts: BreachFacts, reasons: string[]): number {
  switch (facts.protection) {
    case 'encrypted-key-safe':
      reasons.push('EI 0.25 (negligible): the data was encrypted and the key was not compromised.');
      return 0.25;
    case 'hashed-salted':
    case 'pseudonymised':
      reasons.push(
        `EI 0.5 (limited): the data was ${facts.protection === 'hashed-salted' ? 'hashed with a salt' : 'pseudonymised'}, so identifying people takes extra information or effort.`,
      );
      return 0.5;
    default: {
      const unprotected =
        facts.protection === 'none' ? 'was not protected' : 'was encrypted but the key was compromised';
      if (facts.dataCategories.some((c) => DIRECT_IDENTIFIERS.includes(c))) {
        reasons.push(`EI 1 (maximum): the data ${unprotected} and names people directly.`);
        return 1;
      }
      reasons.push(
        `EI 0.75 (significant): the data ${unprotected}; it does not name people directly but they can be identified from it.`,
      );
      return 0.75;
    }
  }
}

function circumstances(facts: BreachFacts, exposure: Exposure, reasons: string[]): number {
  const parts: string[] = [];
  let cb = 0;
  const add = (value: number, why: string) => {
    cb += value;
    parts.push(`${why} +${value}`);
  };
  if (hasBreachType(facts, 'confidentiality')) {
    if (exposure.level === 'wide') add(0.5, 'confidentiality: unknown recipients, public or copied out');
    else if (exposure.level === 'known' || exposure.level === 'trusted') add(0.25, 'confidentiality: known recipients');
    else add(0, 'confidentiality: no evidence anyone saw it');
  }
  if (hasBreachType(facts, 'integrity')) {
    if (facts.backupAvailable === true) add(0, 'integrity: originals can be restored');
    else if (facts.backupAvailable === null) add(0.25, 'integrity: recovery doubtful');
    else add(0.5, 'integrity: originals cannot be restored');
  }
  if (hasBreachType(facts, 'availability')) {
    if (facts.availabilityLoss === 'permanent' || facts.backupAvailable === false)
      add(0.5, 'availability: lost or no backup');
    else if (facts.availabilityLoss === 'days' || facts.backupAvailable === null) add(0.25, 'availability: temporary');
    else add(0, 'availability: restored from backup within hours');
  }
  if (facts.maliciousIntent) add(0.5, 'malicious intent');
  reasons.push(`CB ${cb}: ${parts.join('; ')}.`);
  return cb;
}

export function enisaAssessment(facts: BreachFacts): EnisaAssessment {
  const reasons: string[] = [];
  const exposure = exposureOf(facts);
  const { dpc, personalSeverity, raises } = dataProcessingContext(facts, reasons);
  const ei = easeOfIdentification(facts, reasons);
  const cb = circumstances(facts, exposure, reasons);
  const score = dpc * ei + cb; // quarters and halves only: exact in binary floating point
  const band = bandOf(score);
  reasons.unshift(`ENISA 2013 severity: SE = DPC ${dpc} × EI ${ei} + CB ${cb} = ${score} (${BAND_LABEL[band]}).`);
  return { score: { dpc, ei, cb, score, band }, personalSeverity, raises, exposure, reasons };
}
