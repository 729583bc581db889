/**
 * The facts of a personal data breach that the assessment works from. They describe the breach,
 * never the people in it: no names, no free text.
 */

export const BREACH_TYPES = ['confidentiality', 'integrity', 'availability'] as const;

export const CAUSES = [
  'ransomware',
  'malware',
  'hacking',
  'credential-stuffing',
  'phishing',
  'social-engineering',
  'insider-misuse',
  'lost-device',
  'stolen-device',
  'lost-paper',
  'stolen-paper',
  'misdirected-email',
  'misdirected-post',
  'failure-to-redact',
  'accidental-publication',
  'improper-disposal',
  'system-error',
  'other',
] as const;

// The ICO breach report form's categories, split where ENISA 2013 scores them differently.
export const DATA_CATEGORIES = [
  'basic-identifiers',
  'contact',
  'date-of-birth',
  'identity-documents',
  'national-id',
  'credentials',
  'financial',
  'location',
  'behavioural',
  'health',
  'racial-ethnic-origin',
  'political-opinions',
  'religious-beliefs',
  'trade-union',
  'genetic',
  'biometric',
  'sex-life',
  'sexual-orientation',
  'criminal-offence',
] as const;

export const SUBJECT_CATEGORIES = [
  'tenants',
  'residents',
  'applicants',
  'employees',
  'customers',
  'patients',
  'children',
  'vulnerable-adults',
  'other',
] as const;

export const PROTECTIONS = [
  'none',
  'encrypted-key-safe',
  'encrypted-key-compromised',
  'hashed-salted',
  'pseudonymised',
] as const;

export const DISCLOSURES = [
  'none',
  'unknown',
  'trusted-recipient',
  'known-recipients',
  'unknown-recipients',
  'public',
] as const;

/** `hours`: back within 24 hours; `days`: longer, but it came back; `permanent`: it will not. */
export const AVAILABILITY_LOSSES = ['none', 'hours', 'days', 'permanent'] as const;

export type BreachType = (typeof BREACH_TYPES)[number];
export type Cause = (typeof CAUSES)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];
export type Protection = (typeof PROTECTIONS)[number];
export type Disclosure = (typeof DISCLOSURES)[number];
export type AvailabilityLoss = (typeof AVAILABILITY_LOSSES)[number];

export interface BreachFacts {
  readonly breachTypes: readonly BreachType[];
  readonly cause: Cause;
  readonly maliciousIntent: boolean;
  readonly dataCategories: readonly DataCategory[];
  readonly subjectCategories: readonly SubjectCategory[];
  /** Whole number of people affected; null while unknown. */
  readonly approxSubjects: number | null;
  readonly protection: Protection;
  readonly disclosure: Disclosure;
  /** null: not known whether the data was copied out. */
  readonly dataExfiltrated: boolean | null;
  /** The data was got back, or the recipient confirmed deletion, before any misuse. */
  readonly recoveredOrDeleted: boolean;
  /** null: not known whether a usable backup exists. */
  readonly backupAvailable: boolean | null;
  readonly availabilityLoss: AvailabilityLoss;
  readonly containedQuickly: boolean;
  /** The data could reach someone who may harm the person, e.g. an abuser learning a safe address. */
  readonly safeguardingRisk: boolean;
}

export const SPECIAL_CATEGORIES: readonly DataCategory[] = [
  'health',
  'racial-ethnic-origin',
  'political-opinions',
  'religious-beliefs',
  'trade-union',
  'genetic',
  'biometric',
  'sex-life',
  'sexual-orientation',
];

/** Art. 9 special category data, plus Art. 10 criminal offence data, which the guidance treats alike. */
export function sensitiveCategoriesIn(facts: BreachFacts): DataCategory[] {
  return facts.dataCategories.filter((c) => SPECIAL_CATEGORIES.includes(c) || c === 'criminal-offence');
}

export function hasBreachType(facts: BreachFacts, type: BreachType): boolean {
  return facts.breachTypes.includes(type);
}

// ---------------------------------------------------------------------------------------------
// Validation. Facts arrive from HTTP, the CLI and stored events, so they are checked by hand
// here, once, with messages a DPO can act on. Messages never repeat input that could be
// personal data: only values short and plain enough to be a mistyped enum value are echoed.

export type ParseFactsResult =
  { readonly ok: true; readonly facts: BreachFacts } | { readonly ok: false; readonly errors: readonly string[] };

type Check = (value: unknown, field: string, errors: string[]) => void;

const oneOf =
  (allowed: readonly string[]): Check =>
  (value, field, errors) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      errors.push(`${field}: must be one of ${allowed.join(', ')} (got ${shown(value)})`);
    }
  };

