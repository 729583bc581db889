import { Client } from 'pg';
import { loadConfig } from '#libs/config';
import { DEMO_PEOPLE } from '#libs/directory';
import { aReport } from '../support/api';
import { kill, spawnBuilt, waitFor } from '../support/processes';
import { TestSmtpServer } from '../support/smtp';

jest.setTimeout(90_000);

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('two API and two worker processes at once', () => {
  const smtp = new TestSmtpServer();
  const db = new Client({ connectionString: loadConfig().DATABASE_URL });

  beforeAll(async () => {
    await smtp.start();
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await smtp.stop();
  });

  it('raises each overdue reminder once and sends each message once', async () => {
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    const ports = [3911, 3912];
    const apis = ports.map((port) => spawnBuilt('apps/api/src/main.js', { ...env, PORT: String(port) }));
    const workers = [spawnBuilt('apps/worker/src/main.js', env), spawnBuilt('apps/worker/src/main.js', env)];
    try {
      for (const port of ports) {
        await waitFor(
          async () => (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => undefined))?.ok === true,
          20_000,
          `API on ${port}`,
        );
      }
      const ids: string[] = [];
      for (const [i, port] of [...ports, ...ports, ...ports].entries()) {
        const base = `http://127.0.0.1:${port}`;
        const token = (await (
          await fetch(`${base}/api/v1/dev/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ personId: DEMO_PEOPLE[5].id }),
          })
        ).json()) as { accessToken: string };
        // Discovered 70 hours ago: the 48-hour escalation and the 24, 12 and 4 h reminders are already due.
        const res = await fetch(`${base}/api/v1/incidents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}` },
          body: JSON.stringify(aReport({ discoveredAt: hoursAgo(70 + i / 10), occurredAt: null })),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { id: string }).id);
      }
      const count = async (type: string) =>
        (
          await db.query(`SELECT count(*)::int AS n FROM incident_events WHERE incident_id = ANY($1) AND type = $2`, [
            ids,
            type,
          ])
        ).rows[0].n as number;
      await waitFor(
        async () =>
          (await count('DeadlineReminderRaised')) >= ids.length * 3 && (await count('EscalationRaised')) >= ids.length,
        40_000,
        'the due timers to fire',
      );
      // Let any duplicate that would come, come.
      await new Promise((r) => setTimeout(r, 2_000));
      const perTimer = await db.query(
        `SELECT incident_id, payload #>> '{data,timer}' AS timer, count(*)::int AS n FROM incident_events
          WHERE incident_id = ANY($1) AND type IN ('DeadlineReminderRaised', 'EscalationRaised') GROUP BY 1, 2`,
        [ids],
      );
      expect(perTimer.rows).toHaveLength(ids.length * 4);
      expect(perTimer.rows.every((r: { n: number }) => r.n === 1)).toBe(true);

      await waitFor(
        async () =>
          (
            await db.query(
              `SELECT count(*)::int AS n FROM notification_sends WHERE incident_id = ANY($1) AND status <> 'sent'`,
              [ids],
            )
          ).rows[0].n === 0,
        30_000,
        'every send',
      );
      const sends = (await db.query(`SELECT id FROM notification_sends WHERE incident_id = ANY($1)`, [ids])).rows as {
        id: string;
      }[];
      for (const send of sends) {
        expect(smtp.received.filter((m) => m.messageId === `<${send.id}@breach-desk>`)).toHaveLength(1);
      }
    } finally {
      await Promise.all([...apis, ...workers].map((p) => kill(p, 'SIGTERM')));
    }
  });
});
