import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '#libs/config';
import { DEFAULT_POLICY_BODY } from '../hostile/valid-bodies';
import { CapturedProcess, freePort, spawnCaptured } from '../support/captured-process';
import { CapturedRequest, startHttpCapture } from '../support/http-capture';
import { waitFor } from '../support/processes';
import { dumpRedis } from '../support/redis-dump';
import { RemoteApi } from '../support/remote-api';
import { TestSmtpServer } from '../support/smtp';
import { notABreach, partnersSpecialReport, refusals, wholeLife } from './canary-run';

jest.setTimeout(120_000);

/** Unique to this run; the random part alone is searched for too, in case the rest is cut off. */
const TOKEN = randomBytes(8).toString('hex');
const MARKER = `CANARY-${TOKEN}`;
const TEXT = `Tenant ${MARKER} of 4 Acacia Avenue`;
/** A second marker, typed where no route asks for text: into the path of a request. */
const PATH_TOKEN = randomBytes(8).toString('hex');
const PATH_TEXT = `Tenant PATHCANARY-${PATH_TOKEN}`;

const config = loadConfig();

/** Where in `haystack` the marker is, with a little context; undefined when it is not there. */
function found(haystack: string, token = TOKEN): string | undefined {
  const at = haystack.indexOf(token);
  return at < 0 ? undefined : haystack.slice(Math.max(0, at - 120), at + 60);
}