const listOf =
  (allowed: readonly string[]): Check =>
  (value, field, errors) => {
    if (!Array.isArray(value)) {
      errors.push(`${field}: must be a list of ${allowed.join(', ')} (got ${shown(value)})`);
      return;
    }
    if (value.length === 0) errors.push(`${field}: must not be empty`);
    value.forEach((item: unknown, i) => {
      oneOf(allowed)(item, `${field}[${i}]`, errors);
      if (value.indexOf(item) !== i && typeof item === 'string' && allowed.includes(item)) {
        errors.push(`${field}[${i}]: "${item}" is listed more than once`);
      }
    });
  };

const bool: Check = (value, field, errors) => {
  if (typeof value !== 'boolean') errors.push(`${field}: must be true or false (got ${shown(value)})`);
};

const boolOrNull: Check = (value, field, errors) => {
  if (value !== null && typeof value !== 'boolean') {
    errors.push(`${field}: must be true, false or null when unknown (got ${shown(value)})`);
  }
};

const countOrNull: Check = (value, field, errors) => {
  if (value !== null && !(Number.isSafeInteger(value) && (value as number) >= 1)) {
    errors.push(`${field}: must be a whole number of at least 1, or null when unknown (got ${shown(value)})`);
  }
};

const FIELDS: { readonly [K in keyof BreachFacts]-?: Check } = {
  breachTypes: listOf(BREACH_TYPES),
  cause: oneOf(CAUSES),
  maliciousIntent: bool,
  dataCategories: listOf(DATA_CATEGORIES),
  subjectCategories: listOf(SUBJECT_CATEGORIES),
  approxSubjects: countOrNull,
  protection: oneOf(PROTECTIONS),
  disclosure: oneOf(DISCLOSURES),
  dataExfiltrated: boolOrNull,
  recoveredOrDeleted: bool,
  backupAvailable: boolOrNull,
  availabilityLoss: oneOf(AVAILABILITY_LOSSES),
  containedQuickly: bool,
  safeguardingRisk: bool,
};

const FIELD_NAMES = Object.keys(FIELDS) as (keyof BreachFacts)[];

// Nothing longer than the longest enum value or field name is ever echoed back.
const ECHOABLE_WORDS: readonly (readonly string[])[] = [
  BREACH_TYPES,
  CAUSES,
  DATA_CATEGORIES,
  SUBJECT_CATEGORIES,
  PROTECTIONS,
  DISCLOSURES,
  AVAILABILITY_LOSSES,
  FIELD_NAMES,
];
const ECHO_LIMIT = Math.max(...ECHOABLE_WORDS.flat().map((s) => s.length));

function isEchoable(text: string): boolean {
  return text.length <= ECHO_LIMIT && /^[A-Za-z0-9_-]+$/.test(text);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return isEchoable(value) ? `"${value}"` : 'a text value';
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Rules between fields: each catches a report that contradicts itself. */
function crossFieldErrors(facts: BreachFacts): string[] {
  const errors: string[] = [];
  const confidentiality = facts.breachTypes.includes('confidentiality');
  const availability = facts.breachTypes.includes('availability');
  if (facts.dataExfiltrated === true && !confidentiality) {
    errors.push('dataExfiltrated: true needs "confidentiality" in breachTypes');
  }
  if (facts.disclosure !== 'none' && !confidentiality) {
    errors.push(`disclosure: "${facts.disclosure}" needs "confidentiality" in breachTypes`);
  }
  if (facts.availabilityLoss !== 'none' && !availability) {
    errors.push(`availabilityLoss: "${facts.availabilityLoss}" needs "availability" in breachTypes`);
  }
  if (facts.availabilityLoss === 'none' && availability) {
    errors.push(
      'availabilityLoss: must say how long the data was unavailable when breachTypes includes "availability"',
    );
  }
  return errors;
}

export function parseFacts(input: unknown): ParseFactsResult {
  if (!isPlainObject(input)) return { ok: false, errors: [`facts: must be a JSON object (got ${shown(input)})`] };
  const errors: string[] = [];
  for (const key of Object.keys(input)) {
    if (!(FIELD_NAMES as string[]).includes(key)) {
      errors.push(isEchoable(key) ? `${key}: unknown field` : 'unknown field (name not shown)');
    }
  }
  for (const field of FIELD_NAMES) {
    if (!Object.hasOwn(input, field)) errors.push(`${field}: is required`);
    else FIELDS[field](input[field], field, errors);
  }
  if (errors.length > 0) return { ok: false, errors };

  // Every field has been checked above, so this copy is a BreachFacts; copying drops nothing
  // (unknown fields were refused) and detaches the caller's arrays.
  const facts = Object.fromEntries(
    FIELD_NAMES.map((f) => [f, Array.isArray(input[f]) ? [...(input[f] as unknown[])] : input[f]]),
  ) as unknown as BreachFacts;
  const contradictions = crossFieldErrors(facts);
  return contradictions.length > 0 ? { ok: false, errors: contradictions } : { ok: true, facts };
}
