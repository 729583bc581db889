import { DataSource } from 'typeorm';
import { DEMO_PEOPLE } from '#libs/directory';
import { IncidentRepository, type IncidentState } from '#libs/incidents';
import type { Trends } from '#libs/register';
import { purgeIncidents } from '../support/purge';
import { appendSynthetic } from '../../libs/register/src/testing/append-synthetic';
import { syntheticIncidents } from '../../libs/register/src/testing/synthetic-incidents';
import { startApi, TestApi } from '../support/api';
import { expectedTrends, monthOf, OUTCOMES, Period } from './expected-trends';

/**
 * Thousands of incidents, generated in-process through the real write path with times in
 * 2024–2025 (a period no other test uses), and every trend figure checked against the same
 * figures computed independently in TypeScript.
 */

const ENTITIES = ['FLL', 'FDL', 'E4', 'RISE'];
const PERIOD: Period = { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
const TOLERANCE = 1e-6;

const at = (iso: string) => new Date(iso);

function closeTo(actual: number | null, expected: number | null): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThan(TOLERANCE);
}

/** Every UK calendar month the period touches, found by walking it in 6-hour steps. */
function monthsOf(period: Period): string[] {
  const months = new Set<string>();
  for (let t = Date.parse(period.from); t < Date.parse(period.to); t += 6 * 3_600_000) {
    months.add(monthOf(new Date(t).toISOString()));
  }
  months.add(monthOf(new Date(Date.parse(period.to) - 1).toISOString()));
  return [...months].sort();
}

function compare(actual: Trends, states: IncidentState[], period: Period): ReturnType<typeof expectedTrends> {
  const expected = expectedTrends(states, period, new Date());
  const zero = Object.fromEntries([['incidents', 0], ...OUTCOMES.map((o) => [o, 0])]);
  const keyed = <T extends { incidents: number }>(rows: T[], key: keyof T) =>
    Object.fromEntries(rows.map((r) => [r[key], Object.fromEntries(Object.entries(r).filter(([k]) => k !== key))]));

  expect(actual.totals).toEqual(expected.totals);
  expect(actual.byMonth.map((m) => m.month)).toEqual(monthsOf(period));
  for (const { month, ...counts } of actual.byMonth) expect(counts).toEqual(expected.byMonth[month] ?? zero);
  const byId = (a: { entityId: string }, b: { entityId: string }) => a.entityId.localeCompare(b.entityId);
  expect([...actual.byEntity].sort(byId)).toEqual([...expected.byEntity].sort(byId));
  expect(keyed(actual.byRootCause, 'rootCause')).toEqual(expected.byRootCause);
  expect(keyed(actual.byDataCategory, 'category')).toEqual(expected.byDataCategory);
  for (const list of [actual.byEntity, actual.byRootCause, actual.byDataCategory]) {
    expect(list.map((r) => r.incidents)).toEqual([...list.map((r) => r.incidents)].sort((a, b) => b - a));
  }

  expect(actual.ico).toMatchObject({
    submitted: expected.ico.submitted,
    within72h: expected.ico.within72h,
    late: expected.ico.late,
  });
  closeTo(actual.ico.shareWithin72h, expected.ico.shareWithin72h);
  for (const key of ['discoveryToAwareness', 'awarenessToDecision', 'awarenessToIcoSubmission'] as const) {
    expect(actual.hours[key].n).toBe(expected.hours[key].n);
    closeTo(actual.hours[key].median, expected.hours[key].median);
    closeTo(actual.hours[key].p90, expected.hours[key].p90);
  }

  const byPair = (a: { entityId: string; rootCause: string }, b: { entityId: string; rootCause: string }) =>
    a.entityId.localeCompare(b.entityId) || a.rootCause.localeCompare(b.rootCause);
  expect([...actual.repeatRootCauses].sort(byPair)).toEqual([...expected.repeatRootCauses].sort(byPair));
  expect(actual.lessonActions).toEqual(expected.lessonActions);
  expect(actual.lessonsAcknowledgement).toMatchObject({
    circulated: expected.lessonsAcknowledgement.circulated,
    acknowledged: expected.lessonsAcknowledgement.acknowledged,
  });
  closeTo(actual.lessonsAcknowledgement.rate, expected.lessonsAcknowledgement.rate);
  return expected;
}

