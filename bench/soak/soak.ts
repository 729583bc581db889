/**
 * bench/soak: one API and one worker under a steady load for 5 minutes (reports and reads):
 * prints errors, latency and the API's and worker's memory over time.
 * Reproduce: npm run build && node dist/bench/soak/soak.js [seconds] [requests-per-second]
 * Uses its own database (breach_desk_bench_soak) and Redis prefix (bdsoak).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DEMO_PEOPLE, seedDirectory } from '#libs/directory';
import { createDataSource, ensureDatabase, runMigrations } from '#libs/persistence';

const SECONDS = Number(process.argv[2] ?? 300);
const RATE = Number(process.argv[3] ?? 40);
const PORT = 3977;
const URL_DB = 'postgres://postgres@127.0.0.1:5432/breach_desk_bench_soak';
const root = join(__dirname, '../../..');
const say = (line: string) => process.stdout.write(`${line}\n`);

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

function start(entry: string): ChildProcess {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: URL_DB,
    REDIS_PREFIX: 'bdsoak',
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    SMTP_CATCHER_PORT: '0',
    RATE_LIMIT_REPORTS_PER_MINUTE: '1000000',
  };
  const child = spawn(process.execPath, [join(root, 'dist', entry)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: URL_DB.replace('breach_desk_bench_soak', 'postgres') });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS breach_desk_bench_soak WITH (FORCE)');
  await admin.end();
  await ensureDatabase(URL_DB);
  await runMigrations(URL_DB);
  const ds = await createDataSource({ url: URL_DB, poolSize: 1 }).initialize();
  await seedDirectory(ds, { demoPeople: true });
  await ds.destroy();

  const api = start('apps/api/src/main.js');
  const worker = start('apps/worker/src/main.js');
  const stop = () => [api, worker].forEach((p) => p.kill('SIGTERM'));
  process.on('SIGINT', () => (stop(), process.exit(130)));
  try {
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 100; i++) {
      if ((await fetch(`${base}/health/live`).catch(() => undefined))?.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const signIn = await fetch(`${base}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: DEMO_PEOPLE[5].id }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const discovered = new Date(Date.now() - 3_600_000).toISOString();
    const report = JSON.stringify({
      summary: 'Soak: a letter sent to the wrong address.',
      howDiscovered: 'Returned.',
      containmentSoFar: 'Recovered.',
      occurredAt: null,
      discoveredAt: discovered,
      entityId: 'HHL',
      dataCategories: ['contact'],
      subjectCategories: ['tenants'],
      approxSubjects: 1,
      approxRecords: 1,
      specialCategory: false,
      criminalOffence: false,
    });
    const samples: { t: number; api: number; worker: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(
      () => samples.push({ t: (Date.now() - t0) / 1000, api: rssMb(api.pid!), worker: rssMb(worker.pid!) }),
      5_000,
    );
    // Two requests in turn: a report and a list read (autocannon's `requests` option).
    const options = {
      url: base,
      connections: 8,
      overallRate: RATE,
      duration: SECONDS,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      requests: [
        { method: 'POST', path: '/api/v1/incidents', body: report },
        { method: 'GET', path: '/api/v1/incidents?pageSize=25' },
      ],
    };
    const result = await autocannon(options);
    clearInterval(sampler);
    const third = Math.floor(samples.length / 3);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const window = (from: number, to: number, key: 'api' | 'worker') =>
      avg(samples.slice(from, to).map((s) => s[key])).toFixed(0);
    say(`soak: ${SECONDS} s at ${RATE} req/s (half reports, half list reads), 8 connections`);
    say(
      `requests ${result.requests.total}, 2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    say(`latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    for (const key of ['api', 'worker'] as const) {
      say(
        `${key} RSS MB, first / middle / last third: ${window(0, third, key)} / ${window(third, 2 * third, key)} / ${window(2 * third, samples.length, key)}`,
      );
    }
    say(`reproduce: npm run build && node dist/bench/soak/soak.js ${SECONDS} ${RATE}`);
  } finally {
    stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench/soak failed: ${error.name}: ${error.message}\n`);
  process.exit(1);
});
