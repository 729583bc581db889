import { DataSource } from 'typeorm';
import { IncidentSystemWriter } from '#libs/incidents';
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
});
