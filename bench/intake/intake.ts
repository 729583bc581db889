import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { APPEND_SQL, appendParameters, Incident, newIncidentKey, REPORT_STAMP_SQL } from '#libs/incidents';
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
  percentile,
  PG_HOST,
  PG_PORT,
  PG_USER,
  reportBackgroundLoad,
  resetDatabase,
  runCommand,
  Service,
  sleep,
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
/**
 * hey's workers tick in step, so each tick sends one request per worker at the same instant: a
 * burst as large as the number of workers. Four keep those bursts small (people do not report in
 * synchronised groups of sixteen) while sustaining the rate.
 */
const STEADY_WORKERS = Number(process.env.BENCH_STEADY_WORKERS ?? 4);
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
  opts: { connections: number; duration: number },
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
    cpu: describeCpu(used),
  };
}

const HEY = '/usr/bin/hey';

/** `hey`, Debian's maintained HTTP load generator, installed the way the tests install Chromium. */
async function ensureHey(): Promise<void> {
  if (existsSync(HEY)) return;
  if (process.getuid?.() !== 0)
    throw new BenchError('the half-rate pass needs hey: run `apt-get install -y hey` as root');
  out('  installing hey (apt-get install -y hey) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['install', '-y', 'hey'], { timeoutMs: 300_000, env }).catch(async () => {
    await runCommand('apt-get', ['update'], { timeoutMs: 300_000, env });
    await runCommand('apt-get', ['install', '-y', 'hey'], { timeoutMs: 300_000, env });
  });
}

/**
 * A steady rate with `hey`: each of `connections` workers sends one request per tick of its own
 * clock (rate / connections per second), so the requests arrive evenly spread, as people's reports
 * do — unlike autocannon's `overallRate`, which sends each second's quota in a burst at its start.
 * hey's CSV gives each request's own time, from which the percentiles are taken here.
 */
async function steady(
  api: Service,
  label: string,
  token: string,
  bodyFile: string,
  { rate, connections, duration }: { rate: number; connections: number; duration: number },
): Promise<HttpFigures> {
  assertAlive(api);
  await ensureHey();
  const meter = cpuMeter({ api: api.pid });
  const { stdout } = await runCommand(
    HEY,
    [
      '-z',
      `${duration}s`,
      '-c',
      String(connections),
      '-q',
      (rate / connections).toFixed(3),
      '-m',
      'POST',
      '-H',
      `Authorization: Bearer ${token}`,
      '-T',
      'application/json',
      '-D',
      bodyFile,
      '-o',
      'csv',
      `${BASE}/api/v1/incidents`,
    ],
    { timeoutMs: (duration + 60) * 1000 },
  );
  const used = meter.stop();
  // response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset
  const rows = stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const ok = rows.filter((r) => r[6]?.startsWith('2'));
  const latencies = ok.map((r) => Number(r[0]) * 1000).sort((a, b) => a - b);
  const non2xx = rows.length - ok.length;
  if (non2xx > 0.01 * rows.length) throw new BenchError(`${label}: ${non2xx} of ${rows.length} answers were not 2xx`);
  assertAlive(api);
  return {
    label,
    connections,
    rps: rows.length / duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: ok.length,
    non2xx,
    errors: 0,
    timeouts: 0,
    cpu: describeCpu(used),
  };
}

/** Who used the CPU; everything but the API, PostgreSQL and this process is someone else's work. */
function describeCpu(used: Record<string, number>): string {
  const other = used.machine - (used.api ?? 0) - (used.postgres ?? 0) - (used['bench driver'] ?? 0);
  return (
    formatCpu(used) +
    (other > 0.2 ? `\n  ${''.padEnd(26)} NOISY: ${other.toFixed(2)} cores of other work ran meanwhile` : '')
  );
}

function printHttp(f: HttpFigures): void {
  out(
    `  ${f.label.padEnd(26)} req/s ${fmt(f.rps, 1).padStart(7)}   p50 ${fmt(f.p50, 1).padStart(6)} ms   ` +
      `p99 ${fmt(f.p99, 1).padStart(6)} ms   2xx ${f.ok}   non-2xx ${f.non2xx}   errors ${f.errors} (timeouts ${f.timeouts})`,
  );
  out(`  ${''.padEnd(26)} CPU cores used: ${f.cpu}`);
}

