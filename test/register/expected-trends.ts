import { GROUP_ENTITIES } from '#libs/directory';
import type { IncidentState } from '#libs/incidents';

/**
 * The trend figures computed independently of the SQL: plain TypeScript over the states the
 * generator produced. Definitions as documented on `Trends` (libs/register/src/trends.types.ts).
 */

const HOUR = 3_600_000;
export const OUTCOMES = ['reported', 'to-report', 'not-reported', 'not-a-breach', 'undecided'] as const;
type Outcome = (typeof OUTCOMES)[number];
type Counts = { incidents: number } & Record<Outcome, number>;

export interface Period {
  from: string;
  to: string;
  entityId?: string;
}

const londonMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

export function monthOf(iso: string): string {
  const parts = Object.fromEntries(londonMonth.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

function outcome(s: IncidentState): Outcome {
  if (s.closedAt && s.notBreachReason) return 'not-a-breach';
  if (!s.decision) return 'undecided';
  if (!s.decision.notifyIco) return 'not-reported';
  return s.icoSubmission ? 'reported' : 'to-report';
}

/** Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const xs = [...values].sort((a, b) => a - b);
  const pos = p * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;
const stat = (xs: number[]) => ({ n: xs.length, median: percentileCont(xs, 0.5), p90: percentileCont(xs, 0.9) });

function tally(into: Map<string, Counts>, key: string, o: Outcome): void {
  const counts = into.get(key) ?? (Object.fromEntries([['incidents', 0], ...OUTCOMES.map((x) => [x, 0])]) as Counts);
  counts.incidents += 1;
  counts[o] += 1;
  into.set(key, counts);
}

export function expectedTrends(states: IncidentState[], period: Period, now: Date) {
  const inPeriod = states.filter(
    (s) =>
      Date.parse(s.reportedAt) >= Date.parse(period.from) &&
      Date.parse(s.reportedAt) < Date.parse(period.to) &&
      (!period.entityId || s.report.entityId === period.entityId),
  );
  const byMonth = new Map<string, Counts>();
  const byEntity = new Map<string, Counts>();
  const byRootCause = new Map<string, Counts>();
  const byCategory = new Map<string, Counts>();
  const totals = new Map<string, Counts>();
  const pairs = new Map<string, number>();
  const ico = { submitted: 0, within72h: 0 };
  const discoveryToAwareness: number[] = [];
  const awarenessToDecision: number[] = [];
  const awarenessToIco: number[] = [];
  const actions = { total: 0, open: 0, overdue: 0 };
  const acknowledgement = { circulated: 0, acknowledged: 0 };
  for (const s of inPeriod) {
    const o = outcome(s);
    tally(totals, 'all', o);
    tally(byMonth, monthOf(s.reportedAt), o);
    tally(byEntity, s.report.entityId, o);
    tally(byRootCause, s.lessons?.rootCause ?? 'not-recorded', o);
    for (const c of new Set(s.report.dataCategories)) tally(byCategory, c, o);
    if (s.lessons) {
      const pair = `${s.report.entityId}|${s.lessons.rootCause}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      for (const a of s.lessons.actions) {
        actions.total += 1;
        if (a.status === 'open') actions.open += 1;
        if (a.status === 'open' && Date.parse(a.dueAt) < now.getTime()) actions.overdue += 1;
      }
      acknowledgement.circulated += s.lessons.circulatedTo.length;
      acknowledgement.acknowledged += s.lessons.acknowledgedBy.length;
    }
    if (s.icoSubmission) {
      ico.submitted += 1;
      if (Date.parse(s.icoSubmission.submittedAt) <= Date.parse(s.awareAt) + 72 * HOUR) ico.within72h += 1;
      awarenessToIco.push(hours(s.awareAt, s.icoSubmission.submittedAt));
    }
    if (s.awareConfirmed) discoveryToAwareness.push(hours(s.report.discoveredAt, s.awareAt));
    if (s.decision) awarenessToDecision.push(hours(s.awareAt, s.decision.at));
  }
  const names = new Map(GROUP_ENTITIES.map((e) => [e.id, e.name]));
  return {
    totals: totals.get('all'),
    byMonth: Object.fromEntries(byMonth),
    byEntity: [...byEntity].map(([entityId, c]) => ({ entityId, name: names.get(entityId), ...c })),
    byRootCause: Object.fromEntries(byRootCause),
    byDataCategory: Object.fromEntries(byCategory),
    ico: { ...ico, late: ico.submitted - ico.within72h, shareWithin72h: ico.within72h / ico.submitted },
    hours: {
      discoveryToAwareness: stat(discoveryToAwareness),
      awarenessToDecision: stat(awarenessToDecision),
      awarenessToIcoSubmission: stat(awarenessToIco),
    },
    repeatRootCauses: [...pairs]
      .filter(([, n]) => n > 1)
      .map(([pair, incidents]) => ({ entityId: pair.split('|')[0], rootCause: pair.split('|')[1], incidents })),
    singleRootCauses: [...pairs].filter(([, n]) => n === 1).length,
    lessonActions: actions,
    lessonsAcknowledgement: { ...acknowledgement, rate: acknowledgement.acknowledged / acknowledgement.circulated },
  };
}