describe('executive trends over thousands of generated incidents', () => {
  let api: TestApi;
  let states: IncidentState[];

  const query = (period: Period) =>
    `/api/v1/trends?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}` +
    (period.entityId ? `&entity=${period.entityId}` : '');

  beforeAll(async () => {
    api = await startApi();
    const repo = api.app.get(IncidentRepository);
    const sets = [
      { seed: 1, count: 5_000, from: at('2024-01-01T00:00:00Z'), to: at('2025-12-01T00:00:00Z') },
      // Right at both ends of the period: the last hour inside it, and just outside either end.
      { seed: 2, count: 12, from: at('2025-12-31T23:00:00Z'), to: at('2026-01-01T00:00:00Z') },
      { seed: 3, count: 12, from: at('2023-12-31T23:00:00Z'), to: at('2024-01-01T00:00:00Z') },
      { seed: 4, count: 12, from: at('2026-01-01T00:00:00Z'), to: at('2026-01-01T01:00:00Z') },
      { seed: 5, count: 30, from: at('2023-10-01T00:00:00Z'), to: at('2023-12-01T00:00:00Z') },
    ];
    const items = sets.flatMap((s) => syntheticIncidents({ ...s, entities: ENTITIES }));
    const started = Date.now();
    states = await appendSynthetic(repo, items, { batchSize: 50, concurrency: 4 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`generated ${states.length} incidents through IncidentRepository.append in ${seconds.toFixed(1)} s`);
  }, 240_000);
  afterAll(async () => {
    // Two years of open synthetic incidents would swamp the workers of the suites after this one.
    if (states?.length)
      await purgeIncidents(
        api.app.get(DataSource),
        states.map((s) => s.id),
      );
    await api?.close();
  });

  it('gives every figure for the whole period exactly as computed independently', async () => {
    const res = await (await api.as('emt')).get(query(PERIOD)).expect(200);
    const expected = compare(res.body as Trends, states, PERIOD);
    // The data exercises every branch being checked.
    expect(expected.totals!.incidents).toBeGreaterThanOrEqual(5_000);
    for (const o of OUTCOMES) expect(expected.totals![o]).toBeGreaterThan(0);
    expect(expected.ico.within72h).toBeGreaterThan(0);
    expect(expected.ico.late).toBeGreaterThan(0);
    expect(expected.lessonActions.overdue).toBeGreaterThan(0);
    expect(expected.lessonActions.open).toBeGreaterThan(expected.lessonActions.overdue);
    expect(expected.lessonsAcknowledgement.acknowledged).toBeGreaterThan(0);
    expect(res.body.byMonth).toHaveLength(24);
  });

  it('filters by group entity', async () => {
    const period = { ...PERIOD, entityId: 'FLL' };
    const res = await (await api.as('auditor')).get(query(period)).expect(200);
    compare(res.body as Trends, states, period);
    expect(res.body.byEntity.map((e: { entityId: string }) => e.entityId)).toEqual(['FLL']);
    expect(res.body.byEntity[0].name).toBe('Floreat Living Limited');
  });

  it('takes UK months, and counts a root cause as repeated only when it recurs for the same entity', async () => {
    // A summer month in UK time (BST), for one entity, where some root cause was seen only once.
    const candidates = ['FDL', 'E4', 'RISE'].flatMap((entityId) =>
      ['2024-04', '2024-07', '2025-05', '2025-08'].map((month) => {
        const [y, m] = month.split('-').map(Number);
        const from = new Date(Date.UTC(y, m - 1, 1) - 3_600_000).toISOString();
        const to = new Date(Date.UTC(y, m, 1) - 3_600_000).toISOString();
        return { month, period: { from, to, entityId } };
      }),
    );
    const chosen = candidates.find(({ period }) => {
      const e = expectedTrends(states, period, new Date());
      return e.singleRootCauses > 0 && e.repeatRootCauses.length > 0;
    });
    expect(chosen).toBeDefined();
    const { month, period } = chosen!;
    const res = await (await api.as('dpo')).get(query(period)).expect(200);
    compare(res.body as Trends, states, period);
    expect(res.body.byMonth.map((m: { month: string }) => m.month)).toEqual([month]);
  });

  it('agrees with the register, which pages through every incident of the period in order', async () => {
    const period = `from=${encodeURIComponent(PERIOD.from)}&to=${encodeURIComponent(PERIOD.to)}`;
    const auditor = await api.as('auditor');
    const trends = (await auditor.get(query(PERIOD)).expect(200)).body as Trends;
    const json = await auditor.get(`/api/v1/register?${period}`).expect(200);
    const rows = json.body.rows as { reference: string; reportedAt: string; outcome: string }[];
    expect(json.body.count).toBe(trends.totals.incidents);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    const times = rows.map((r) => Date.parse(r.reportedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const o of OUTCOMES) expect(rows.filter((r) => r.outcome === o)).toHaveLength(trends.totals[o]);
    const csv = await auditor.get(`/api/v1/register?${period}&format=csv`).expect(200);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);
  });

  it('holds no personal data: no person ids and no free text', async () => {
    const res = await (await api.as('emt')).get(query(PERIOD)).expect(200);
    const text = JSON.stringify(res.body);
    for (const person of DEMO_PEOPLE) expect(text).not.toContain(person.id);
    expect(text).not.toContain('Synthetic');
  });

  it('is for the DPO, governance, EMT and audit only', async () => {
    for (const who of ['dpo', 'governance'] as const) await (await api.as(who)).get(query(PERIOD)).expect(200);
    for (const who of ['admin', 'chris', 'partner'] as const) {
      const res = await (await api.as(who)).get(query(PERIOD)).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
  });
});
