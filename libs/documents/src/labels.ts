import { SPECIAL_CATEGORIES } from '#libs/assessment';
import type { ActionState, AssessorView, RiskLevel, RootCause, SubjectsExemption } from '#libs/incidents';

/** The ICO breach report form's wording for each category the reporter ticked. */
const ICO_DATA_CATEGORIES: Readonly<Record<string, string>> = {
  'basic-identifiers': 'Basic personal identifiers (for example name, address)',
  contact: 'Contact details',
  'date-of-birth': 'Date of birth',
  'identity-documents': 'Official documents (for example passport, driving licence)',
  'national-id': 'National identifiers (for example National Insurance number)',
  credentials: 'Identification data (usernames, passwords)',
  financial: 'Economic or financial data',
  location: 'Location data',
  behavioural: 'Behavioural data (preferences, habits)',
  health: 'Health data',
  'racial-ethnic-origin': 'Racial or ethnic origin',
  'political-opinions': 'Political opinions',
  'religious-beliefs': 'Religious or philosophical beliefs',
  'trade-union': 'Trade union membership',
  genetic: 'Genetic data',
  biometric: 'Biometric data',
  'sex-life': 'Sex life data',
  'sexual-orientation': 'Sexual orientation data',
  'criminal-offence': 'Criminal convictions and offences',
};

const SPECIAL: ReadonlySet<string> = new Set(SPECIAL_CATEGORIES);

/** Art. 9 and Art. 10 data are flagged in the label itself, so a reader cannot miss them. */
export function icoDataCategory(category: string): string {
  const label = ICO_DATA_CATEGORIES[category] ?? category;
  if (SPECIAL.has(category)) return `${label} (special category data)`;
  if (category === 'criminal-offence') return `${label} (criminal offence data)`;
  return label;
}

const SUBJECT_CATEGORIES: Readonly<Record<string, string>> = {
  tenants: 'Tenants',
  residents: 'Residents',
  applicants: 'Housing applicants',
  employees: 'Employees',
  customers: 'Customers',
  patients: 'Patients',
  children: 'Children',
  'vulnerable-adults': 'Vulnerable adults',
  other: 'Other',
};

export function subjectCategory(category: string): string {
  return SUBJECT_CATEGORIES[category] ?? category;
}

/** Residents read "your date of birth", not "Date of birth (special category data)". */
const LETTER_DATA: Readonly<Record<string, string>> = {
  'basic-identifiers': 'your name and address, or similar details that identify you',
  contact: 'your contact details, such as your phone number or email address',
  'date-of-birth': 'your date of birth',
  'identity-documents': 'copies of identity documents, such as a passport or driving licence',
  'national-id': 'your National Insurance number or a similar reference number',
  credentials: 'usernames or passwords',
  financial: 'financial information, such as bank details, rent account or benefit details',
  location: 'information about where you live or where you have been',
  behavioural: 'information about your habits or preferences',
  health: 'information about your health or support needs',
  'racial-ethnic-origin': 'your racial or ethnic origin',
  'political-opinions': 'your political opinions',
  'religious-beliefs': 'your religious or philosophical beliefs',
  'trade-union': 'your trade union membership',
  genetic: 'genetic information',
  biometric: 'biometric information, such as fingerprints or a photograph used to identify you',
  'sex-life': 'information about your sex life',
  'sexual-orientation': 'your sexual orientation',
  'criminal-offence': 'information about criminal allegations, offences or convictions',
};

export function letterDataCategory(category: string): string {
  return LETTER_DATA[category] ?? 'other information about you';
}

const IDENTITY_FRAUD = 'Someone could try to use your details to pretend to be you (identity fraud).';
const SCAMS = 'You may get unexpected calls, emails, texts or letters, including scams that use our name.';

/** Plain harms per category; Art. 34(2) asks for the likely consequences, in plain language. */
const LETTER_CONSEQUENCES: Readonly<Record<string, string>> = {
  'basic-identifiers': SCAMS,
  contact: SCAMS,
  'date-of-birth': IDENTITY_FRAUD,
  'identity-documents': IDENTITY_FRAUD,
  'national-id': IDENTITY_FRAUD,
  credentials: 'Someone could try to use a username or password to get into your accounts.',
  financial: 'Someone could try to use your financial details to commit fraud.',
  location: 'Someone could learn where you live or where you have been.',
};

const DISTRESS = 'You may feel upset or worried that sensitive information about you was seen by someone else.';

export function letterConsequences(categories: readonly string[]): string[] {
  const found = categories.map((c) => (SPECIAL.has(c) || c === 'criminal-offence' ? DISTRESS : LETTER_CONSEQUENCES[c]));
  const unique = [...new Set(found.filter((c): c is string => Boolean(c)))];
  return unique.length ? unique : ['You may feel worried that information about you was seen by someone else.'];
}

// Art. 33(3)/ICO form asks whether a cyber incident caused the breach; these causes are attacks on systems.
const CYBER_CAUSES = new Set(['ransomware', 'malware', 'hacking', 'credential-stuffing', 'phishing']);

/** 'other' is a cause nobody has named yet, so it may still prove to be cyber: "Don't know". */
export function cyberIncident(cause: string | null): 'Yes' | 'No' | "Don't know" {
  if (cause === null || cause === 'other') return "Don't know";
  return CYBER_CAUSES.has(cause) ? 'Yes' : 'No';
}

export function causeLabel(cause: string): string {
  return cause.replace(/-/g, ' ');
}

export const EXEMPTION_LABELS: Readonly<Record<SubjectsExemption, string>> = {
  unintelligible:
    'Art. 34(3)(a): the data was unintelligible to anyone not authorised to see it (for example encrypted)',
  'subsequent-measures': 'Art. 34(3)(b): measures taken since mean the high risk is no longer likely to materialise',
  'disproportionate-effort':
    'Art. 34(3)(c): telling each person would involve disproportionate effort, so a public communication is used instead',
};

export const RISK_LABELS: Readonly<Record<RiskLevel, string>> = {
  none: 'Unlikely to result in a risk to people',
  risk: 'A risk to people',
  high: 'A high risk to people',
};

export const LIKELIHOOD_LABELS: Readonly<Record<AssessorView['likelihood'], string>> = {
  remote: 'Remote',
  possible: 'Possible',
  likely: 'Likely',
  'very-likely': 'Very likely',
};

export const SEVERITY_LABELS: Readonly<Record<AssessorView['severity'], string>> = {
  minimal: 'Minimal',
  significant: 'Significant',
  serious: 'Serious',
  severe: 'Severe',
};

export const yesNo = (value: boolean): 'Yes' | 'No' => (value ? 'Yes' : 'No');

export const ROOT_CAUSE_LABELS: Readonly<Record<RootCause, string>> = {
  'misdirected-email-or-post': 'Email or post sent to the wrong person',
  'wrong-attachment': 'Wrong attachment',
  'failure-to-redact': 'Failure to redact',
  'lost-or-stolen-device-or-paper': 'Lost or stolen device or paper',
  'phishing-or-cyber-attack': 'Phishing or cyber attack',
  'system-or-process-failure': 'System or process failure',
  'contractor-or-partner': 'Contractor or partner',
  other: 'Other',
};

export const ACTION_STATUS_LABELS: Readonly<Record<ActionState['status'], string>> = {
  open: 'Open',
  done: 'Done',
  accepted: 'Accepted without doing it',
};
