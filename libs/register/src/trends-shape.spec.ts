import { monthsBetween, pivot, shapeTrends, type TrendsRaw } from './trends-shape';

const raw = (overrides: Partial<TrendsRaw> = {}): TrendsRaw => ({
  cells: [],
  ico: { submitted: 0, within72h: 0 },
  hours: {
    discoveryToAwareness: { n: 0, p: null },
    awarenessToDecision: { n: 0, p: null },
    awarenessToIcoSubmission: { n: 0, p: null },
  },
  repeat_root_causes: [],
  lesson_actions: { total: 0, open: 0, overdue: 0 },
  acknowledgement: { circulated: 0, acknowledged: 0 },
  months: { first: null, last: null },
  entity_names: { HHL: 'Herefordshire Housing Limited' },
  ...overrides,
});

const period = { from: null, to: null, entityId: null };

describe('monthsBetween', () => {
  it('lists every month, across a year end', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-03', '2025-03')).toEqual(['2025-03']);
  });

  it('fills nothing for a reversed or absurdly long span', () => {
    expect(monthsBetween('2025-03', '2025-02')).toEqual([]);
    expect(monthsBetween('0001-01', '9999-12')).toEqual([]);
  });
});

describe('pivot', () => {
  it('adds outcome cells up per key', () => {
    const cells: TrendsRaw['cells'] = [
      { dimension: 'entity', key: 'HHL', outcome: 'reported', n: 2 },
      { dimension: 'entity', key: 'HHL', outcome: 'undecided', n: 1 },
      { dimension: 'month', key: '2025-01', outcome: 'reported', n: 3 },
    ];
    expect(pivot(cells, 'entity').get('HHL')).toEqual({
      incidents: 3,
      reported: 2,
      'to-report': 0,
      'not-reported': 0,
      'not-a-breach': 0,
      undecided: 1,
    });
  });
});

describe('shapeTrends', () => {
  it('zero-fills the months of the period and totals the outcomes', () => {
    const t = shapeTrends(
      raw({
        cells: [
          { dimension: 'month', key: '2025-02', outcome: 'not-reported', n: 4 },
          { dimension: 'month', key: '2025-02', outcome: 'not-a-breach', n: 1 },
          { dimension: 'entity', key: 'HHL', outcome: 'not-reported', n: 4 },
          { dimension: 'entity', key: 'HHL', outcome: 'not-a-breach', n: 1 },
        ],
        months: { first: '2025-01', last: '2025-03' },
      }),
      period,
      '2026-01-01T00:00:00.000Z',
    );
    expect(t.byMonth.map((m) => [m.month, m.incidents])).toEqual([
      ['2025-01', 0],
      ['2025-02', 5],
      ['2025-03', 0],
    ]);
    expect(t.totals).toMatchObject({ incidents: 5, 'not-reported': 4, 'not-a-breach': 1 });
    expect(t.byEntity).toEqual([expect.objectContaining({ entityId: 'HHL', name: 'Herefordshire Housing Limited' })]);
  });

  it('gives no share, rate or percentile when there is nothing to divide', () => {
    const t = shapeTrends(raw(), period, '2026-01-01T00:00:00.000Z');
    expect(t.ico).toEqual({ submitted: 0, within72h: 0, late: 0, shareWithin72h: null });
    expect(t.lessonsAcknowledgement.rate).toBeNull();
    expect(t.hours.awarenessToDecision).toEqual({ n: 0, median: null, p90: null });
    expect(t.byMonth).toEqual([]);
  });

  it('divides when it can', () => {
    const t = shapeTrends(
      raw({
        ico: { submitted: 4, within72h: 3 },
        acknowledgement: { circulated: 8, acknowledged: 2 },
        hours: { ...raw().hours, awarenessToIcoSubmission: { n: 4, p: [30, 80.5] } },
      }),
      period,
      '2026-01-01T00:00:00.000Z',
    );
    expect(t.ico).toEqual({ submitted: 4, within72h: 3, late: 1, shareWithin72h: 0.75 });
    expect(t.lessonsAcknowledgement.rate).toBe(0.25);
    expect(t.hours.awarenessToIcoSubmission).toEqual({ n: 4, median: 30, p90: 80.5 });
  });
});
