import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { rebuildProjections, RetentionSweeper } from '#libs/incidents';
import { aReport, personId, startApi, TestApi } from '../support/api';
import { startWorker, TestWorker } from '../support/worker';

const run = promisify(execFile);
jest.setTimeout(60_000);

const MARKER = `CANARY-${Date.now()}-Winifred-Oakenshield`;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe('retention: erasure by crypto-shredding', () => {
  let api: TestApi;
  let worker: TestWorker;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    db = api.app.get(DataSource);
  });
  afterAll(async () => {
    await db.query(`UPDATE group_entities SET retention_months = 72 WHERE id = 'MMHA'`);
    await worker.close();
    await api.close();
  });

  /** An incident whose every free-text field carries the marker, walked to closure. */
  async function closedIncidentFullOfMarkers(): Promise<{ id: string; reference: string }> {
    const dpo = await api.as('dpo');
    const m = (what: string) => `${what} ${MARKER}`;
    const { body } = await (
      await api.as('chris')
    )
      .post(
        '/api/v1/incidents',
        aReport({ entityId: 'MMHA', summary: m('summary'), howDiscovered: m('how'), containmentSoFar: m('contained') }),
      )
      .expect(201);
    const url = `/api/v1/incidents/${body.id}`;
    await (await api.as('chris')).post(`${url}/information`, { note: m('note') }).expect(200);
    await dpo.post(`${url}/acknowledge`).expect(200);
    await dpo.post(`${url}/awareness`, { awareAt: ago(60), justification: m('justification') }).expect(200);
    await dpo.post(`${url}/containment`, { actions: m('actions'), findings: m('findings') }).expect(200);
    const facts = {
      breachTypes: ['confidentiality'],
      cause: 'misdirected-email',
      maliciousIntent: false,
      dataCategories: ['contact'],
      subjectCategories: ['tenants'],
      approxSubjects: 2,
      protection: 'none',
      disclosure: 'known-recipients',
      dataExfiltrated: false,
      recoveredOrDeleted: false,
      backupAvailable: true,
      availabilityLoss: 'none',
      containedQuickly: true,
      safeguardingRisk: false,
    };
    await dpo
      .post(`${url}/assessments`, {
        facts,
        assessorView: { riskLevel: 'risk', likelihood: 'possible', severity: 'significant', rationale: m('rationale') },
      })
      .expect(200);
    await dpo
      .post(`${url}/decision`, {
        notifyIco: true,
        icoReasons: m('ico'),
        notifySubjects: true,
        subjectsExemption: null,
        subjectsReasons: m('subjects'),
        justification: m('justification'),
      })
      .expect(200);
    await dpo
      .post(`${url}/ico-submissions`, {
        submittedAt: ago(30),
        icoReference: 'IC-RET-1',
        phased: true,
        delayReasons: m('delay'),
      })
      .expect(200);
    await dpo
      .post(`${url}/ico-submissions/supplementary`, { submittedAt: ago(20), summary: m('supplementary') })
      .expect(200);
    await dpo.post(`${url}/subjects-notified`, { notifiedAt: ago(10), method: 'letter', count: 2 }).expect(200);
    await dpo
      .post(`${url}/lessons`, {
        rootCause: 'other',
        narrative: m('narrative'),
        changes: m('changes'),
        actions: [{ description: m('action'), ownerId: personId('dpo'), dueAt: inDays(3) }],
      })
      .expect(200);
    const detail = (await dpo.get(url).expect(200)).body;
    await dpo
      .post(`${url}/lessons/actions/${detail.lessons.actions[0].id}`, { status: 'accepted', reason: m('accepted') })
      .expect(200);
    await dpo.post(`${url}/close`, { summary: m('closing') }).expect(200);
    await worker.drain();
    return body;
  }

  it('leaves no trace of the personal details in any table, projection or pg_dump, and keeps the facts', async () => {
    const incident = await closedIncidentFullOfMarkers();
    const before = await run('pg_dump', ['--no-owner', '--data-only', loadConfig().DATABASE_URL], {
      maxBuffer: 512 * 1024 * 1024,
    });
    // Sealed at rest already: only the projection held the plain text.
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM incident_events WHERE payload::text LIKE $1`, [`%${MARKER}%`]))[0]
        .n,
    ).toBe(0);
    expect(before.stdout).toContain(MARKER);

    await (await api.as('admin')).patch('/api/v1/admin/entities/MMHA', { retentionMonths: 1 }).expect(200);
    const sweeper = worker.app.get(RetentionSweeper);
    expect(await sweeper.sweep(new Date(Date.now() + 2 * 31 * 86_400_000))).toBeGreaterThanOrEqual(1);

    const dump = await run('pg_dump', ['--no-owner', loadConfig().DATABASE_URL], { maxBuffer: 512 * 1024 * 1024 });
    expect(dump.stdout).not.toContain(MARKER);
    expect(dump.stdout).not.toContain('Winifred');

    const detail = (await (await api.as('dpo')).get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(detail.report.summary).toBe('[erased]');
    expect(detail.decision.icoReasons).toBe('[erased]');
    expect(detail.lessons.actions[0].description).toBe('[erased]');
    // The register's facts survive: reference, categories, counts, decisions, times.
    expect(detail).toMatchObject({
      reference: incident.reference,
      status: 'closed',
      report: { dataCategories: ['basic-identifiers', 'financial'], approxSubjects: 40 },
    });
    expect(detail.decision).toMatchObject({ notifyIco: true, notifySubjects: true });
    expect(detail.icoSubmission.icoReference).toBe('IC-RET-1');

    // Replay still works, and yields [erased] rather than the text.
    await rebuildProjections(db);
    const replayed = (await (await api.as('dpo')).get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(replayed.report.summary).toBe('[erased]');
    const again = await run('pg_dump', ['--no-owner', loadConfig().DATABASE_URL], { maxBuffer: 512 * 1024 * 1024 });
    expect(again.stdout).not.toContain(MARKER);

    // Nothing in Redis carried it in the first place.
    const redis = new Redis(loadConfig().REDIS_URL);
    const keys = await redis.keys(`${loadConfig().REDIS_PREFIX}:*`);
    for (const key of keys.slice(0, 2000)) {
      const type = await redis.type(key);
      const value =
        type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : type === 'string' ? await redis.get(key) : '';
      expect(value ?? '').not.toContain(MARKER);
    }
    await redis.quit();

    // An erased incident cannot be reopened to write new personal details.
    const reopen = await (await api.as('dpo')).post(`/api/v1/incidents/${incident.id}/reopen`, { reason: 'x' });
    expect(reopen.body.code).toBe('incident_erased');
  });
});
