import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { londonLocalToUtc } from './london-local';

/**
 * How a form field's strings become the JSON the API's DTOs expect. Forms send only
 * strings: an unticked checkbox sends nothing, an empty number is "", a UK time has no offset.
 */
export type FieldKind =
  | 'text' // as typed
  | 'optional-text' // "" → null
  | 'london-time' // datetime-local in UK time → UTC ISO
  | 'optional-london-time'
  | 'integer'
  | 'optional-integer' // "" → null
  | 'number'
  | 'checkbox' // ticked → true, absent → false
  | 'checkboxes' // absent → [], one → [one]
  | 'yes-no' // "yes" / "no" → boolean
  | 'yes-no-unknown' // … and "unknown" → null
  | 'optional-choice'; // "" → null

export interface FieldSpec {
  kind: FieldKind;
  /** What to do to put it right, shown beside the field and in the summary. */
  message: string;
}

export type FormSpec = Record<string, FieldSpec>;
export type RawForm = Record<string, string | string[] | undefined>;
export interface FieldError {
  field: string;
  message: string;
}
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Form bodies hold strings; anything else (a JSON body sent to a page) counts as not answered. */
const one = (v: unknown): string | undefined => {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : undefined;
};

function convertField(kind: FieldKind, raw: string | string[] | undefined): unknown {
  const value = one(raw)?.trim();
  switch (kind) {
    case 'text':
      return value ?? '';
    case 'optional-text':
    case 'optional-choice':
      return value ? value : null;
    case 'london-time':
    case 'optional-london-time':
      if (!value) return kind === 'london-time' ? '' : null;
      // Left as typed when it is not a UK time, so the DTO refuses it and the form shows it again.
      return londonLocalToUtc(value) ?? value;
    case 'integer':
    case 'optional-integer':
    case 'number':
      if (!value) return kind === 'optional-integer' ? null : undefined;
      return /^-?\d+(\.\d+)?$/.test(value.replace(/,/g, '')) ? Number(value.replace(/,/g, '')) : value;
    case 'checkbox':
      return value !== undefined && value !== '';
    case 'checkboxes':
      return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
    case 'yes-no':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'yes-no-unknown':
      return value === 'yes' ? true : value === 'no' ? false : value === 'unknown' ? null : undefined;
  }
}

/** The fields the spec names, converted; anything else the form carried (_csrf, version) is left out. */
export function convertForm(spec: FormSpec, raw: RawForm): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).map(([field, { kind }]) => [field, convertField(kind, raw[field])]));
}

const flatten = (errors: ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => [
    ...(e.constraints ? [`${prefix}${e.property}`] : []),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);

/**
 * Checks a form with the same DTO class the JSON API uses, so a page can accept nothing the
 * API would refuse. Errors come back in the order of the form, with the spec's wording.
 */
export async function parseForm<T extends object>(
  dto: ClassConstructor<T>,
  spec: FormSpec,
  raw: RawForm,
  fixed: Record<string, unknown> = {},
): Promise<FormResult<T>> {
  const instance = plainToInstance(dto, { ...convertForm(spec, raw), ...fixed });
  // A step with no fields (acknowledge) has nothing to check; class-validator refuses a class without rules.
  if (Object.keys(spec).length === 0) return { ok: true, value: instance };
  const problems = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  const failed = new Set(flatten(problems));
  if (failed.size === 0) return { ok: true, value: instance };
  const errors = Object.entries(spec)
    .filter(([field]) => failed.has(field))
    .map(([field, { message }]) => ({ field, message }));
  // A failure the spec does not name (a DTO rule on a field the form lacks) still stops the form.
  if (errors.length === 0) errors.push({ field: '', message: 'The form is not complete. Check each answer.' });
  return { ok: false, errors };
}

/** The raw strings to put back in the form after a refusal: nothing the person typed is lost. */
export function keepValues(raw: RawForm): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '_csrf' || value === undefined) continue;
    kept[key] = value;
  }
  return kept;
}

/** Errors with the id of the field each links to from the summary (`<form prefix>-<field>`). */
export function anchored(prefix: string, errors: FieldError[]): (FieldError & { anchor: string })[] {
  return errors.map((e) => ({ ...e, anchor: e.field ? `${prefix}-${e.field}` : `${prefix}-form` }));
}
