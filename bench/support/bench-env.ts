import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '#libs/config';
import { seedDirectory } from '#libs/directory';
import { createDataSource, ensureDatabase, runMigrations } from '#libs/persistence';

/**
 * What every benchmark shares: its own database and Redis prefix (never `breach_desk`,
 * `breach_desk_test`, `bd` or `bdtest`), child processes that die with the benchmark, and
 * small helpers for waiting and percentiles.
 */

export const BENCH_DB = 'breach_desk_bench';
export const BENCH_PREFIX = 'bdbench';
export const PG_HOST = '127.0.0.1';
export const PG_PORT = 5432;
export const PG_USER = 'postgres';
export const BENCH_DATABASE_URL = `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${BENCH_DB}`;

/** The repository root (dist/bench/<name>/x.js → three levels up). */
export const ROOT = resolve(__dirname, '..', '..', '..');

/** Environment for the API and worker processes the benchmarks start. */
export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: BENCH_DATABASE_URL,
    REDIS_PREFIX: BENCH_PREFIX,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export function benchConfig(extra: Record<string, string> = {}): AppConfig {
  return loadConfig(benchEnv(extra));
}

export const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class BenchError extends Error {}

/** Polls `check` every `everyMs` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs, everyMs = 200 }: { timeoutMs: number; everyMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new BenchError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---- database and Redis ----------------------------------------------------------------

/** Drops and recreates the bench database, migrates it and seeds the demo directory. */
export async function resetDatabase(): Promise<void> {
  const admin = new Client({ host: PG_HOST, port: PG_PORT, user: PG_USER, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(BENCH_DATABASE_URL);
  await runMigrations(BENCH_DATABASE_URL);
  const ds = await openDataSource(1);
  try {
    await seedDirectory(ds, { demoPeople: true });
  } finally {
    await ds.destroy();
  }
}

export function openDataSource(poolSize: number): Promise<DataSource> {
  return createDataSource({ url: BENCH_DATABASE_URL, poolSize, applicationName: 'breach-desk-bench' }).initialize();
}

/** Deletes every key under the bench prefix, and nothing else. Returns how many. */
export async function clearRedisPrefix(redis: Redis): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${BENCH_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

// ---- child processes -------------------------------------------------------------------

const children = new Set<ChildProcess>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping child processes\n`);
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    });
  }
}

export interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly spawnedAt: number;
  /** Every stdout/stderr line with the ms since spawn at which it arrived. */
  readonly lines: { atMs: number; stream: 'out' | 'err'; text: string }[];
  exited(): boolean;
  stop(timeoutMs?: number): Promise<void>;
}

/** Starts `node <entry>` from the repository root; its output is kept, not printed. */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv): Service {
  installCleanup();
  const script = resolve(ROOT, entry);
  if (!existsSync(script)) throw new BenchError(`${script} is missing: run \`npm run -s build\` first`);
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new BenchError(`could not start ${name}`);
  children.add(child);
  const lines: Service['lines'] = [];
  const collect = (stream: 'out' | 'err') => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      const atMs = Date.now() - spawnedAt;
      for (const line of parts) {
        lines.push({ atMs, stream, text: line });
        if (lines.length > 5000) lines.shift();
      }
    };
  };
  child.stdout!.on('data', collect('out'));
  child.stderr!.on('data', collect('err'));
  child.on('exit', () => children.delete(child));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    child,
    pid: child.pid,
    spawnedAt,
    lines,
    exited,
    async stop(timeoutMs = 10_000) {
      if (exited()) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await done;
      clearTimeout(timer);
    },
  };
}

/** The last lines a service printed, for an error message. */
export function tail(service: Service, n = 20): string {
  return service.lines
    .slice(-n)
    .map((l) => `  [${service.name} ${l.stream}] ${l.text}`)
    .join('\n');
}

export function assertAlive(service: Service): void {
  if (service.exited()) {
    // The first stderr lines usually name the problem; the last ones where it happened.
    const first = service.lines
      .filter((l) => l.stream === 'err' && l.text.trim())
      .slice(0, 4)
      .map((l) => `  [${service.name} err] ${l.text}`)
      .join('\n');
    throw new BenchError(
      `${service.name} exited (code ${service.child.exitCode}, signal ${service.child.signalCode}); ` +
        `a broken build? rebuild and retry.\n${first}\n  ...\n${tail(service, 8)}`,
    );
  }
}