describe('privacy canary: a marker typed into every field of incidents through their whole life', () => {
  const smtp = new TestSmtpServer();
  let hooks: { url: string; requests: CapturedRequest[]; stop: () => Promise<void> };
  let apiProcess: CapturedProcess;
  let workerProcess: CapturedProcess;
  let api: RemoteApi;
  let db: Client;
  const ids: string[] = [];
  let metrics = '';
  /** Set once the run completed: the checks after it mean nothing without it. */
  let ran = false;
  const allowedReads: { what: string; text: string }[] = [];

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    hooks = await startHttpCapture();
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      SMTP_URL: smtpUrl,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    apiProcess = spawnCaptured('apps/api/src/main.js', env);
    workerProcess = spawnCaptured('apps/worker/src/main.js', env);
    api = new RemoteApi(`http://127.0.0.1:${port}`);
    await waitFor(
      async () => (await api.send('GET', '/health/ready').catch(() => ({ status: 0 }))).status === 200,
      30_000,
      'the API',
    );
    db = new Client({ connectionString: config.DATABASE_URL });
    await db.connect();
    await api.ok('admin', 'PUT', '/api/v1/admin/escalation-policy', DEFAULT_POLICY_BODY);
    await api.ok('admin', 'POST', '/api/v1/admin/webhooks', { url: hooks.url, eventTypes: [] });
  });

  afterAll(async () => {
    await apiProcess?.stop();
    await workerProcess?.stop();
    await db?.end();
    await hooks?.stop();
    await smtp.stop();
  });

  /** Everything the worker has to do for these incidents is done: relayed, sent, delivered. */
  async function settled(): Promise<boolean> {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM outbox WHERE incident_id = ANY($1) AND processed_at IS NULL)
            + (SELECT count(*) FROM notification_sends WHERE incident_id = ANY($1) AND status IN ('pending', 'sending'))
            + (SELECT count(*) FROM webhook_deliveries d JOIN incident_events e ON e.id = d.event_id
                WHERE e.incident_id = ANY($1) AND d.status = 'pending') AS busy`,
      [ids],
    );
    return Number(rows[0].busy) === 0;
  }

  it('runs incidents through their whole life, refusals included, and the worker catches up', async () => {
    ids.push(await wholeLife(api, TEXT));
    ids.push(await notABreach(api, TEXT));
    ids.push(await partnersSpecialReport(api, TEXT));
    await refusals(api, TEXT, { open: ids[2], closed: ids[1] });
    const inPath = encodeURIComponent(PATH_TEXT);
    await api.as('dpo', 'GET', `/api/v1/incidents/${inPath}`);
    await api.as('dpo', 'GET', `/api/v1/incidents/${ids[0]}/documents/${inPath}`);
    await api.as('admin', 'PATCH', `/api/v1/admin/entities/${inPath}`, { retentionMonths: 12 });
    // What the executive team and internal audit read must be free of personal data too.
    for (const [who, path] of [
      ['emt', '/api/v1/register'],
      ['auditor', '/api/v1/register?format=csv'],
      ['emt', '/api/v1/trends'],
      ['emt', `/api/v1/incidents/${ids[2]}`],
      ['auditor', `/api/v1/incidents/${ids[2]}/timeline`],
    ] as const) {
      allowedReads.push({ what: `${who} GET ${path}`, text: (await api.ok(who, 'GET', path)).text });
    }
    // Then wait until the worker has relayed every event, sent every message and delivered every webhook.
    const quiet = async () => {
      if (!(await settled())) return false;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return settled();
    };
    await waitFor(quiet, 90_000, 'the worker to catch up');
    metrics = (await api.send('GET', '/metrics')).text;
    await apiProcess.stop();
    await workerProcess.stop();

    const { rows } = await db.query(`SELECT type FROM incident_events WHERE incident_id = $1 ORDER BY version`, [
      ids[0],
    ]);
    const types = rows.map((r: { type: string }) => r.type);
    // The timers really fired, and messages and webhooks really went out: the checks below are not vacuous.
    expect(types).toEqual(
      expect.arrayContaining(['EscalationRaised', 'IcoDeadlineMissed', 'NotificationDelivered', 'IncidentClosed']),
    );
    expect(smtp.received.length).toBeGreaterThanOrEqual(5);
    expect(hooks.requests.length).toBeGreaterThanOrEqual(types.length);
    expect(api.errors.length).toBeGreaterThanOrEqual(15);
    expect(apiProcess.output()).toContain('request completed');
    ran = true;
  });

  it('never writes it to a log line, of the API or of the worker', () => {
    expect(ran).toBe(true);
    expect(found(apiProcess.output())).toBeUndefined();
    expect(found(workerProcess.output())).toBeUndefined();
  });

  it('never logs a request path someone typed it into (log the route template instead)', () => {
    expect(ran).toBe(true);
    expect(found(apiProcess.output(), PATH_TOKEN)).toBeUndefined();
  });

  it('never puts it in an email: subject, text or HTML', () => {
    expect(ran).toBe(true);
    const leaks = smtp.received.map((m) => ({ subject: m.subject, leak: found(`${m.subject}\n${m.text}\n${m.html}`) }));
    expect(leaks.filter((l) => l.leak)).toEqual([]);
  });

  it('never puts it in a webhook body or header', () => {
    expect(ran).toBe(true);
    const leaks = hooks.requests.map((r) => found(`${JSON.stringify(r.headers)}\n${r.url}\n${r.body}`)).filter(Boolean);
    expect(leaks).toEqual([]);
  });

  it('never puts it in the metrics', () => {
    expect(ran).toBe(true);
    expect(metrics).toContain('breach_desk_http_request_duration_seconds');
    expect(found(metrics)).toBeUndefined();
  });

  it('never echoes it in an error response', () => {
    expect(ran).toBe(true);
    const leaks = api.errors.map((e) => ({
      request: e.request,
      status: e.status,
      leak: found(e.text) ?? found(e.text, PATH_TOKEN),
    }));
    expect(leaks.filter((l) => l.leak)).toEqual([]);
  });

  it('never shows it to the executive team or internal audit', () => {
    expect(ran).toBe(true);
    expect(allowedReads.map((r) => ({ what: r.what, leak: found(r.text) })).filter((r) => r.leak)).toEqual([]);
  });

  it('never puts it in a Redis key or value: jobs carry ids', async () => {
    expect(ran).toBe(true);
    const dump = await dumpRedis(config.REDIS_URL, config.REDIS_PREFIX);
    expect(dump.some((k) => k.key.includes(':notifications:') || k.key.includes(':timers:'))).toBe(true);
    const leaks = dump.map((k) => ({ key: k.key, leak: found(`${k.key}\n${k.value}`) })).filter((k) => k.leak);
    expect(leaks).toEqual([]);
  });

  it('is in PostgreSQL, where it belongs (so the run above really carried it)', async () => {
    expect(ran).toBe(true);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM incidents WHERE detail::text LIKE $1`, [
      `%${MARKER}%`,
    ]);
    expect(rows[0].n).toBe(3);
  });
});
