import { DEFAULT_POLICY } from '#libs/clock';
import { DEMO_PEOPLE } from '#libs/directory';
import { aReport, startApi, TestApi } from '../support/api';
import { startWorker, TestWorker } from '../support/worker';

const { version: _v, ...defaultBody } = DEFAULT_POLICY;

describe('the escalation policy as data', () => {
  let api: TestApi;
  let worker: TestWorker;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    // Leave the default chain in force for the other suites.
    await (await api.as('admin')).put('/api/v1/admin/escalation-policy', defaultBody).expect(200);
    await worker.close();
    await api.close();
  });

  it.each<[string, object, string]>([
    [
      'nobody told at report',
      { ...defaultBody, notifyAtReport: [] },
      'notifyAtReport is empty: nobody would hear of a new report',
    ],
    [
      'a negative offset',
      { ...defaultBody, escalations: [{ unless: 'acknowledged', afterHours: -4, to: 'governance' }] },
      'escalations[0].afterHours: must be more than 0 and at most 720',
    ],
    [
      'a reminder after the deadline',
      { ...defaultBody, remindOwnerBeforeDeadlineHours: [80] },
      'remindOwnerBeforeDeadlineHours[0]: must be more than 0 and under 72',
    ],
  ])('refuses a policy with %s, and keeps the current one', async (_label, body, problem) => {
    const admin = await api.as('admin');
    const before = (await admin.get('/api/v1/admin/escalation-policy').expect(200)).body;
    const res = await admin.put('/api/v1/admin/escalation-policy', body);
    expect(res.status).toBe(422);
    expect(res.body.details.problems).toContain(problem);
    expect((await admin.get('/api/v1/admin/escalation-policy').expect(200)).body).toEqual(before);
  });

  it('refuses an unknown role with a 400', async () => {
    const res = await (
      await api.as('admin')
    ).put('/api/v1/admin/escalation-policy', { ...defaultBody, notifyAtReport: ['caretaker'] });
    expect(res.status).toBe(400);
  });

  it('lets only an administrator change it', async () => {
    expect((await (await api.as('dpo')).put('/api/v1/admin/escalation-policy', defaultBody)).status).toBe(403);
  });

  it('publishes a new version that new incidents follow while open ones keep theirs', async () => {
    const chris = await api.as('chris');
    const before = (await chris.post('/api/v1/incidents', aReport()).expect(201)).body;
    const published = await (
      await api.as('admin')
    )
      .put('/api/v1/admin/escalation-policy', { ...defaultBody, remindOwnerBeforeDeadlineHours: [6] })
      .expect(200);
    const after = (await chris.post('/api/v1/incidents', aReport()).expect(201)).body;
    await worker.drain();
    const names = async (id: string) => (await worker.timerIds(id)).map((j) => j.split('_')[2]);
    expect(await names(before.id)).toEqual(expect.arrayContaining(['reminder-24h', 'reminder-12h', 'reminder-4h']));
    expect(await names(after.id)).toContain('reminder-6h');
    expect(await names(after.id)).not.toContain('reminder-24h');
    const detail = await (await api.as('dpo')).get(`/api/v1/incidents/${after.id}`).expect(200);
    expect(published.body.version).toBeGreaterThan(1);
    expect(detail.body.policyVersion).toBe(published.body.version);
  });

  it('records an absence and hands the DPO duty to the deputy', async () => {
    const admin = await api.as('admin');
    const dpo = DEMO_PEOPLE[0];
    const res = await admin.patch(`/api/v1/admin/people/${dpo.id}`, { absent: true }).expect(200);
    expect(res.body.absent).toBe(true);
    await admin.patch(`/api/v1/admin/people/${dpo.id}`, { absent: false }).expect(200);
    const refused = await admin.patch(`/api/v1/admin/people/${dpo.id}`, { deputyId: dpo.id });
    expect(refused.body.code).toBe('invalid_deputy');
  });
});
