import { Client } from 'pg';
import { loadConfig } from '#libs/config';
import { aReport, startApi, TestApi } from '../support/api';

jest.setTimeout(60_000);

describe('a PostgreSQL backend terminated in the middle of commands', () => {
  let api: TestApi;
  const admin = new Client({ connectionString: loadConfig().DATABASE_URL, application_name: 'fault-injector' });

  beforeAll(async () => {
    api = await startApi();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await api.close();
  });

  it('either commits a command whole or fails it cleanly, and a retry is safe', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).expect(200);

    const requests = Array.from({ length: 30 }, (_, i) =>
      dpo
        .post(`/api/v1/incidents/${body.id}/information`, { note: `note ${i}` })
        .then((r) => ({ i, status: r.status, body: r.body })),
    );
    // Kill every connection of the API's pool, three times, while the commands run.
    for (let k = 0; k < 3; k++) {
      await new Promise((r) => setTimeout(r, 5));
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'breach-desk' AND datname = current_database() AND pid <> pg_backend_pid()`,
      );
    }
    const results = await Promise.all(requests);
    for (const r of results) {
      expect([200, 409, 503]).toContain(r.status);
      if (r.status === 503) expect(r.body.code).toBe('database_unavailable');
    }

    const events = (
      await admin.query('SELECT version, type, payload FROM incident_events WHERE incident_id = $1 ORDER BY version', [
        body.id,
      ])
    ).rows;
    expect(events.map((e: { version: number }) => e.version)).toEqual(events.map((_: unknown, i: number) => i + 1));
    const [projection] = (await admin.query('SELECT version FROM incidents WHERE id = $1', [body.id])).rows;
    expect(projection.version).toBe(events.length);
    const outbox = (await admin.query('SELECT count(*)::int AS n FROM outbox WHERE incident_id = $1', [body.id]))
      .rows[0].n;
    expect(outbox).toBe(events.length);
    const timeline = (
      await admin.query('SELECT count(*)::int AS n FROM incident_timeline WHERE incident_id = $1', [body.id])
    ).rows[0].n;
    expect(timeline).toBe(events.length);
    // Every 200 has its event; a failed command left nothing behind.
    const ok = results.filter((r) => r.status === 200).length;
    expect(events.filter((e: { type: string }) => e.type === 'InformationAdded')).toHaveLength(ok);

    // The pool recovers and a retry of a failed command goes through.
    const retry = await dpo.post(`/api/v1/incidents/${body.id}/information`, { note: 'retry' });
    expect(retry.status).toBe(200);
  });
});
