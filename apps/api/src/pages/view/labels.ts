import {
  ACTION_STATUS_LABELS as DOCUMENT_ACTION_STATUS_LABELS,
  ROOT_CAUSE_LABELS as DOCUMENT_ROOT_CAUSE_LABELS,
} from '#libs/documents';

/** Plain words for the values the forms offer and the pages show; one place, so pages agree. */
export const DATA_CATEGORY_LABELS: Record<string, string> = {
  'basic-identifiers': 'Names, addresses or similar details that identify someone',
  contact: 'Contact details (phone numbers, email addresses)',
  'date-of-birth': 'Dates of birth',
  'identity-documents': 'Copies of passports, driving licences or other ID',
  'national-id': 'National Insurance or similar reference numbers',
  credentials: 'Usernames or passwords',
  financial: 'Bank, rent account, benefit or other money details',
  location: 'Where someone is or has been',
  behavioural: 'Habits or preferences',
  health: 'Health, disability or support needs',
  'racial-ethnic-origin': 'Racial or ethnic origin',
  'political-opinions': 'Political opinions',
  'religious-beliefs': 'Religious or philosophical beliefs',
  'trade-union': 'Trade union membership',
  genetic: 'Genetic information',
  biometric: 'Fingerprints, face scans or other biometrics',
  'sex-life': 'Sex life',
  'sexual-orientation': 'Sexual orientation',
  'criminal-offence': 'Criminal allegations, offences or convictions',
};

export const SUBJECT_CATEGORY_LABELS: Record<string, string> = {
  tenants: 'Tenants',
  residents: 'Other residents',
  applicants: 'Housing applicants',
  employees: 'Colleagues (employees)',
  customers: 'Customers',
  patients: 'Patients or people we support',
  children: 'Children',
  'vulnerable-adults': 'Vulnerable adults',
  other: 'Someone else',
};

export const STATUS_LABELS: Record<string, string> = {
  reported: 'Reported',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  assessed: 'Assessed',
  decided: 'Decided',
  closed: 'Closed',
  'closed-not-breach': 'Closed: not a breach',
};

export const BREACH_TYPE_LABELS: Record<string, string> = {
  confidentiality: 'Confidentiality: seen or taken by someone who should not have it',
  integrity: 'Integrity: changed or corrupted',
  availability: 'Availability: lost or unavailable',
};

export const PROTECTION_LABELS: Record<string, string> = {
  none: 'None',
  'encrypted-key-safe': 'Encrypted, key safe',
  'encrypted-key-compromised': 'Encrypted, key compromised',
  'hashed-salted': 'Hashed and salted',
  pseudonymised: 'Pseudonymised',
};

export const DISCLOSURE_LABELS: Record<string, string> = {
  none: 'Not disclosed',
  unknown: 'Not known',
  'trusted-recipient': 'A trusted recipient (e.g. another professional)',
  'known-recipients': 'Known recipients',
  'unknown-recipients': 'Unknown recipients',
  public: 'Made public',
};

export const AVAILABILITY_LABELS: Record<string, string> = {
  none: 'No loss',
  hours: 'Back within 24 hours',
  days: 'Longer, but it came back',
  permanent: 'Lost for good',
};

export const RISK_LABELS: Record<string, string> = {
  none: 'Unlikely to result in a risk',
  risk: 'A risk',
  high: 'A high risk',
};

export const LIKELIHOOD_LABELS: Record<string, string> = {
  remote: 'Remote',
  possible: 'Possible',
  likely: 'Likely',
  'very-likely': 'Very likely',
};

export const SEVERITY_LABELS: Record<string, string> = {
  minimal: 'Minimal',
  significant: 'Significant',
  serious: 'Serious',
  severe: 'Severe',
};

export const EXEMPTION_LABELS: Record<string, string> = {
  unintelligible: 'Art. 34(3)(a): unintelligible to others (e.g. encrypted)',
  'subsequent-measures': 'Art. 34(3)(b): later measures remove the high risk',
  'disproportionate-effort': 'Art. 34(3)(c): disproportionate effort; a public notice instead',
};

export const METHOD_LABELS: Record<string, string> = {
  email: 'Email',
  letter: 'Letter',
  phone: 'Phone',
  'in-person': 'In person',
  'public-notice': 'Public notice',
  other: 'Other',
};

/** The root causes in the words of the lessons-learnt circular (one list for pages and documents). */
export const ROOT_CAUSE_LABELS: Record<string, string> = DOCUMENT_ROOT_CAUSE_LABELS;

/** Who lessons can be circulated to by role (everyone holding it). */
export const CIRCULATION_ROLE_LABELS: Record<string, string> = {
  colleague: 'All colleagues',
  dpo: 'The DPO and deputies',
  governance: 'Governance',
  emt: 'The executive team',
  auditor: 'Auditors',
  partner: 'Partner organisations’ reporters',
};

export const ACTION_STATUS_LABELS: Record<string, string> = DOCUMENT_ACTION_STATUS_LABELS;

/** The assessment's causes read well enough with their hyphens turned to spaces. */
export const causeLabel = (cause: string) => cause.charAt(0).toUpperCase() + cause.slice(1).replace(/-/g, ' ');

/** `[{ value, text }]` for a select, radios or checkboxes. */
export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, text]) => ({ value, text }));