/** Resident set size of a process in MB, from /proc (Linux), or undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command to completion, collecting its output; rejects with it on a non-zero exit. */
export function runCommand(
  cmd: string,
  args: string[],
  { timeoutMs, env }: { timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<{ stdout: string; stderr: string }> {
  installCleanup();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BenchError(`${cmd}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new BenchError(`${cmd} exited (code ${code}, signal ${signal}):\n${stderr || stdout}`));
    });
  });
}

// ---- figures -----------------------------------------------------------------------------

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : String(n);

/** Runs the benchmark, printing a clear message and exiting non-zero on failure. */
export function main(run: () => Promise<void>): void {
  run()
    .then(() => process.exit(0))
    .catch((error: Error) => {
      process.stderr.write(
        `\nBENCHMARK FAILED: ${error instanceof BenchError ? error.message : (error.stack ?? error)}\n`,
      );
      process.exit(1);
    });
}

// ---- CPU accounting (Linux /proc; USER_HZ is 100 on this kernel) -------------------------------

const HZ = 100;

/** CPU seconds (user + system) a process has used so far, or undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / HZ;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores). */
export function machineCpu(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const idle = n[3] + n[4];
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / HZ, total: total / HZ };
}

/** CPU seconds (user + system) of every live process, by pid, with its command name. */
function allProcessCpu(): Map<number, { comm: string; secs: number }> {
  const result = new Map<number, { comm: string; secs: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(Number(entry), {
        comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        secs: (Number(fields[11]) + Number(fields[12])) / HZ,
      });
    } catch {
      // gone meanwhile
    }
  }
  return result;
}

/**
 * Measures who used the CPU between creation and `stop()`, in cores (1.0 = one core busy):
 * the whole machine, the named processes, this process, and everything else grouped by
 * command name (postgres, redis-server, other node processes, ...). Processes that started
 * and ended inside the window are missed; the machine figure still includes them.
 */
export function cpuMeter(named: Record<string, number>) {
  const t0 = Date.now();
  const m0 = machineCpu();
  const before = allProcessCpu();
  return {
    stop(): Record<string, number> {
      const wall = (Date.now() - t0) / 1000;
      const m1 = machineCpu();
      const after = allProcessCpu();
      const names = new Map<number, string>(Object.entries(named).map(([k, pid]) => [pid, k]));
      names.set(process.pid, 'bench driver');
      const groups = new Map<string, number>();
      for (const [pid, { comm, secs }] of after) {
        const delta = secs - (before.get(pid)?.secs ?? 0);
        if (delta <= 0) continue;
        const key = names.get(pid) ?? comm;
        groups.set(key, (groups.get(key) ?? 0) + delta);
      }
      const result: Record<string, number> = { machine: (m1.busy - m0.busy) / wall };
      for (const key of [...Object.keys(named), 'bench driver']) result[key] = (groups.get(key) ?? 0) / wall;
      const rest = [...groups.entries()]
        .filter(([k]) => !(k in result))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4);
      for (const [k, secs] of rest) if (secs / wall >= 0.01) result[k] = secs / wall;
      const listed = Object.entries(result).reduce((a, [k, v]) => (k === 'machine' ? a : a + v), 0);
      result['unattributed (exited processes, kernel)'] = Math.max(0, result.machine - listed);
      return result;
    },
  };
}

export function formatCpu(cores: Record<string, number>): string {
  return Object.entries(cores)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
}

/** Prints how busy the machine is before the run starts: other work skews CPU-bound figures. */
export async function reportBackgroundLoad(): Promise<void> {
  const meter = cpuMeter({});
  await sleep(2_000);
  const { machine, ...rest } = meter.stop();
  const others = Object.entries(rest)
    .filter(([k, v]) => k !== 'bench driver' && v >= 0.02)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  out(
    `background load before the run: ${machine.toFixed(2)} of ${cpus().length} cores busy${others ? ` (${others})` : ''}` +
      (machine > 0.2 ? ' — NOT QUIET: figures below are depressed by other work' : ''),
  );
}

/**
 * The benchmark's own Redis connection. Commands fail after a few retries instead of waiting
 * forever, so a Redis that goes away mid-run ends the benchmark with a clear message.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 5, enableOfflineQueue: true });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new BenchError(
      `Redis at ${url} is not reachable (${(lastError ?? (error as Error)).message}); is it running?`,
    );
  }
  return redis;
}
