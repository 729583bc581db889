import { aReport, startApi, TestApi, Who } from '../support/api';

/** Every incident route, as someone who may not see that incident. */
const ROUTES: [method: 'get' | 'post', path: string, body: object][] = [
  ['get', '', {}],
  ['get', '/timeline', {}],
  ['post', '/information', { note: 'x' }],
  ['post', '/acknowledge', {}],
  ['post', '/close-as-not-breach', { reason: 'x' }],
  ['post', '/awareness', { awareAt: new Date().toISOString(), justification: 'x' }],
  ['post', '/containment', { actions: 'x', findings: '' }],
  ['post', '/decision', { notifyIco: true, icoReasons: 'x', notifySubjects: false, subjectsReasons: 'x' }],
  ['post', '/ico-submissions', { submittedAt: new Date().toISOString(), icoReference: 'IC-1', phased: false }],
  ['post', '/ico-submissions/supplementary', { submittedAt: new Date().toISOString(), summary: 'x' }],
  ['post', '/subjects-notified', { notifiedAt: new Date().toISOString(), method: 'email', count: 1 }],
  [
    'post',
    '/controller-notified',
    { controllerId: '7a1e0000-0000-4000-8000-0000000000c1', notifiedAt: new Date().toISOString(), method: 'email' },
  ],
  ['post', '/lessons', { rootCause: 'other', narrative: 'x', changes: 'x', actions: [] }],
  ['post', '/close', { summary: 'x' }],
  ['post', '/reopen', { reason: 'x' }],
];

describe('who may see and change an incident', () => {
  let api: TestApi;
  let chrisIncident: string;
  let specialIncident: string;
  let version: number;

  beforeAll(async () => {
    api = await startApi();
    const chris = await api.as('chris');
    const res = await chris.post('/api/v1/incidents', aReport()).expect(201);
    chrisIncident = res.body.id;
    version = res.body.version;
    const special = await chris
      .post(
        '/api/v1/incidents',
        aReport({
          summary: 'Support plan notes about a tenant were left in a shared folder.',
          dataCategories: ['health'],
          specialCategory: true,
        }),
      )
      .expect(201);
    specialIncident = special.body.id;
  });
  afterAll(() => api.close());

  it.each(ROUTES)('gives another colleague 404 on %s %s, and changes nothing', async (method, path, body) => {
    const priya = await api.as('priya');
    const url = `/api/v1/incidents/${chrisIncident}${path}`;
    const res = method === 'get' ? await priya.get(url) : await priya.post(url, body);
    // Routes her role may never use are 403; everything else pretends the incident is not there.
    expect([403, 404]).toContain(res.status);
    if (res.status === 404) expect(res.body.code).toBe('incident_not_found');
    const after = await (await api.as('dpo')).get(`/api/v1/incidents/${chrisIncident}`).expect(200);
    expect(after.body.version).toBe(version);
  });

  it.each(ROUTES)('gives the partner 404 or 403 on %s %s', async (method, path, body) => {
    const partner = await api.as('partner');
    const url = `/api/v1/incidents/${chrisIncident}${path}`;
    const res = method === 'get' ? await partner.get(url) : await partner.post(url, body);
    expect([403, 404]).toContain(res.status);
  });

  it("never shows one colleague another colleague's report in the list", async () => {
    const list = await (await api.as('priya')).get('/api/v1/incidents?pageSize=100').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(chrisIncident);
    // Chris reports a lot in these tests: page through his list until it turns up.
    const chris = await api.as('chris');
    let found = false;
    for (let page = 1; !found && page <= 50; page++) {
      const res = await chris.get(`/api/v1/incidents?pageSize=100&page=${page}`).expect(200);
      found = res.body.items.some((i: { id: string }) => i.id === chrisIncident);
      if (res.body.items.length < 100) break;
    }
    expect(found).toBe(true);
  });

  it('keeps incident content from the administrator', async () => {
    const admin = await api.as('admin');
    expect((await admin.get(`/api/v1/incidents/${chrisIncident}`)).status).toBe(403);
    expect((await admin.get('/api/v1/incidents')).status).toBe(403);
  });

  it('refuses an unsigned or forged request', async () => {
    expect((await api.http.get('/api/v1/incidents')).status).toBe(401);
    const forged = await api.http
      .get('/api/v1/incidents')
      .set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('unauthenticated');
  });

  it.each<[Who, boolean]>([
    ['dpo', true],
    ['governance', true],
    ['emt', false],
    ['auditor', false],
    ['chris', false],
  ])('shows special-category free text to %s: %s', async (who, visible) => {
    const res = await (await api.as(who)).get(`/api/v1/incidents/${specialIncident}`).expect(200);
    if (visible) expect(res.body.report.summary).toContain('Support plan notes');
    else expect(res.body.report.summary).toBe('[restricted: special category or criminal-offence data]');
  });

  it('records every read of an incident in the audit trail', async () => {
    await (await api.as('emt')).get(`/api/v1/incidents/${chrisIncident}`).expect(200);
    const timeline = await (await api.as('auditor')).get(`/api/v1/incidents/${chrisIncident}/timeline`).expect(200);
    expect(timeline.body.reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: '7a1e0000-0000-4000-8000-000000000003', action: 'read-detail' }),
      ]),
    );
  });

  it('only lets the DPO or the Head of Governance decide before escalation', async () => {
    const res = await (
      await api.as('emt')
    ).post(`/api/v1/incidents/${chrisIncident}/decision`, {
      notifyIco: true,
      icoReasons: 'x',
      notifySubjects: false,
      subjectsReasons: 'x',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_entitled_to_decide');
  });
});
