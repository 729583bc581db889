import { DataSource } from 'typeorm';
import { rebuildProjections } from '#libs/incidents';
import { aReport, startApi, TestApi } from '../support/api';

describe('projections:rebuild', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const snapshot = async (dataSource: DataSource) => ({
    incidents: await dataSource.query('SELECT * FROM incidents ORDER BY id'),
    timeline: await dataSource.query('SELECT * FROM incident_timeline ORDER BY event_id'),
  });

  it('replays every stream into projections equal to the live ones', async () => {
    const dpo = await api.as('dpo');
    const chris = await api.as('chris');
    for (let i = 0; i < 3; i++) {
      const { body } = await chris.post('/api/v1/incidents', aReport()).expect(201);
      await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).expect(200);
      await dpo
        .post(`/api/v1/incidents/${body.id}/awareness`, {
          awareAt: new Date(Date.now() - 60_000).toISOString(),
          justification: 'Confirmed.',
        })
        .expect(200);
    }
    const dataSource = api.app.get(DataSource);
    const live = await snapshot(dataSource);
    expect(live.incidents.length).toBeGreaterThanOrEqual(3);

    // Damage the projections the way a bug would, then rebuild.
    await dataSource.query(`UPDATE incidents SET status = 'closed', detail = '{}'::jsonb`);
    await dataSource.query('DELETE FROM incident_timeline WHERE version > 1');
    const result = await rebuildProjections(dataSource);

    expect(result.incidents).toBe(live.incidents.length);
    expect(await snapshot(dataSource)).toEqual(live);
  });
});
