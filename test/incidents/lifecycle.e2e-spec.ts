import { DEMO_EXTERNAL_CONTROLLER } from '#libs/directory';
import { aReport, personId, startApi, TestApi, REPORT_FACTS } from '../support/api';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

const facts = REPORT_FACTS;

describe('an incident from report to close, over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('walks every step and the timeline tells the story', async () => {
    const chris = await api.as('chris');
    const dpo = await api.as('dpo');

    const reported = await chris
      .post('/api/v1/incidents', aReport({ processorForControllerIds: [DEMO_EXTERNAL_CONTROLLER.id] }))
      .expect(201);
    const { id, reference } = reported.body as { id: string; reference: string };
    expect(reference).toMatch(/^BR-\d{4}-\d{4}$/);
    expect(reported.headers.location).toBe(`/api/v1/incidents/${id}`);

    await chris
      .post(`/api/v1/incidents/${id}/information`, { note: 'The recipient confirmed deletion by phone.' })
      .expect(200);
    await dpo.post(`/api/v1/incidents/${id}/acknowledge`).expect(200);
    const aware = minutesAgo(90);
    const moved = await dpo
      .post(`/api/v1/incidents/${id}/awareness`, {
        awareAt: aware,
        justification: 'Recipient reply confirmed the disclosure.',
      })
      .expect(200);
    expect(moved.body.status).toBe('acknowledged');
    await dpo
      .post(`/api/v1/incidents/${id}/containment`, {
        actions: 'Recall attempted; deletion confirmed.',
        findings: 'Autocomplete picked the wrong address.',
      })
      .expect(200);

    const assessed = await dpo
      .post(`/api/v1/incidents/${id}/assessments`, {
        facts,
        assessorView: {
          riskLevel: 'risk',
          likelihood: 'possible',
          severity: 'significant',
          rationale: 'Financial data to a known recipient.',
        },
      })
      .expect(200);
    expect(assessed.body.status).toBe('assessed');

    const detail = await dpo.get(`/api/v1/incidents/${id}`).expect(200);
    const recommendation = detail.body.assessments[0].recommendation as { notifyIco: boolean; notifySubjects: boolean };
    await dpo
      .post(`/api/v1/incidents/${id}/decision`, {
        notifyIco: true,
        icoReasons: 'Financial data of 40 tenants disclosed outside the group.',
        notifySubjects: false,
        subjectsExemption: null,
        subjectsReasons: 'The recipient is a trusted professional and deleted it.',
        justification:
          recommendation.notifyIco && !recommendation.notifySubjects ? null : 'Weighed the trusted recipient.',
      })
      .expect(200);

    const refusedClose = await dpo.post(`/api/v1/incidents/${id}/close`, { summary: 'done' }).expect(422);
    expect(refusedClose.body.code).toBe('obligations_outstanding');
    expect(refusedClose.body.details.missing).toEqual([
      'the ICO has not been notified',
      `the controller ${DEMO_EXTERNAL_CONTROLLER.name} has not been told`,
      'lessons learnt have not been recorded',
    ]);

    await dpo
      .post(`/api/v1/incidents/${id}/ico-submissions`, {
        submittedAt: minutesAgo(30),
        icoReference: 'IC-000001-TEST',
        phased: true,
      })
      .expect(200);
    await dpo
      .post(`/api/v1/incidents/${id}/ico-submissions/supplementary`, {
        submittedAt: minutesAgo(10),
        summary: 'Confirmation of deletion sent.',
      })
      .expect(200);
    await dpo
      .post(`/api/v1/incidents/${id}/controller-notified`, {
        controllerId: DEMO_EXTERNAL_CONTROLLER.id,
        notifiedAt: minutesAgo(20),
        method: 'email',
      })
      .expect(200);
    await dpo
      .post(`/api/v1/incidents/${id}/lessons`, {
        rootCause: 'misdirected-email-or-post',
        narrative: 'Autocomplete suggested a similar address.',
        changes: 'External addresses now need a second confirmation.',
        actions: [
          {
            description: 'Turn off autocomplete for external domains',
            ownerId: personId('governance'),
            dueAt: inDays(14),
          },
        ],
      })
      .expect(200);
    const withLessons = await dpo.get(`/api/v1/incidents/${id}`).expect(200);
    const [action] = withLessons.body.lessons.actions as { id: string }[];
    await dpo.post(`/api/v1/incidents/${id}/lessons/actions/${action.id}`, { status: 'done' }).expect(200);
    const closed = await dpo.post(`/api/v1/incidents/${id}/close`, { summary: 'All obligations met.' }).expect(200);
    expect(closed.body).toMatchObject({ id, reference, status: 'closed', version: 13 });

    const timeline = await dpo.get(`/api/v1/incidents/${id}/timeline`).expect(200);
    expect(timeline.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'IncidentReported',
      'InformationAdded',
      'IncidentAcknowledged',
      'AwarenessConfirmed',
      'ContainmentRecorded',
      'AssessmentRecorded',
      'DecisionRecorded',
      'IcoNotified',
      'IcoSupplementarySubmitted',
      'ControllerNotified',
      'LessonsLearntRecorded',
      'LessonActionUpdated',
      'IncidentClosed',
    ]);
    expect(timeline.body.entries[0].actorId).toBe(personId('chris'));
    expect(timeline.body.entries[2].actorId).toBe(personId('dpo'));
    expect(timeline.body.reads.length).toBeGreaterThanOrEqual(1);

    const final = await dpo.get(`/api/v1/incidents/${id}`).expect(200);
    expect(final.body.times.awareAt).toBe(aware);
    expect(final.body.times.icoDeadlineAt).toBe(new Date(Date.parse(aware) + 72 * 3_600_000).toISOString());
    expect(final.body.outstandingObligations).toEqual([]);

    await dpo.post(`/api/v1/incidents/${id}/reopen`, { reason: 'The recipient found a second copy.' }).expect(200);
    const reopened = await dpo.get(`/api/v1/incidents/${id}`).expect(200);
    expect(reopened.body.status).toBe('decided');
  });

  it('closes a report that is not a personal data breach and keeps it on record', async () => {
    const priya = await api.as('priya');
    const governance = await api.as('governance');
    const { body } = await priya
      .post('/api/v1/incidents', aReport({ summary: 'A locked laptop left on a train, found at once.' }))
      .expect(201);
    await governance
      .post(`/api/v1/incidents/${body.id}/close-as-not-breach`, { reason: 'Encrypted and recovered unopened.' })
      .expect(200);
    const after = await governance.get(`/api/v1/incidents/${body.id}`).expect(200);
    expect(after.body).toMatchObject({
      status: 'closed-not-breach',
      notBreachReason: 'Encrypted and recovered unopened.',
    });
    const refused = await governance.post(`/api/v1/incidents/${body.id}/acknowledge`).expect(422);
    expect(refused.body.code).toBe('closed_as_not_breach');
  });
});