/**
 * The report's transaction, statement for statement, on the real tables: BEGIN; the
 * repository's own REPORT_STAMP_SQL (the reference counter, on its own row for year 9999, and
 * the policy version); its APPEND_SQL (key, event, outbox, timeline, projection, NOTIFY) with
 * the parameters the real code builds for a real report; END. Three differences, none of which changes the work PostgreSQL does: the counter also
 * returns a fresh incident id (the API makes it in JavaScript), the projection's reference is
 * built from the counter (it is UNIQUE), and parameters that are NULL for a report are written
 * NULL (pgbench variables cannot be NULL).
 */
function pgbenchTransaction(): { script: string; vars: Record<string, string> } {
  const sample = new Incident(randomUUID());
  sample.report({ reference: 'BR-2099-0001', report: reportFacts(), actor: COLLEAGUE_ACTOR, now: new Date() });
  const params = appendParameters(sample, newIncidentKey());
  const vars: Record<string, string> = { year: '9999' };
  const append = APPEND_SQL.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value === sample.id) return ':iid';
    if (value === sample.state.reference)
      return `('BR-9999-' || lpad(:last_value::text, greatest(4, length(:last_value::text)), '0'))`;
    if (value === null || value === undefined) return 'NULL';
    vars[`p${n}`] = asText(value);
    return `:p${n}`;
  });
  const script = [
    'BEGIN;',
    `${oneLine(REPORT_STAMP_SQL.replace('$1', ':year'))}, gen_random_uuid() AS iid \\gset`,
    `${oneLine(append)};`,
    'END;',
    '',
  ].join('\n');
  return { script, vars };
}

const oneLine = (sql: string) => sql.replace(/\s*\n\s*/g, ' ');

/** A parameter as PostgreSQL's text input takes it (what node-postgres sends). */
function asText(value: unknown): string {
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
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

  // The exact statements and bytes a report writes, from the real aggregate and repository, for pgbench.
  const tx = pgbenchTransaction();
  out(
    `  a report's append statement carries ${fmt(Object.values(tx.vars).reduce((a, v) => a + v.length, 0))} bytes of parameters`,
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
    writeFileSync(scriptFile, tx.script);
    const pg: Awaited<ReturnType<typeof pgbench>>[] = [];
    try {
      for (const c of CONCURRENCY) {
        const meter = cpuMeter({});
        const r = await pgbench(scriptFile, c, tx.vars);
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
      for (const line of tx.script.trim().split('\n'))
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
    const ratio = http[0].rps / pg[0].tps;
    out(`  target: intake at 16 connections ≥ 0.5 × pgbench — ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
    out();

    const rate = Math.max(1, Math.round(http[0].rps / 2));
    out(
      `steady load: half the 16-connection rate = ${rate} req/s (hey, ${STEADY_WORKERS} workers at ${fmt(rate / STEADY_WORKERS, 2)} req/s each, ${DURATION_S} s)`,
    );
    // A moment for the pgbench backends to go and the API to settle.
    await sleep(1_000);
    const bodyDir = mkdtempSync(join(tmpdir(), 'bdbench-'));
    const bodyFile = join(bodyDir, 'report.json');
    writeFileSync(bodyFile, body);
    const half = await steady(api, `${rate} req/s offered`, token, bodyFile, {
      rate,
      connections: STEADY_WORKERS,
      duration: DURATION_S,
    }).finally(() => rmSync(bodyDir, { recursive: true, force: true }));
    printHttp(half);
    out(`  target: p99 < 50 ms at half the peak rate — ${half.p99 < 50 ? 'met' : 'NOT met'}`);
    out();

    const ds = await openDataSource(1);
    try {
      const [{ count }] = await ds.query(
        `SELECT count(*)::int AS count FROM incidents WHERE reference NOT LIKE 'BR-9999-%'`,
      );
      const total2xx = http.reduce((a, f) => a + f.ok, 0) + half.ok;
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
