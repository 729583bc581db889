import { DataSource } from 'typeorm';
import { DEMO_PEOPLE } from '#libs/directory';
import { aReport, startApi, TestApi } from '../support/api';
import { kill, spawnBuilt, waitFor } from '../support/processes';
import { TestSmtpServer } from '../support/smtp';

jest.setTimeout(60_000);

const DPO = DEMO_PEOPLE[0];

describe('a worker killed in the middle of a send', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  it('still delivers the message, exactly once', async () => {
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    smtp.holding = true;
    const first = spawnBuilt('apps/worker/src/main.js', env);
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    const mine = () => smtp.to(DPO.email).filter((m) => m.subject.includes(body.reference));

    // The message is on the wire, the server has not said 250: kill the sender now.
    await waitFor(async () => smtp.held > 0, 20_000, 'the send to start');
    await kill(first, 'SIGKILL');
    smtp.holding = false;
    expect(mine()).toHaveLength(0);

    const second = spawnBuilt('apps/worker/src/main.js', env);
    try {
      await waitFor(async () => mine().length > 0, 30_000, 'the retried send');
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      await kill(second, 'SIGTERM');
    }
    expect(mine()).toHaveLength(1);
    const db = api.app.get(DataSource);
    const [send] = await db.query('SELECT status FROM notification_sends WHERE incident_id = $1', [body.id]);
    expect(send.status).toBe('sent');
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'NotificationDelivered'`,
      [body.id],
    );
    expect(n).toBe(1);
  });
});
