import { DataSource } from 'typeorm';
import { aReport, personId, startApi, TestApi } from '../support/api';
import { startWorker, TestWorker } from '../support/worker';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const facts = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-post',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  protection: 'none',
  disclosure: 'trusted-recipient',
  dataExfiltrated: false,
  recoveredOrDeleted: true,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: true,
  safeguardingRisk: false,
};

describe('lessons learnt and closure', () => {
  let api: TestApi;
  let worker: TestWorker;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** An incident decided "do not notify", ready for its lessons. */
  async function decided() {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).expect(200);
    await dpo
      .post(`/api/v1/incidents/${body.id}/assessments`, {
        facts,
        assessorView: { riskLevel: 'none', likelihood: 'remote', severity: 'minimal', rationale: 'Returned unopened.' },
      })
      .expect(200);
    const detail = (await dpo.get(`/api/v1/incidents/${body.id}`).expect(200)).body;
    const rec = detail.assessments[0].recommendation;
    await dpo
      .post(`/api/v1/incidents/${body.id}/decision`, {
        notifyIco: false,
        icoReasons: 'Unlikely to result in a risk: one letter, returned unopened.',
        notifySubjects: false,
        subjectsReasons: 'No risk to the tenant.',
        justification: rec.notifyIco || rec.notifySubjects ? 'Returned unopened by a neighbour we know.' : null,
      })
      .expect(200);
    return body as { id: string; reference: string };
  }

  it('circulates lessons, records who read them, and closes only when every action is settled', async () => {
    const dpo = await api.as('dpo');
    const incident = await decided();
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons`, {
        rootCause: 'misdirected-email-or-post',
        narrative: 'The address on file was out of date.',
        changes: 'Addresses are checked at each tenancy review.',
        actions: [
          { description: 'Check addresses on the next mailing', ownerId: personId('governance'), dueAt: inDays(10) },
          { description: 'Buy window envelopes', ownerId: personId('dpo'), dueAt: inDays(20) },
        ],
      })
      .expect(200);
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons/circulate`, { personIds: [personId('priya')], roles: ['emt'] })
      .expect(200);

    const priya = await api.as('priya');
    const mine = (await priya.get('/api/v1/lessons').expect(200)).body as {
      incidentId: string;
      acknowledged: boolean;
      narrative: string;
    }[];
    expect(mine.find((l) => l.incidentId === incident.id)).toMatchObject({
      acknowledged: false,
      narrative: 'The address on file was out of date.',
    });
    // Chris reported it but was not sent the lessons: nothing to acknowledge.
    expect((await (await api.as('chris')).post(`/api/v1/lessons/${incident.id}/acknowledge`)).status).toBe(404);
    await priya.post(`/api/v1/lessons/${incident.id}/acknowledge`).expect(200);
    await priya.post(`/api/v1/lessons/${incident.id}/acknowledge`).expect(200);
    const after = (await priya.get('/api/v1/lessons').expect(200)).body as {
      incidentId: string;
      acknowledged: boolean;
    }[];
    expect(after.find((l) => l.incidentId === incident.id)!.acknowledged).toBe(true);

    const detail = (await dpo.get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(detail.lessons.circulatedTo).toEqual(expect.arrayContaining([personId('priya'), personId('emt')]));
    expect(detail.lessons.acknowledgedBy.map((a: { personId: string }) => a.personId)).toEqual([personId('priya')]);

    const refused = await dpo.post(`/api/v1/incidents/${incident.id}/close`, { summary: 'done' }).expect(422);
    expect(refused.body.details.missing).toEqual([
      '2 lessons-learnt action(s) are neither done nor accepted with a reason',
    ]);
    const [first, second] = detail.lessons.actions as { id: string }[];
    await dpo.post(`/api/v1/incidents/${incident.id}/lessons/actions/${first.id}`, { status: 'done' }).expect(200);
    const noReason = await dpo.post(`/api/v1/incidents/${incident.id}/lessons/actions/${second.id}`, {
      status: 'accepted',
    });
    expect(noReason.body.code).toBe('reason_required');
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons/actions/${second.id}`, {
        status: 'accepted',
        reason: 'Window envelopes already in stock.',
      })
      .expect(200);
    await dpo.post(`/api/v1/incidents/${incident.id}/close`, { summary: 'Closed.' }).expect(200);
  });

  it('schedules a reminder before each action is due and an escalation when overdue', async () => {
    const dpo = await api.as('dpo');
    const incident = await decided();
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons`, {
        rootCause: 'other',
        narrative: 'n',
        changes: 'c',
        actions: [{ description: 'Train the team', ownerId: personId('governance'), dueAt: inDays(5) }],
      })
      .expect(200);
    await worker.drain();
    const names = (await worker.timerIds(incident.id)).map((id) => id.split('_')[2]);
    expect(names.filter((n) => n.startsWith('action-'))).toHaveLength(2);
    expect(names.some((n) => n.endsWith('-reminder'))).toBe(true);
    expect(names.some((n) => n.endsWith('-overdue'))).toBe(true);
  });

  it.each<[string, object, number, string]>([
    ['an action due in the past', { dueAt: minutesAgo(5) }, 422, 'times_out_of_order'],
    ['an owner not in the directory', { ownerId: '0d9c3f1e-8a3b-4c1d-9e2f-111111111111' }, 422, 'unknown_owner'],
  ])('refuses lessons with %s and records nothing', async (_label, change, status, code) => {
    const dpo = await api.as('dpo');
    const incident = await decided();
    const db = api.app.get(DataSource);
    const before = (
      await db.query('SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1', [incident.id])
    )[0].n;
    const res = await dpo.post(`/api/v1/incidents/${incident.id}/lessons`, {
      rootCause: 'other',
      narrative: 'n',
      changes: 'c',
      actions: [{ description: 'x', ownerId: personId('dpo'), dueAt: inDays(3), ...change }],
    });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    const after = (
      await db.query('SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1', [incident.id])
    )[0].n;
    expect(after).toBe(before);
  });

  it('refuses to circulate to someone not in the directory', async () => {
    const incident = await decided();
    const dpo = await api.as('dpo');
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons`, {
        rootCause: 'other',
        narrative: 'n',
        changes: 'c',
        actions: [],
      })
      .expect(200);
    const res = await dpo.post(`/api/v1/incidents/${incident.id}/lessons/circulate`, {
      personIds: ['0d9c3f1e-8a3b-4c1d-9e2f-111111111111'],
    });
    expect(res.body.code).toBe('unknown_person');
  });

  it('reads a list sent as null as an empty one (found by the hostile-input fuzzer as a 500)', async () => {
    const incident = await decided();
    const dpo = await api.as('dpo');
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons`, {
        rootCause: 'other',
        narrative: 'n',
        changes: 'c',
        actions: [],
      })
      .expect(200);
    await dpo
      .post(`/api/v1/incidents/${incident.id}/lessons/circulate`, { personIds: null, roles: ['emt'], entityIds: null })
      .expect(200);
    const detail = (await dpo.get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(detail.lessons.circulatedTo).toEqual([personId('emt')]);
  });
});
