import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEMO_PEOPLE, GROUP_ENTITIES, seedDirectory } from '#libs/directory';
import { IncidentRepository } from '#libs/incidents';
import { createDataSource, ensureDatabase, runMigrations } from '#libs/persistence';
import { RegisterFilter, RegisterService, RegisterView, TrendsService } from '#libs/register';
import { SystemClock } from '#libs/shared';
import { appendSynthetic } from '../../libs/register/src/testing/append-synthetic';
import { syntheticIncidents } from '../../libs/register/src/testing/synthetic-incidents';
import { BenchError, fmt, main, out, PG_HOST, PG_PORT, PG_USER } from '../support/bench-env';

/**
 * The breach register and the executive trends over 50,000 incidents: the trends query (median
 * of 5), and the register exported as JSON and CSV in both views, as the API produces them
 * (the services' chunk generators, piped with back-pressure into a sink), with peak RSS. The
 * measurements run in a child process of their own: the generating process's RSS says nothing
 * about what an export costs.
 *
 *   cd /work/main && npm run -s build && node dist/bench/register/register.js
 */

const COMMAND = 'cd /work/main && npm run -s build && node dist/bench/register/register.js';
const DB = 'breach_desk_bench_register';
const DATABASE_URL = `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${DB}`;
const N = Number(process.env.BENCH_INCIDENTS ?? 50_000);
const RUNS = 5;
const MEASURE = '--measure';
const PERIOD: RegisterFilter = { from: '2024-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', entityId: null };
const DPO = { id: DEMO_PEOPLE[0].id, roles: DEMO_PEOPLE[0].roles };

const mb = (bytes: number) => bytes / 1024 / 1024;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Peak resident set size of this process since it started (Linux VmHWM), in MB. */
function peakRssMb(): number {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples RSS every 10 ms while `work` runs; returns its result, the time and the peak. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakMb: mb(Math.max(peak, process.memoryUsage().rss)) };
  } finally {
    clearInterval(timer);
  }
}

async function resetDatabase(): Promise<void> {
  const admin = new Client({ host: PG_HOST, port: PG_PORT, user: PG_USER, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(DATABASE_URL);
  await runMigrations(DATABASE_URL);
}

async function generate(ds: DataSource): Promise<void> {
  await seedDirectory(ds, { demoPeople: true });
  const items = syntheticIncidents({
    seed: 50_000,
    count: N,
    from: new Date('2024-01-01T00:00:00Z'),
    to: new Date('2025-12-01T00:00:00Z'),
    entities: GROUP_ENTITIES.map((e) => e.id),
  });
  out(`generating ${fmt(N)} incidents in-process through the real write path (Incident aggregate +`);
  out('IncidentRepository.append: events, outbox, timeline, projection), 100 per transaction, 6 at a time ...');
  const { ms } = await measured(() =>
    appendSynthetic(new IncidentRepository(ds), items, { batchSize: 100, concurrency: 6, keepStates: false }),
  );
  const [stats]: { events: number; bytes: string; detail: number }[] = await ds.query(
    `SELECT (SELECT count(*)::int FROM incident_events) AS events,
            pg_total_relation_size('incidents') AS bytes,
            (SELECT avg(pg_column_size(detail))::int FROM incidents) AS detail`,
  );
  out(
    `  ${secs(ms)} (${fmt(N / (ms / 1000))} incidents/s); ${fmt(stats.events)} events; ` +
      `incidents table ${fmt(mb(Number(stats.bytes)))} MB, detail ${fmt(stats.detail)} bytes on average (compressed)`,
  );
  await ds.query('VACUUM ANALYZE incidents');
  out('  VACUUM ANALYZE incidents (what autovacuum would have done by then)');
}

async function benchTrends(trends: TrendsService, filter: RegisterFilter, label: string): Promise<void> {
  await trends.trends(filter); // warm-up: plan cache, buffers
  const runs: number[] = [];
  let incidents = 0;
  for (let i = 0; i < RUNS; i++) {
    const { value, ms } = await measured(() => trends.trends(filter));
    runs.push(ms);
    incidents = value.totals.incidents;
  }
  out(
    `  ${label.padEnd(34)} ${fmt(incidents).padStart(7)} incidents   median ${fmt(median(runs))} ms ` +
      `(runs: ${runs.map((r) => fmt(r)).join(', ')} ms)`,
  );
}

async function benchExport(register: RegisterService, view: RegisterView, format: 'json' | 'csv'): Promise<void> {
  const before = mb(process.memoryUsage().rss);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const { ms, peakMb } = await measured(async () => {
    const chunks = format === 'json' ? register.json(PERIOD, view, DPO) : register.csv(PERIOD, view, DPO);
    await pipeline(Readable.from(chunks), sink);
  });
  out(
    `  ${`${view} ${format.toUpperCase()}`.padEnd(16)} ${secs(ms).padStart(8)}   ${fmt(mb(bytes), 1).padStart(6)} MB   ` +
      `${fmt(N / (ms / 1000)).padStart(7)} rows/s   RSS ${fmt(before)} → peak ${fmt(peakMb)} MB`,
  );
}

/** Generation, then the measurements in a fresh process, so its RSS is what an API process would show. */
async function run(): Promise<void> {
  out(`Breach Desk register and trends benchmark — ${new Date().toISOString()}`);
  out(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
  out(`reproduce: ${COMMAND}`);
  out();
  out(`preparing database ${DB} (dropped, created, migrated, directory seeded) ...`);
  await resetDatabase();
  const ds = await openDataSource();
  try {
    await generate(ds);
  } finally {
    await ds.destroy();
  }
  out(`  peak RSS of the generating process: ${fmt(peakRssMb())} MB`);
  out();
  const child = spawn(process.execPath, [__filename, MEASURE], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new BenchError(`the measuring process exited with code ${code}`);
}

async function measure(): Promise<void> {
  const ds = await openDataSource();
  try {
    const [{ n }]: { n: number }[] = await ds.query('SELECT count(*)::int AS n FROM incidents');
    if (n !== N) throw new BenchError(`expected ${N} incidents, found ${n}`);
    const clock = new SystemClock();
    const trends = new TrendsService(ds, clock);
    const register = new RegisterService(ds, clock);
    out(`measuring in a fresh process (pid ${process.pid}, RSS ${fmt(mb(process.memoryUsage().rss))} MB at start)`);
    out();
    out(`trends (TrendsService.trends: one SQL statement; median of ${RUNS} after one warm-up)`);
    await benchTrends(trends, PERIOD, '2024–2025, every entity');
    await benchTrends(trends, { ...PERIOD, entityId: 'HHL' }, '2024–2025, one entity (HHL)');
    const march = { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z', entityId: null };
    await benchTrends(trends, march, 'March 2025, every entity');
    out();
    out(`register export of ${fmt(N)} incidents (RegisterService chunks → stream sink; the full view also`);
    out('writes one access-log row per incident, as the API does)');
    for (const view of ['full', 'anonymised'] as const) {
      for (const format of ['json', 'csv'] as const) await benchExport(register, view, format);
    }
    out();
    out(`peak RSS of the measuring process (VmHWM): ${fmt(peakRssMb())} MB`);
  } finally {
    await ds.destroy();
  }
}

function openDataSource(): Promise<DataSource> {
  return createDataSource({ url: DATABASE_URL, poolSize: 10, applicationName: 'breach-desk-bench' }).initialize();
}

main(process.argv.includes(MEASURE) ? measure : run);
