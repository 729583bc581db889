import { formatLondon } from '#libs/shared';
import { utcToLondonLocal } from '../forms/london-local';
import type { FieldError } from '../forms/form-input';

const HOUR_MS = 3_600_000;

/** "2 days 3 hours left", "40 minutes left", "overdue by 5 hours": what a countdown says. */
export function timeLeft(deadline: string | Date, now: Date): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / (24 * HOUR_MS));
  const hours = Math.floor((abs % (24 * HOUR_MS)) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const parts =
    days > 0
      ? [plural(days, 'day'), plural(hours, 'hour')]
      : hours > 0
        ? [plural(hours, 'hour'), plural(minutes, 'minute')]
        : [plural(minutes, 'minute')];
  return ms >= 0 ? `${parts.join(' ')} left` : `overdue by ${parts.join(' ')}`;
}

/** How urgent a deadline looks: overdue, within 12 hours, or fine. */
export function urgency(deadline: string | Date, now: Date): 'overdue' | 'soon' | 'ok' {
  const ms = new Date(deadline).getTime() - now.getTime();
  return ms < 0 ? 'overdue' : ms < 12 * HOUR_MS ? 'soon' : 'ok';
}

const has = (list: unknown, value: unknown): boolean =>
  Array.isArray(list) ? list.map(String).includes(String(value)) : list !== undefined && String(list) === String(value);

/** The helpers every page template may use. */
export const PAGE_HELPERS: Record<string, (...args: never[]) => unknown> = {
  london: (instant: unknown) => (instant ? formatLondon(new Date(instant as string)) : ''),
  localTime: (instant: unknown) =>
    typeof instant === 'string' && instant.includes('Z') ? utcToLondonLocal(instant) : (instant ?? ''),
  eq: (a: unknown, b: unknown) => a === b,
  not: (a: unknown) => !a,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  includes: (list: unknown, value: unknown) => has(list, value),
  labelOf: (labels: Record<string, string> | undefined, key: unknown) => labels?.[String(key)] ?? String(key ?? ''),
  join: (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  /** The message for one field (by name, or by `<form>-<name>` where a page has several forms). */
  err: (errors: (FieldError & { anchor?: string })[] | undefined, key: string) =>
    errors?.find((e) => e.anchor === key || e.field === key)?.message,
  /** The first option of a group takes the group's id, so the error summary's link lands on it. */
  optionId: (prefix: string, name: string, value: string, index: number) =>
    index === 0 ? `${prefix}-${name}` : `${prefix}-${name}-${value}`,
  /** Whether a radio is checked: the typed value, else the default. */
  checked: (value: unknown, chosen: unknown, fallback: unknown) =>
    String(value) === String(chosen ?? (typeof fallback === 'string' ? fallback : '')) ? 'checked' : '',
  selected: (value: unknown, chosen: unknown) => (has(chosen, value) ? 'selected' : ''),
  yesNo: (value: unknown) => (value === true ? 'Yes' : value === false ? 'No' : 'Not known'),
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  inc: (n: unknown) => Number(n) + 1,
  count: (list: unknown) => (Array.isArray(list) ? list.length : 0),
};
