import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Incident } from '#libs/incidents';
import { OUTBOX_CHANNEL } from '#libs/persistence';
import {
  assertAlive,
  BENCH_DB,
  BENCH_PREFIX,
  BenchError,
  benchConfig,
  benchEnv,
  clearRedisPrefix,
  connectRedis,
  cpuMeter,
  fmt,
  formatCpu,
  main,
  openDataSource,
  out,
  PG_HOST,
  PG_PORT,
  PG_USER,
  reportBackgroundLoad,
  resetDatabase,
  runCommand,
  Service,
  startService,
  tail,
  waitFor,
} from '../support/bench-env';
import { COLLEAGUE, COLLEAGUE_ACTOR, reportBody, reportFacts } from '../support/report-body';

/**
 * Intake throughput: POST /api/v1/incidents through one API process, against the ceiling of
 * the same transaction driven by pgbench straight at PostgreSQL.
 *
 *   cd /work/main && npm run -s build && node dist/bench/intake/intake.js
 */

const COMMAND = 'cd /work/main && npm run -s build && node dist/bench/intake/intake.js';
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const WARMUP_S = 5;
const CONCURRENCY = [16, 64] as const;
const BASE = `http://127.0.0.1:${PORT}`;
/**
 * One signed-in colleague sends every request, so the per-caller report limit (30 a minute by
 * default) is lifted: this measures the write path's capacity. The guard still runs (one Redis
 * INCR + EXPIRE per request), so its cost is in the figures.
 */
const API_ENV = { PORT: String(PORT), HOST: '127.0.0.1', RATE_LIMIT_REPORTS_PER_MINUTE: '1000000' };

interface HttpFigures {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpu: string;
}

async function startApi(): Promise<Service> {
  const api = startService('api', 'dist/apps/api/src/main.js', benchEnv(API_ENV));
  await waitFor(
    `the API on ${BASE}/health/live`,
    async () => {
      assertAlive(api);
      const res = await fetch(`${BASE}/health/live`).catch(() => undefined);
      return res?.ok ? true : undefined;
    },
    { timeoutMs: 30_000, everyMs: 250 },
  );
  return api;
}

