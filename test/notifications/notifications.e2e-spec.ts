import { DataSource } from 'typeorm';
import { DEMO_PEOPLE } from '#libs/directory';
import { aReport, startApi, TestApi } from '../support/api';
import { waitFor } from '../support/processes';
import { TestSmtpServer } from '../support/smtp';
import { startWorker, TestWorker } from '../support/worker';

jest.setTimeout(30_000);

const DPO = DEMO_PEOPLE[0];
const GOVERNANCE = DEMO_PEOPLE[1];

describe('notifications over real SMTP', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let worker: TestWorker;
  let db: DataSource;

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    process.env.SMTP_URL = await smtp.start();
    api = await startApi();
    worker = await startWorker();
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    delete process.env.SMTP_URL;
  });
  afterEach(async () => {
    smtp.refusing = false;
    smtp.unknownMailboxes.clear();
    await db.query('UPDATE people SET absent = false');
  });

  async function report(summary: string) {
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport({ summary })).expect(201);
    await worker.drain();
    return body as { id: string; reference: string };
  }

  const timeline = async (id: string) =>
    (await (await api.as('dpo')).get(`/api/v1/incidents/${id}/timeline`).expect(200)).body.entries as {
      type: string;
      summary: string;
    }[];

  it('tells the DPO of a new report with the reference, deadline and link, and none of the breach', async () => {
    const incident = await report('Safeguarding file of tenant Zebedee Quartermaine sent to a neighbour.');
    await waitFor(async () => smtp.to(DPO.email).some((m) => m.subject.includes(incident.reference)));
    const mail = smtp.to(DPO.email).find((m) => m.subject.includes(incident.reference))!;
    expect(mail.subject).toBe(`[Breach Desk] ${incident.reference}: new suspected breach to acknowledge`);
    expect(mail.text).toContain(`/incidents/${incident.id}`);
    expect(mail.text).toMatch(/ICO deadline:\s+\d{1,2} \w+ \d{4}, \d{2}:\d{2} (GMT|BST)/);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toContain('Zebedee');
      expect(part).not.toContain('Quartermaine');
      expect(part).not.toContain(DPO.displayName);
    }
    await waitFor(async () => (await timeline(incident.id)).some((e) => e.type === 'NotificationDelivered'));
  });

  it('tells the Head of Governance instead when the DPO is marked absent (policy §13.10)', async () => {
    await db.query('UPDATE people SET absent = true WHERE id = $1', [DPO.id]);
    const incident = await report('Laptop left on a bus.');
    await waitFor(async () => smtp.to(GOVERNANCE.email).some((m) => m.subject.includes(incident.reference)));
    expect(smtp.to(DPO.email).some((m) => m.subject.includes(incident.reference))).toBe(false);
  });

  it('delivers after the SMTP server refuses for a while', async () => {
    smtp.refusing = true;
    const incident = await report('Letters sent to the wrong block.');
    await waitFor(async () => {
      const [row] = await db.query('SELECT attempts FROM notification_sends WHERE incident_id = $1', [incident.id]);
      return (row?.attempts ?? 0) >= 2;
    });
    expect(smtp.to(DPO.email).some((m) => m.subject.includes(incident.reference))).toBe(false);
    smtp.refusing = false;
    await waitFor(async () => smtp.to(DPO.email).some((m) => m.subject.includes(incident.reference)), 20_000);
    expect(smtp.to(DPO.email).filter((m) => m.subject.includes(incident.reference))).toHaveLength(1);
  });

  it('records a mailbox that does not exist as a final failure, without retrying for ever', async () => {
    smtp.unknownMailboxes.add(DPO.email);
    const incident = await report('USB stick lost.');
    await waitFor(async () => (await timeline(incident.id)).some((e) => e.type === 'NotificationFailed'));
    const [send] = await db.query(
      'SELECT status, attempts, last_error FROM notification_sends WHERE incident_id = $1',
      [incident.id],
    );
    expect(send).toEqual({ status: 'failed', attempts: 1, last_error: 'smtp-550' });
    expect((await timeline(incident.id)).find((e) => e.type === 'NotificationFailed')!.summary).toContain('smtp-550');
  });

  it('sends nothing twice when the same event is relayed again', async () => {
    const incident = await report('Wrong attachment.');
    await waitFor(async () => smtp.to(DPO.email).some((m) => m.subject.includes(incident.reference)));
    // Simulate an at-least-once redelivery of every event of this incident.
    await db.query(
      'DELETE FROM outbox_receipts WHERE event_id IN (SELECT id FROM incident_events WHERE incident_id = $1)',
      [incident.id],
    );
    await db.query('UPDATE outbox SET processed_at = NULL WHERE incident_id = $1', [incident.id]);
    await worker.drain();
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to(DPO.email).filter((m) => m.subject.includes(incident.reference))).toHaveLength(1);
  });
});
