import {
  assess,
  Assessment,
  AVAILABILITY_LOSSES,
  BREACH_TYPES,
  CAUSES,
  DISCLOSURES,
  parseFacts,
  PROTECTIONS,
} from '#libs/assessment';
import { AssessorViewDto } from '../../incidents/incident-commands.dto';
import { convertForm, FieldError, FormSpec, parseForm, RawForm } from '../forms/form-input';
import * as L from '../view/labels';

/** The breach facts of the assessment contract (libs/assessment), as form fields. */
const FACTS_SPEC: FormSpec = {
  breachTypes: { kind: 'checkboxes', message: 'Choose at least one kind of breach' },
  cause: { kind: 'text', message: 'Choose the cause' },
  maliciousIntent: { kind: 'yes-no', message: 'Say whether anyone acted deliberately' },
  dataCategories: { kind: 'checkboxes', message: 'Choose at least one kind of information' },
  subjectCategories: { kind: 'checkboxes', message: 'Choose whose information it is' },
  approxSubjects: {
    kind: 'optional-integer',
    message: 'Enter the number of people as a whole number, or leave it blank',
  },
  protection: { kind: 'text', message: 'Choose how the data was protected' },
  disclosure: {
    kind: 'text',
    message: 'Choose who the data reached (only a confidentiality breach can disclose data)',
  },
  dataExfiltrated: {
    kind: 'yes-no-unknown',
    message: 'Say whether data was copied out (only a confidentiality breach can have data copied out)',
  },
  recoveredOrDeleted: { kind: 'yes-no', message: 'Say whether the data was got back or deleted' },
  backupAvailable: { kind: 'yes-no-unknown', message: 'Say whether there is a usable backup' },
  availabilityLoss: {
    kind: 'text',
    message: 'Choose how long the data was unavailable (a loss needs the availability breach type, and the reverse)',
  },
  containedQuickly: { kind: 'yes-no', message: 'Say whether it was contained quickly' },
  safeguardingRisk: { kind: 'yes-no', message: 'Say whether the data could reach someone who may harm the person' },
};

const VIEW_SPEC: FormSpec = {
  riskLevel: { kind: 'text', message: 'Choose your view of the risk' },
  likelihood: { kind: 'text', message: 'Choose how likely harm is' },
  severity: { kind: 'text', message: 'Choose how severe harm would be' },
  rationale: { kind: 'text', message: 'Give your reasons (up to 5,000 characters)' },
};

export const ASSESSMENT_CHOICES = {
  breachTypes: BREACH_TYPES.map((value) => ({ value, text: L.BREACH_TYPE_LABELS[value] })),
  causes: CAUSES.map((value) => ({ value, text: L.causeLabel(value) })),
  protections: PROTECTIONS.map((value) => ({ value, text: L.PROTECTION_LABELS[value] })),
  disclosures: DISCLOSURES.map((value) => ({ value, text: L.DISCLOSURE_LABELS[value] })),
  availabilityLosses: AVAILABILITY_LOSSES.map((value) => ({ value, text: L.AVAILABILITY_LABELS[value] })),
  riskLevels: L.options(L.RISK_LABELS),
  likelihoods: L.options(L.LIKELIHOOD_LABELS),
  severities: L.options(L.SEVERITY_LABELS),
};

/** parseFacts names the field first ("disclosure: …", "breachTypes[0]: …"). */
const fieldOf = (message: string) => /^([A-Za-z]+)/.exec(message)?.[1] ?? '';

export type FactsResult =
  { ok: true; facts: Record<string, unknown>; recommendation: Assessment } | { ok: false; errors: FieldError[] };

/** The facts as the assessment library checks them, with its recommendation; errors in the form's words. */
export function factsFromForm(raw: RawForm): FactsResult {
  const parsed = parseFacts(convertForm(FACTS_SPEC, raw));
  if (parsed.ok) return { ok: true, facts: { ...parsed.facts }, recommendation: assess(parsed.facts) };
  const failed = new Set(parsed.errors.map(fieldOf));
  const errors = Object.entries(FACTS_SPEC)
    .filter(([field]) => failed.has(field))
    .map(([field, { message }]) => ({ field, message }));
  return { ok: false, errors: errors.length ? errors : [{ field: '', message: 'Check the breach facts.' }] };
}

export function assessorViewFromForm(raw: RawForm) {
  return parseForm(AssessorViewDto, VIEW_SPEC, raw);
}