async function signIn(personId: string): Promise<string> {
  const res = await fetch(`${BASE}/api/v1/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  if (!res.ok) throw new BenchError(`sign-in answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function post(
  api: Service,
  label: string,
  token: string,
  body: string,
  opts: { connections: number; duration: number; overallRate?: number },
): Promise<HttpFigures> {
  assertAlive(api);
  const meter = cpuMeter({ api: api.pid });
  const r = await autocannon({
    url: `${BASE}/api/v1/incidents`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
    ...opts,
  });
  const used = meter.stop();
  const total = r['2xx'] + r.non2xx;
  if (r.non2xx > 0.01 * total) {
    const sample = await fetch(`${BASE}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const codes = Object.entries(r.statusCodeStats ?? {})
      .map(([code, { count }]) => `${code} × ${count}`)
      .join(', ');
    throw new BenchError(
      `${label}: ${r.non2xx} of ${total} responses were not 2xx (${codes}); the figures would be meaningless. ` +
        `One more request now answers ${sample.status}: ${(await sample.text()).slice(0, 300)}`,
    );
  }
  // Everything but the API, PostgreSQL and this process is someone else's work.
  const other = used.machine - (used.api ?? 0) - (used.postgres ?? 0) - (used['bench driver'] ?? 0);
  const cpu =
    formatCpu(used) +
    (other > 0.2 ? `\n  ${''.padEnd(26)} NOISY: ${other.toFixed(2)} cores of other work ran meanwhile` : '');
  assertAlive(api);
  return {
    label,
    connections: opts.connections,
    rps: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    cpu,
  };
}

function printHttp(f: HttpFigures): void {
  out(
    `  ${f.label.padEnd(26)} req/s ${fmt(f.rps, 1).padStart(7)}   p50 ${fmt(f.p50, 1).padStart(6)} ms   ` +
      `p99 ${fmt(f.p99, 1).padStart(6)} ms   2xx ${f.ok}   non-2xx ${f.non2xx}   errors ${f.errors} (timeouts ${f.timeouts})`,
  );
  out(`  ${''.padEnd(26)} CPU cores used: ${f.cpu}`);
}

/** One transaction of the same shape as a report's, on the real tables, its own counter row. */
function pgbenchScript(): string {
  return [
    'BEGIN;',
    `INSERT INTO incident_reference_counters (year, last_value) VALUES (9999, 1) ON CONFLICT (year) DO UPDATE SET last_value = incident_reference_counters.last_value + 1 RETURNING last_value AS ref \\gset`,
    `INSERT INTO incident_events (incident_id, version, type, payload, actor_id) VALUES (gen_random_uuid(), 1, 'IncidentReported', :event_payload, :actor) RETURNING id AS event_id, incident_id AS iid \\gset`,
    `INSERT INTO outbox (event_id, incident_id, event_type) VALUES (:event_id, :iid, 'IncidentReported');`,
    `INSERT INTO incident_timeline (event_id, incident_id, version, type, actor_id, at, summary) VALUES (:event_id, :iid, 1, 'IncidentReported', :actor, now(), 'Reported as BR-9999-' || lpad(:ref, greatest(4, length(:ref)), '0') || ' by a colleague');`,
    `INSERT INTO incidents (id, reference, version, status, entity_id, reported_by, reporter_partner_id, owner_id, reported_at, discovered_at, aware_at, aware_confirmed, ico_deadline_at, special_category, criminal_offence, updated_at, detail) VALUES (:iid, 'BR-9999-' || lpad(:ref, greatest(4, length(:ref)), '0'), 1, 'reported', 'HHL', :actor, NULL, NULL, now(), now() - interval '2 hours', now() - interval '2 hours', false, now() + interval '70 hours', false, false, now(), :detail) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, owner_id = EXCLUDED.owner_id, aware_at = EXCLUDED.aware_at, aware_confirmed = EXCLUDED.aware_confirmed, ico_deadline_at = EXCLUDED.ico_deadline_at, updated_at = EXCLUDED.updated_at, detail = EXCLUDED.detail;`,
    `SELECT pg_notify('${OUTBOX_CHANNEL}', '');`,
    'END;',
    '',
  ].join('\n');
}

async function pgbench(
  scriptFile: string,
  clients: number,
  vars: Record<string, string>,
): Promise<{ tps: number; latencyMs: number; failed: string; args: string }> {
  const args = [
    '-h', PG_HOST, '-p', String(PG_PORT), '-U', PG_USER,
    '-n', '-M', 'extended', '-c', String(clients), '-j', '2', '-T', String(DURATION_S),
    '-f', scriptFile,
    ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    BENCH_DB,
  ]; // prettier-ignore
  const { stdout } = await runCommand('/usr/bin/pgbench', args, { timeoutMs: (DURATION_S + 60) * 1000 });
  const tps = /^tps = ([\d.]+)/m.exec(stdout);
  const latency = /^latency average = ([\d.]+) ms/m.exec(stdout);
  const failed = /^number of failed transactions: (.*)$/m.exec(stdout);
  if (!tps) throw new BenchError(`could not read tps from pgbench:\n${stdout}`);
  const shown = args
    .map((a, i) => (args[i - 1] === '-D' ? `${a.split('=')[0]}='<${a.length - a.indexOf('=') - 1} bytes>'` : a))
    .join(' ');
  return {
    tps: Number(tps[1]),
    latencyMs: latency ? Number(latency[1]) : NaN,
    failed: failed ? failed[1] : 'n/a',
    args: shown,
  };
}

async function run(): Promise<void> {
  const started = Date.now();
  out(`Breach Desk intake benchmark — ${new Date().toISOString()}`);
  out(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
  out(`reproduce: ${COMMAND}`);
  await reportBackgroundLoad();
  out();

  out(`preparing database ${BENCH_DB} (dropped and recreated) and Redis prefix ${BENCH_PREFIX} ...`);
  await resetDatabase();
  const redis = await connectRedis(benchConfig().REDIS_URL);
  out(`  deleted ${await clearRedisPrefix(redis)} Redis keys under ${BENCH_PREFIX}:`);
  await redis.quit();

  // The exact bytes a report writes, from the real aggregate, for pgbench.
  const sample = new Incident(randomUUID());
  sample.report({ reference: 'BR-2099-0001', report: reportFacts(), actor: COLLEAGUE_ACTOR, now: new Date() });
  const [event] = sample.getUncommittedEvents() as { meta: unknown; data: unknown }[];
  const eventPayload = JSON.stringify({ meta: event.meta, data: event.data });
  const detail = JSON.stringify(sample.state);
  out(
    `  a report's event payload is ${eventPayload.length} bytes of JSON, its projection detail ${detail.length} bytes`,
  );

  const api = await startApi();
  out(
    `API started (pid ${api.pid}) on ${BASE}, DATABASE_POOL_SIZE ${benchConfig().DATABASE_POOL_SIZE}, LOG_LEVEL warn, ` +
      `RATE_LIMIT_REPORTS_PER_MINUTE ${API_ENV.RATE_LIMIT_REPORTS_PER_MINUTE} (one caller sends every report)`,
  );
  try {
    const token = await signIn(COLLEAGUE.id);
    const body = JSON.stringify(reportBody());
    const probe = await fetch(`${BASE}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    if (probe.status !== 201) throw new BenchError(`a single report answered ${probe.status}: ${await probe.text()}`);
    out(`signed in as ${COLLEAGUE.displayName} (colleague); one report answered 201`);
    out();

    out(`POST /api/v1/incidents (autocannon, ${DURATION_S} s each, after a ${WARMUP_S} s warm-up at 16 connections)`);
    await post(api, 'warm-up', token, body, { connections: 16, duration: WARMUP_S });
    const http: HttpFigures[] = [];
    for (const c of CONCURRENCY) {
      const f = await post(api, `${c} connections`, token, body, { connections: c, duration: DURATION_S });
      printHttp(f);
      http.push(f);
    }
    out();

    out(`pgbench: the same transaction shape straight at PostgreSQL (${DURATION_S} s each, -M extended, -j 2)`);
    const dir = mkdtempSync(join(tmpdir(), 'bdbench-'));
    const scriptFile = join(dir, 'report-tx.sql');
    writeFileSync(scriptFile, pgbenchScript());
    const pg: Awaited<ReturnType<typeof pgbench>>[] = [];
    try {
      for (const c of CONCURRENCY) {
        const meter = cpuMeter({});
        const r = await pgbench(scriptFile, c, { event_payload: eventPayload, detail, actor: COLLEAGUE.id });
        const cpu = formatCpu(meter.stop());
        out(
          `  -c ${String(c).padEnd(3)} tps ${fmt(r.tps, 1).padStart(8)}   latency avg ${fmt(r.latencyMs, 2)} ms   failed ${r.failed}`,
        );
        out(
          `         CPU cores used: ${cpu} (pgbench's own backends exit before the end: they land in 'unattributed')`,
        );
        pg.push(r);
      }
      out(`  pgbench command: pgbench ${pg[0].args}`);
      out(`  script (${scriptFile}, removed afterwards):`);
      for (const line of pgbenchScript().trim().split('\n'))
        out(`    ${line.length > 150 ? `${line.slice(0, 147)}...` : line}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    out();

    out('intake / pgbench');
    CONCURRENCY.forEach((c, i) => {
      out(
        `  ${String(c).padStart(2)} connections: ${fmt(http[i].rps, 1)} / ${fmt(pg[i].tps, 1)} = ${(http[i].rps / pg[i].tps).toFixed(3)}`,
      );
    });
    out();

    const rate = Math.max(1, Math.round(http[0].rps / 2));
    out(
      `paced load: half the 16-connection rate = ${rate} req/s (autocannon overallRate, 16 connections, ${DURATION_S} s)`,
    );
    const paced = await post(api, `${rate} req/s offered`, token, body, {
      connections: 16,
      duration: DURATION_S,
      overallRate: rate,
    });
    printHttp(paced);
    out();

    const ds = await openDataSource(1);
    try {
      const [{ count }] = await ds.query(
        `SELECT count(*)::int AS count FROM incidents WHERE reference NOT LIKE 'BR-9999-%'`,
      );
      const total2xx = http.reduce((a, f) => a + f.ok, 0) + paced.ok;
      out(
        `check: ${count} incidents written through the API (2xx counted in the measured passes: ${total2xx}, plus warm-up and probe)`,
      );
    } finally {
      await ds.destroy();
    }
    const problems = api.lines.filter((l) => /"level":(40|50|60)|error/i.test(l.text));
    if (problems.length) {
      out(`the API logged ${problems.length} warning/error lines; the last ones:`);
      out(tail({ ...api, lines: problems }, 5));
    }
  } finally {
    await api.stop();
    // The rate-limit counters the API wrote; nothing of this run stays in a shared Redis.
    const redis = await connectRedis(benchConfig().REDIS_URL).catch(() => undefined);
    if (redis) await clearRedisPrefix(redis).finally(() => redis.quit());
  }
  out(`API stopped. Total run time ${fmt((Date.now() - started) / 1000, 0)} s.`);
}

main(run);
