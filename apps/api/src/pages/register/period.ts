import { GROUP_ENTITIES } from '#libs/directory';
import type { RegisterFilter } from '#libs/register';
import { londonLocalToUtc, utcToLondonLocal } from '../forms/london-local';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period and entity a trends or register page shows, as the form holds them and as the filter. */
export interface PagePeriod {
  /** The form's values: first and last day (both included, UK dates) and the entity id. */
  values: { from: string; to: string; entity: string };
  filter: RegisterFilter;
  /** The query string for the JSON API (ISO instants), already URL-encoded. */
  apiQuery: string;
  entities: { id: string; name: string; selected: boolean }[];
  error?: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Midnight in London at the start of this UK date, as an ISO instant. */
const startOfDay = (day: string): string | undefined => (DAY.test(day) ? londonLocalToUtc(`${day}T00:00`) : undefined);

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The default period: the last 12 calendar months (UK), this one included. */
function lastTwelveMonths(now: Date): { from: string; to: string } {
  const [year, month] = utcToLondonLocal(now).split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: first, to: lastDay };
}

/**
 * Reads `from`, `to` (UK dates, the last day included) and `entity` from a page's GET form.
 * Anything unreadable falls back to the last 12 months and says so; the entity must be one of the group's.
 */
export function pagePeriod(query: Record<string, unknown>, now: Date): PagePeriod {
  const fallback = lastTwelveMonths(now);
  let from = text(query.from) || fallback.from;
  let to = text(query.to) || fallback.to;
  const entityInput = text(query.entity);
  const entity = GROUP_ENTITIES.some((e) => e.id === entityInput) ? entityInput : '';
  let error: string | undefined;
  let fromAt = startOfDay(from);
  let toAt = DAY.test(to) ? startOfDay(addDays(to, 1)) : undefined;
  if (!fromAt || !toAt || Date.parse(fromAt) >= Date.parse(toAt) || (entityInput && !entity)) {
    error =
      'Enter the first and last day as dates, the last on or after the first, and choose a part of the group from the list. Showing the last 12 months.';
    ({ from, to } = fallback);
    fromAt = startOfDay(from)!;
    toAt = startOfDay(addDays(to, 1))!;
  }
  const params = new URLSearchParams({ from: fromAt, to: toAt });
  if (entity) params.set('entity', entity);
  return {
    values: { from, to, entity },
    filter: { from: fromAt, to: toAt, entityId: entity || null },
    apiQuery: params.toString(),
    entities: GROUP_ENTITIES.map((e) => ({ id: e.id, name: e.name, selected: e.id === entity })),
    error,
  };
}
