import { DataSource } from 'typeorm';
import { DEMO_PARTNER } from '#libs/directory';
import { aReport, startApi, TestApi } from '../support/api';

describe('partner access by API key (policy §6.8)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const withKey = (key: string) => ({
    post: (path: string, body: object = {}) => api.http.post(path).set('Authorization', `ApiKey ${key}`).send(body),
    get: (path: string) => api.http.get(path).set('Authorization', `ApiKey ${key}`),
  });

  it('reports with a key shown once, sees only its organisation, and loses access when revoked', async () => {
    const admin = await api.as('admin');
    const issued = (
      await admin.post(`/api/v1/admin/partners/${DEMO_PARTNER.id}/api-keys`, { label: 'Repairs portal' }).expect(201)
    ).body;
    expect(issued.key).toMatch(/^bdk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const listed = (await admin.get(`/api/v1/admin/partners/${DEMO_PARTNER.id}/api-keys`).expect(200)).body;
    expect(JSON.stringify(listed)).not.toContain(issued.key.split('_')[2]);
    const stored = await api.app
      .get(DataSource)
      .query('SELECT key_hash FROM partner_api_keys WHERE id = $1', [issued.id]);
    expect(stored[0].key_hash).not.toContain(issued.key.split('_')[2]);

    const partner = withKey(issued.key);
    const report = await partner
      .post('/api/v1/incidents', aReport({ summary: 'A van with job sheets was broken into.' }))
      .expect(201);
    const mine = await partner.get(`/api/v1/incidents/${report.body.id}`).expect(200);
    expect(mine.body.reportedVia).toBe('partner');
    // The organisation's person signed in another way sees it too; a colleague does not.
    await (await api.as('partner')).get(`/api/v1/incidents/${report.body.id}`).expect(200);
    expect((await (await api.as('chris')).get(`/api/v1/incidents/${report.body.id}`)).status).toBe(404);
    expect((await partner.post(`/api/v1/incidents/${report.body.id}/acknowledge`)).status).toBe(403);

    const used = (await admin.get(`/api/v1/admin/partners/${DEMO_PARTNER.id}/api-keys`).expect(200)).body as {
      id: string;
      lastUsedAt: string | null;
    }[];
    expect(used.find((k) => k.id === issued.id)!.lastUsedAt).not.toBeNull();

    await api.http
      .delete(`/api/v1/admin/partners/${DEMO_PARTNER.id}/api-keys/${issued.id}`)
      .set('Authorization', `Bearer ${await api.token('admin')}`)
      .expect(200);
    const revoked = await partner.get('/api/v1/incidents');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('unauthenticated');
  });

  it('refuses a made-up or malformed key', async () => {
    expect((await withKey(`bdk_${'0'.repeat(32)}_${'A'.repeat(43)}`).get('/api/v1/incidents')).status).toBe(401);
    expect((await withKey('not-a-key').get('/api/v1/incidents')).status).toBe(401);
  });
});

describe('rate limits', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.RATE_LIMIT_REPORTS_PER_MINUTE = '3';
    process.env.RATE_LIMIT_SIGN_IN_PER_MINUTE = '50';
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api.close();
  });

  it('answers the fourth report in a minute with 429 and Retry-After, recording nothing', async () => {
    const priya = await api.as('priya');
    const db = api.app.get(DataSource);
    const statuses: number[] = [];
    let last;
    // A minute boundary may reset the window once; five attempts still cross the limit.
    for (let i = 0; i < 5; i++) {
      last = await priya.post('/api/v1/incidents', aReport());
      statuses.push(last.status);
      if (last.status === 429) break;
    }
    expect(statuses).toContain(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(last!.body.code).toBe('rate_limited');
    const before = (await db.query('SELECT count(*)::int AS n FROM incident_events'))[0].n;
    expect((await priya.post('/api/v1/incidents', aReport())).status).toBe(429);
    expect((await db.query('SELECT count(*)::int AS n FROM incident_events'))[0].n).toBe(before);
  });
});

describe('sign-in rate limit', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.RATE_LIMIT_SIGN_IN_PER_MINUTE = '2';
    api = await startApi();
  });
  afterAll(async () => {
    process.env = saved;
    await api.close();
  });

  it('slows down guessing at the sign-in', async () => {
    const attempt = () =>
      api.http.post('/api/v1/dev/sign-in').send({ personId: '7a1e0000-0000-4000-8000-000000000006' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });
});
