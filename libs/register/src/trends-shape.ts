import { OUTCOMES, type Outcome } from './register-row.types';
import type { HoursStat, OutcomeCounts, Trends } from './trends.types';

/** What TRENDS_SQL returns: one row of jsonb columns. */
export interface TrendsRaw {
  cells: { dimension: 'month' | 'entity' | 'rootCause' | 'dataCategory'; key: string; outcome: Outcome; n: number }[];
  ico: { submitted: number; within72h: number };
  hours: Record<keyof Trends['hours'], { n: number; p: [number, number] | null }>;
  repeat_root_causes: Trends['repeatRootCauses'];
  lesson_actions: Trends['lessonActions'];
  acknowledgement: { circulated: number; acknowledged: number };
  months: { first: string | null; last: string | null };
  entity_names: Record<string, string>;
}

/** Filling every month in between is for charts; past 20 years it would only be noise. */
const MAX_FILLED_MONTHS = 240;

export function emptyCounts(): OutcomeCounts {
  const counts = { incidents: 0 } as OutcomeCounts;
  for (const o of OUTCOMES) counts[o] = 0;
  return counts;
}

/** `{key, outcome, n}` cells of one dimension → counts per key, in the order keys are given. */
export function pivot(cells: TrendsRaw['cells'], dimension: TrendsRaw['cells'][number]['dimension']) {
  const byKey = new Map<string, OutcomeCounts>();
  for (const cell of cells) {
    if (cell.dimension !== dimension) continue;
    const counts = byKey.get(cell.key) ?? emptyCounts();
    counts[cell.outcome] += Number(cell.n);
    counts.incidents += Number(cell.n);
    byKey.set(cell.key, counts);
  }
  return byKey;
}

/** "2024-11", "2024-12", "2025-01": every month from first to last, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const [fy, fm] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  const span = (ly - fy) * 12 + (lm - fm);
  if (span < 0 || span >= MAX_FILLED_MONTHS) return [];
  return Array.from({ length: span + 1 }, (_, i) => {
    const m = fm - 1 + i;
    return `${fy + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** Largest first, then by name, so the pages draw the biggest bars at the top. */
const bySize =
  <T extends { incidents: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.incidents - a.incidents || key(a).localeCompare(key(b));

const ratio = (part: number, whole: number) => (whole ? part / whole : null);

function hoursStat(raw: { n: number; p: [number, number] | null }): HoursStat {
  const n = Number(raw.n);
  return { n, median: n && raw.p ? raw.p[0] : null, p90: n && raw.p ? raw.p[1] : null };
}

export function shapeTrends(raw: TrendsRaw, period: Trends['period'], generatedAt: string): Trends {
  const cells = raw.cells;
  const months = pivot(cells, 'month');
  const filled = raw.months.first && raw.months.last ? monthsBetween(raw.months.first, raw.months.last) : [];
  const monthKeys = [...new Set([...filled, ...months.keys()])].sort();
  const totals = emptyCounts();
  for (const counts of months.values()) {
    for (const key of Object.keys(totals) as (keyof OutcomeCounts)[]) totals[key] += counts[key];
  }
  const submitted = Number(raw.ico.submitted);
  const within72h = Number(raw.ico.within72h);
  const circulated = Number(raw.acknowledgement.circulated);
  const acknowledged = Number(raw.acknowledgement.acknowledged);
  return {
    period,
    generatedAt,
    totals,
    byMonth: monthKeys.map((month) => ({ month, ...(months.get(month) ?? emptyCounts()) })),
    byEntity: [...pivot(cells, 'entity')]
      .map(([entityId, counts]) => ({ entityId, name: raw.entity_names[entityId] ?? entityId, ...counts }))
      .sort(bySize((e) => e.entityId)),
    byRootCause: [...pivot(cells, 'rootCause')]
      .map(([rootCause, counts]) => ({ rootCause, ...counts }))
      .sort(bySize((r) => r.rootCause)),
    byDataCategory: [...pivot(cells, 'dataCategory')]
      .map(([category, counts]) => ({ category, ...counts }))
      .sort(bySize((c) => c.category)),
    ico: { submitted, within72h, late: submitted - within72h, shareWithin72h: ratio(within72h, submitted) },
    hours: {
      discoveryToAwareness: hoursStat(raw.hours.discoveryToAwareness),
      awarenessToDecision: hoursStat(raw.hours.awarenessToDecision),
      awarenessToIcoSubmission: hoursStat(raw.hours.awarenessToIcoSubmission),
    },
    repeatRootCauses: raw.repeat_root_causes.map((r) => ({ ...r, incidents: Number(r.incidents) })),
    lessonActions: {
      total: Number(raw.lesson_actions.total),
      open: Number(raw.lesson_actions.open),
      overdue: Number(raw.lesson_actions.overdue),
    },
    lessonsAcknowledgement: { circulated, acknowledged, rate: ratio(acknowledged, circulated) },
  };
}
