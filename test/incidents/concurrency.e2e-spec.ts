import { DataSource } from 'typeorm';
import { IncidentSystemWriter } from '#libs/incidents';
import { londonYear } from '#libs/shared';
import { aReport, startApi, TestApi } from '../support/api';

describe('two commands racing on one incident', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('lets 20 concurrent commands each win or get 409, losing none and keeping versions contiguous', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).expect(200);

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dpo.post(`/api/v1/incidents/${body.id}/containment`, { actions: `step ${i}`, findings: '' }),
      ),
    );
    const won = responses.filter((r) => r.status === 200);
    const lost = responses.filter((r) => r.status === 409);
    expect(won.length + lost.length).toBe(20);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const r of lost) expect(r.body).toEqual({ code: 'concurrent_change', message: expect.any(String) });

    const dataSource = api.app.get(DataSource);
    const versions: { version: number }[] = await dataSource.query(
      'SELECT version FROM incident_events WHERE incident_id = $1 ORDER BY version',
      [body.id],
    );
    // Report + acknowledge + one event per winner, numbered 1..n with no gap.
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 2 + won.length }, (_, i) => i + 1));
    const detail = await dpo.get(`/api/v1/incidents/${body.id}`).expect(200);
    const recorded = (detail.body.containment as { actions: string }[]).map((c) => c.actions).sort();
    const acknowledged = won.map((r) => r.body.version as number);
    expect(new Set(acknowledged).size).toBe(won.length);
    expect(recorded).toHaveLength(won.length);
    const [{ outbox }] = await dataSource.query('SELECT count(*)::int AS outbox FROM outbox WHERE incident_id = $1', [
      body.id,
    ]);
    expect(outbox).toBe(2 + won.length);
  });

  it('refuses a command made against a version the caller no longer has (If-Match)', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    const stale = await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).set('If-Match', '"5"');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('concurrent_change');
    await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).set('If-Match', `"${body.version}"`).expect(200);
  });

  it('does not refuse a person because the system wrote in between (a reminder, a delivery)', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    const recorded = await api.app
      .get(IncidentSystemWriter)
      .record(body.id, (incident, now) =>
        incident.recordNotificationOutcome(
          { sendId: 'send-1', kind: 'new-report', recipientId: 'someone', reason: null },
          now,
        ),
      );
    expect(recorded).toBe(true);
    // The DPO still holds version 1; only the system has written since.
    const res = await dpo
      .post(`/api/v1/incidents/${body.id}/acknowledge`)
      .set('If-Match', `"${body.version}"`)
      .expect(200);
    expect(res.body.version).toBe(3);
  });

  it('gives reports sent at once gapless, distinct references, each written whole exactly once', async () => {
    const dataSource = api.app.get(DataSource);
    const year = londonYear(new Date());
    const counter = async (): Promise<number> => {
      const rows: { last_value: number }[] = await dataSource.query(
        'SELECT last_value FROM incident_reference_counters WHERE year = $1',
        [year],
      );
      return rows[0]?.last_value ?? 0;
    };
    const before = await counter();
    const [chris, priya] = await Promise.all([api.as('chris'), api.as('priya')]);
    const responses = await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => (i % 2 ? chris : priya).post('/api/v1/incidents', aReport())),
      // Refused before the counter is touched: no number is spent on it.
      chris.post('/api/v1/incidents', aReport({ entityId: 'NOT-AN-ENTITY' })),
    ]);
    const refused = responses.pop()!;
    expect(refused.status).toBe(422);
    for (const r of responses) expect(r.status).toBe(201);

    const numbers = responses
      .map((r) => Number(/^BR-(\d{4})-(\d{4,})$/.exec(r.body.reference)![2]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => before + i + 1));
    expect(await counter()).toBe(before + 24);

    const ids = responses.map((r) => r.body.id as string);
    const rows: {
      reference: string;
      detail_ref: string;
      event_ref: string;
      keys: number;
      events: number;
      outbox: number;
      timeline: string[];
    }[] = await dataSource.query(
      `SELECT i.reference, i.detail->>'reference' AS detail_ref,
                (SELECT payload->'data'->>'reference' FROM incident_events e WHERE e.incident_id = i.id) AS event_ref,
                (SELECT count(*)::int FROM incident_keys k WHERE k.incident_id = i.id) AS keys,
                (SELECT count(*)::int FROM incident_events e WHERE e.incident_id = i.id AND e.version = 1) AS events,
                (SELECT count(*)::int FROM outbox o WHERE o.incident_id = i.id) AS outbox,
                (SELECT array_agg(t.summary) FROM incident_timeline t WHERE t.incident_id = i.id) AS timeline
           FROM incidents i WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toHaveLength(24);
    for (const row of rows) {
      expect(row).toEqual({
        reference: row.reference,
        detail_ref: row.reference,
        event_ref: row.reference,
        keys: 1,
        events: 1,
        outbox: 1,
        timeline: [`Reported as ${row.reference} by a colleague`],
      });
    }
    expect(new Set(rows.map((r) => r.reference)).size).toBe(24);
  });
});
