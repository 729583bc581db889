import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { aReport, startApi, TestApi, REPORT_FACTS } from '../support/api';

const run = promisify(execFile);
const root = join(__dirname, '../..');

const facts = REPORT_FACTS;

describe('assessment: preview, record, documents and the CLI', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('previews a recommendation without recording anything', async () => {
    const res = await (await api.as('dpo')).post('/api/v1/assessments/preview', { facts }).expect(200);
    expect(res.body).toMatchObject({ notifyIco: true, enisa: { band: expect.any(String) } });
    expect(res.body.reasons.length).toBeGreaterThan(0);
    const bad = await (
      await api.as('dpo')
    ).post('/api/v1/assessments/preview', { facts: { ...facts, breachTypes: [] } });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid_facts');
    expect(bad.body.details.errors.join(' ')).toMatch(/breachTypes/);
  });

  it('keeps every earlier assessment when the facts change', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    await dpo.post(`/api/v1/incidents/${body.id}/acknowledge`).expect(200);
    const view = { riskLevel: 'risk', likelihood: 'possible', severity: 'significant', rationale: 'First look.' };
    await dpo.post(`/api/v1/incidents/${body.id}/assessments`, { facts, assessorView: view }).expect(200);
    const worse = { ...facts, disclosure: 'public', approxSubjects: 4000 };
    await dpo
      .post(`/api/v1/incidents/${body.id}/assessments`, { facts: worse, assessorView: { ...view, riskLevel: 'high' } })
      .expect(200);
    const detail = await dpo.get(`/api/v1/incidents/${body.id}`).expect(200);
    expect(detail.body.assessments).toHaveLength(2);
    expect(detail.body.assessments[0].facts.disclosure).toBe('known-recipients');
    expect(detail.body.assessments[1].recommendation.riskLevel).toBe('high');
  });

  it('lets the DPO download the ICO report, and nobody else', async () => {
    const dpo = await api.as('dpo');
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    const html = await dpo.get(`/api/v1/incidents/${body.id}/documents/ico-report?download=true`).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename=".+\.html"$/);
    expect(html.text).toContain(body.reference);
    const text = await dpo.get(`/api/v1/incidents/${body.id}/documents/ico-report?format=text`).expect(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect((await (await api.as('emt')).get(`/api/v1/incidents/${body.id}/documents/ico-report`)).status).toBe(403);
    expect((await (await api.as('chris')).get(`/api/v1/incidents/${body.id}/documents/ico-report`)).status).toBe(403);
    expect((await dpo.get(`/api/v1/incidents/${body.id}/documents/cover-letter`)).status).toBe(404);
  });

  it('runs as a command: exit 0 with JSON for good facts, exit 2 naming what is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(facts));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...facts, colour: 'blue' }));
    const cli = join(root, 'dist/libs/assessment/src/cli/assess.js');
    const good = await run(process.execPath, [cli, join(dir, 'good.json')]);
    expect(JSON.parse(good.stdout)).toMatchObject({ notifyIco: true });
    const bad = await run(process.execPath, [cli, join(dir, 'bad.json')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/^invalid facts: .*colour/m);
  });
});
