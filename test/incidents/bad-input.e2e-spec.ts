import { DataSource } from 'typeorm';
import { aReport, startApi, TestApi } from '../support/api';

describe('bad input gets a clear 4xx and changes nothing', () => {
  let api: TestApi;
  let eventsBefore: number;

  const countEvents = async () => {
    const [{ n }] = await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM incident_events');
    return n as number;
  };

  beforeAll(async () => {
    api = await startApi();
  });
  beforeEach(async () => {
    eventsBefore = await countEvents();
  });
  afterEach(async () => {
    expect(await countEvents()).toBe(eventsBefore);
  });
  afterAll(() => api.close());

  const future = new Date(Date.now() + 3_600_000).toISOString();

  it.each<[string, Record<string, unknown>, number, string]>([
    ['an unknown field', { ...aReport(), tenantName: 'x' }, 400, 'validation_failed'],
    ['a wrong type', { ...aReport(), approxSubjects: 'forty' }, 400, 'validation_failed'],
    ['a time without an offset', { ...aReport(), discoveredAt: '2026-11-20T10:00' }, 400, 'validation_failed'],
    ['an impossible date', { ...aReport(), discoveredAt: '2026-02-30T10:00:00Z' }, 400, 'validation_failed'],
    ['an empty data category list', { ...aReport(), dataCategories: [] }, 400, 'validation_failed'],
    ['an unknown data category', { ...aReport(), dataCategories: ['shoe-size'] }, 400, 'validation_failed'],
    ['discovery in the future', { ...aReport(), discoveredAt: future, occurredAt: null }, 422, 'time_in_future'],
    [
      'discovered before it happened',
      { ...aReport(), occurredAt: new Date().toISOString() },
      422,
      'times_out_of_order',
    ],
    ['an unknown group entity', { ...aReport(), entityId: 'ACME' }, 422, 'unknown_entity'],
    [
      'an unknown external controller',
      { ...aReport(), processorForControllerIds: ['0d9c3f1e-8a3b-4c1d-9e2f-111111111111'] },
      422,
      'unknown_controller',
    ],
  ])('refuses a report with %s', async (_label, body, status, code) => {
    const res = await (await api.as('chris')).post('/api/v1/incidents', body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
  });

  it('does not echo rejected values back', async () => {
    const res = await (
      await api.as('chris')
    ).post('/api/v1/incidents', { ...aReport(), approxSubjects: 'Jane Doe, 4 Acacia Avenue' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('Acacia');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await api.http
      .post('/api/v1/incidents')
      .set('Authorization', `Bearer ${await api.token('chris')}`)
      .set('Content-Type', 'application/json')
      .send('{"summary": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });

  it('answers a body over the size limit with 413', async () => {
    const res = await (await api.as('chris')).post('/api/v1/incidents', { ...aReport(), summary: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('answers a malformed incident id with 404', async () => {
    const res = await (await api.as('dpo')).get('/api/v1/incidents/not-a-uuid');
    expect(res.status).toBe(404);
  });

  it('refuses an awareness time in the future, or before discovery', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    eventsBefore = await countEvents();
    const inFuture = await dpo.post(`/api/v1/incidents/${body.id}/awareness`, { awareAt: future, justification: 'x' });
    expect(inFuture.body.code).toBe('time_in_future');
    const beforeDiscovery = await dpo.post(`/api/v1/incidents/${body.id}/awareness`, {
      awareAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      justification: 'x',
    });
    expect(beforeDiscovery.status).toBe(422);
    expect(beforeDiscovery.body.code).toBe('times_out_of_order');
  });

  it('refuses a command that does not fit the incident state', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    eventsBefore = await countEvents();
    const res = await dpo.post(`/api/v1/incidents/${body.id}/containment`, { actions: 'x', findings: '' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('not_acknowledged');
    const ico = await dpo.post(`/api/v1/incidents/${body.id}/ico-submissions`, {
      submittedAt: new Date().toISOString(),
      icoReference: 'IC-1',
      phased: false,
    });
    expect(ico.body.code).toBe('ico_not_decided');
  });
});
