import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { allTimers, DEFAULT_POLICY, TIMER_QUEUE, timerJobId } from '#libs/clock';
import { Incident, IncidentRepository, IncidentState } from '#libs/incidents';
import { NOTIFICATION_QUEUE } from '#libs/notifications';
import { londonYear } from '#libs/shared';
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
  reportBackgroundLoad,
  resetDatabase,
  ROOT,
  rssMb,
  Service,
  sleep,
  startService,
  waitFor,
} from '../support/bench-env';
import { COLLEAGUE_ACTOR, reportFacts } from '../support/report-body';

/**
 * 10,000 open incidents whose 24-hour reminder (and, at the same instant, the decision
 * escalation) falls due in the same minute: how late do they fire, how big does the worker
 * get, and how long does the reconciler take to rebuild every timer after Redis loses them.
 *
 *   cd /work/main && npm run -s build && node dist/bench/timers/timers.js
 */

const COMMAND = 'cd /work/main && npm run -s build && node dist/bench/timers/timers.js';
const HOUR = 3_600_000;
const N = Number(process.env.BENCH_INCIDENTS ?? 10_000);
/** Seconds from the start of creation to the start of the due minute. */
const LEAD_S = Number(process.env.BENCH_LEAD_S ?? 120);
const WINDOW_S = 60;
const CREATE_CONCURRENCY = 8;
const TARGET = { p99LatenessMs: 2_000, rebuildMs: 10_000, workerMb: 300 };

const WORKER = 'dist/apps/worker/src/main.js';

/** Samples a process's RSS every 250 ms; keeps the peak overall and per named phase. */
class RssSampler {
  peak = 0;
  samples = 0;
  last = 0;
  readonly peaks = new Map<string, number>();
  private phase = 'start-up';
  private timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 250);
    this.sample();
  }

  enter(phase: string): void {
    this.sample();
    this.phase = phase;
  }

  private sample(): void {
    const mb = rssMb(this.pid);
    if (mb === undefined) return;
    this.samples += 1;
    this.last = mb;
    this.peak = Math.max(this.peak, mb);
    this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, mb));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  describe(): string {
    return [...this.peaks].map(([phase, mb]) => `${phase} ${fmt(mb, 0)} MB`).join(', ');
  }
}

/** Jobs by state in a queue of the bench prefix. */
async function counts(queue: Queue): Promise<Record<string, number>> {
  return queue.getJobCounts('delayed', 'waiting', 'active', 'prioritized', 'completed', 'failed');
}

async function scalar(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row]: { n: number | string | null }[] = await ds.query(sql, params);
  return Number(row?.n ?? 0);
}

const pendingOutbox = (ds: DataSource) =>
  scalar(ds, 'SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL');

/**
 * The live timers PostgreSQL says should exist (job id → due time), computed as the scheduler
 * does, with the default policy (version 1, which every bench incident starts with).
 */
async function plannedJobs(ds: DataSource): Promise<Map<string, number>> {
  const rows: { detail: IncidentState }[] = await ds.query(
    `SELECT detail FROM incidents WHERE status NOT IN ('closed', 'closed-not-breach')`,
  );
  const planned = new Map<string, number>();
  for (const { detail } of rows) {
    for (const t of allTimers(detail, DEFAULT_POLICY)) {
      if (t.live) planned.set(timerJobId(detail.id, t.name, detail.awareAt), t.dueAt.getTime());
    }
  }
  return planned;
}

/**
 * When Redis will release each delayed timer job (job id → ms). BullMQ keeps delayed jobs in
 * `<prefix>:<queue>:delayed` scored by (due ms × 0x1000 + a tie-breaker).
 */
async function redisSchedule(redis: Redis): Promise<Map<string, number>> {
  const flat = await redis.zrange(`${BENCH_PREFIX}:${TIMER_QUEUE}:delayed`, 0, -1, 'WITHSCORES');
  const schedule = new Map<string, number>();
  for (let i = 0; i < flat.length; i += 2) schedule.set(flat[i], Math.floor(Number(flat[i + 1]) / 0x1000));
  return schedule;
}

/** How much later than planned Redis will release each job: the scheduling skew, sorted. */
function scheduleSkew(planned: Map<string, number>, schedule: Map<string, number>) {
  const skews: number[] = [];
  let missing = 0;
  for (const [id, due] of planned) {
    const at = schedule.get(id);
    if (at === undefined) missing += 1;
    else skews.push(at - due);
  }
  return {
    skews: skews.sort((a, b) => a - b),
    missing,
    extra: [...schedule.keys()].filter((id) => !planned.has(id)).length,
  };
}

const dist = (xs: number[]) =>
  `p50 ${fmt(percentile(xs, 50))} ms, p99 ${fmt(percentile(xs, 99))} ms, max ${fmt(xs[xs.length - 1])} ms, min ${fmt(xs[0])} ms`;

async function createIncidents(ds: DataSource, windowStart: number): Promise<void> {
  const repo = new IncidentRepository(ds);
  let next = 0;
  const createOne = async (i: number) => {
    // reminder-24h = deadline − 24 h = awareAt + 48 h; awareAt = discoveredAt (before the report).
    const due = windowStart + Math.floor((i * WINDOW_S * 1000) / N);
    const discovered = new Date(due - 48 * HOUR);
    const incident = new Incident(randomUUID());
    await repo.transaction(async (tx) => {
      const now = new Date();
      const reference = await repo.nextReference(tx, londonYear(now));
      incident.report({ reference, report: reportFacts(discovered), actor: COLLEAGUE_ACTOR, now });
      await repo.append(tx, incident);
    });
  };
  await Promise.all(
    Array.from({ length: CREATE_CONCURRENCY }, async () => {
      for (let i = next++; i < N; i = next++) await createOne(i);
    }),
  );
}

/**
 * The worker runs with the node flags of `npm run start:worker` (its heap cap), as in production;
 * BENCH_WORKER_NODE_OPTIONS overrides them.
 */
function workerNodeOptions(): string {
  if (process.env.BENCH_WORKER_NODE_OPTIONS !== undefined) return process.env.BENCH_WORKER_NODE_OPTIONS;
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts['start:worker'].match(/--[\w-]+=\S+/g) ?? []).join(' ');
}

function startWorker(logLevel: string): Service {
  const nodeOptions = workerNodeOptions();
  return startService(
    'worker',
    WORKER,
    benchEnv({ LOG_LEVEL: logLevel, SMTP_CATCHER_PORT: '0', ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) }),
  );
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The worker's log lines at warn and above, grouped by message with ids taken out. */
function logSummary(service: Service): string[] {
  const groups = new Map<string, number>();
  for (const { text } of service.lines) {
    if (!text.trim()) continue;
    let msg = text;
    let level = 0;
    try {
      const parsed = JSON.parse(text) as { msg?: unknown; level?: number };
      msg = String(parsed.msg);
      level = parsed.level ?? 0;
    } catch {
      level = 50;
    }
    if (level < 40) continue;
    const key = msg
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .replace(/\d+/g, '<n>');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, n]) => `${String(n).padStart(6)} × ${k}`);
}

async function run(): Promise<void> {
  const started = Date.now();
  out(`Breach Desk timers benchmark — ${new Date().toISOString()}`);
  out(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
  out(`reproduce: ${COMMAND}`);
  await reportBackgroundLoad();
  out(`worker node options (as \`npm run start:worker\`): ${workerNodeOptions() || 'none'}`);
  out();

  out(`preparing database ${BENCH_DB} (dropped and recreated) and Redis prefix ${BENCH_PREFIX} ...`);
  await resetDatabase();
  const config = benchConfig();
  const redis = await connectRedis(config.REDIS_URL);
  out(`  deleted ${await clearRedisPrefix(redis)} Redis keys under ${BENCH_PREFIX}:`);
  const timers = new Queue(TIMER_QUEUE, { connection: redis, prefix: BENCH_PREFIX });
  const notifications = new Queue(NOTIFICATION_QUEUE, { connection: redis, prefix: BENCH_PREFIX });
  const ds = await openDataSource(CREATE_CONCURRENCY + 2);
  const services: Service[] = [];

  try {
    // ---- 1. the incidents ----------------------------------------------------------------
    const t0 = Date.now();
    const windowStart = t0 + LEAD_S * 1000;
    const windowEnd = windowStart + WINDOW_S * 1000;
    out(
      `creating ${N} incidents in-process (IncidentRepository, ${CREATE_CONCURRENCY} at a time); ` +
        `reminder-24h and decision-escalation due from ${new Date(windowStart).toISOString()} ` +
        `to ${new Date(windowEnd).toISOString()}`,
    );
    await createIncidents(ds, windowStart);
    const createdMs = Date.now() - t0;
    out(`  created in ${secs(createdMs)} (${fmt(N / (createdMs / 1000), 0)} reports/s)`);
    const plannedAtStart = await plannedJobs(ds);
    out(`  live timers in PostgreSQL: ${plannedAtStart.size} (${(plannedAtStart.size / N).toFixed(1)} per incident)`);
    if (Date.now() > windowStart - 20_000) {
      throw new BenchError(`creation finished too close to the due minute; raise BENCH_LEAD_S (now ${LEAD_S})`);
    }
    out();

    // ---- 2. the worker schedules them ------------------------------------------------------
    const worker = startWorker('warn');
    services.push(worker);
    const rss = new RssSampler(worker.pid);
    out(
      `worker started (pid ${worker.pid}, LOG_LEVEL warn, SMTP_CATCHER_PORT 0); waiting for its relay and startup reconcile`,
    );
    const since = (at: number) => `${secs(at - worker.spawnedAt)} after spawn`;
    const untilWindow = () => Math.max(10_000, windowStart - Date.now());
    // Both bounded by the start of the due minute: if the worker is still behind then, the
    // minute starts anyway (that is what would happen in production) and the backlog is shown.
    const windowOpen = () => Date.now() >= windowStart - 2_000;
    const scheduledAt = await waitFor(
      'the worker to schedule every timer',
      async () => {
        assertAlive(worker);
        const c = await counts(timers);
        if (c.delayed + c.waiting + c.active >= plannedAtStart.size) return Date.now();
        return windowOpen() ? null : undefined;
      },
      { timeoutMs: untilWindow() + 5_000, everyMs: 250 },
    );
    out(
      scheduledAt
        ? `  every timer in Redis: ${since(scheduledAt)}`
        : `  NOT every timer was in Redis when the due minute began (${JSON.stringify(await counts(timers))})`,
    );
    const drainedAt = await waitFor(
      'the outbox to drain',
      async () => {
        assertAlive(worker);
        if ((await pendingOutbox(ds)) === 0) return Date.now();
        return windowOpen() ? null : undefined;
      },
      { timeoutMs: untilWindow() + 5_000, everyMs: 250 },
    );
    out(
      drainedAt
        ? `  outbox drained (no rows with processed_at IS NULL): ${since(drainedAt)}`
        : `  the outbox was NOT drained when the due minute began: ${await pendingOutbox(ds)} rows pending`,
    );
    // The new-report mails (one per incident) are real work the worker still has; say when they end.
    const mailsDoneAt = await waitFor(
      'the new-report mails to be sent',
      async () => {
        assertAlive(worker);
        const c = await counts(notifications);
        const idle = c.waiting + c.active + c.delayed + c.prioritized === 0 && (await pendingOutbox(ds)) === 0;
        return idle || Date.now() > windowStart - 3_000 ? Date.now() : undefined;
      },
      { timeoutMs: untilWindow() + 5_000, everyMs: 500 },
    );
    const mailBacklog = await counts(notifications);
    const backlog = mailBacklog.waiting + mailBacklog.active + mailBacklog.delayed + mailBacklog.prioritized;
    out(
      backlog === 0
        ? `  new-report mails sent and their events relayed: ${since(mailsDoneAt)}`
        : `  the due minute starts with ${backlog} new-report mail jobs (${mailBacklog.delayed} of them retrying) ` +
            `and ${await pendingOutbox(ds)} outbox rows still pending`,
    );
    const schedule = await redisSchedule(redis);
    const before = scheduleSkew(plannedAtStart, schedule);
    out(
      `  when Redis will release them vs. when they are due (scheduling skew, ${before.skews.length} jobs, ` +
        `${before.missing} missing): ${dist(before.skews)}`,
    );
    out(`  worker RSS before the due minute: ${fmt(rss.last, 0)} MB (peak so far ${fmt(rss.peak, 0)} MB)`);
    const waitMs = windowStart - Date.now();
    out(`  ${secs(Math.max(0, waitMs))} until the due minute`);
    out();

    // ---- 3. the due minute ------------------------------------------------------------------
    await sleep(Math.max(0, waitMs));
    rss.enter('due minute');
    const meter = cpuMeter({ worker: worker.pid });
    const fired = (timer: string) =>
      scalar(
        ds,
        `SELECT count(*)::int AS n FROM incident_events
          WHERE type IN ('DeadlineReminderRaised', 'EscalationRaised') AND payload->'data'->>'timer' = $1`,
        [timer],
      );
    out(`the due minute: waiting for ${N} DeadlineReminderRaised (reminder-24h) events`);
    let maxWaiting = 0;
    let lastReport = 0;
    const allFiredAt = await waitFor(
      `${N} DeadlineReminderRaised events`,
      async () => {
        assertAlive(worker);
        const c = await counts(timers);
        maxWaiting = Math.max(maxWaiting, c.waiting + c.prioritized);
        const n = await fired('reminder-24h');
        if (Date.now() - lastReport >= 15_000) {
          lastReport = Date.now();
          out(
            `  +${secs(Date.now() - windowStart)}: ${n} reminders, ${await fired('decision-escalation')} decision ` +
              `escalations; timers queue waiting ${c.waiting}, active ${c.active}; RSS ${fmt(rss.last, 0)} MB`,
          );
        }
        return n >= N ? Date.now() : undefined;
      },
      { timeoutMs: WINDOW_S * 1000 + 180_000, everyMs: 500 },
    );
    const cpu = formatCpu(meter.stop());
    rss.enter('after the minute');
    out(`  all ${N} reminders recorded ${secs(allFiredAt - windowEnd)} after the minute ended`);

    const firings = async (type: string, timer: string) => {
      const rows: { incident_id: string; aware_at: string; due_ms: string; recorded_ms: string }[] = await ds.query(
        `SELECT incident_id, payload->'data'->>'awareAt' AS aware_at,
                extract(epoch FROM (payload->'data'->>'dueAt')::timestamptz) * 1000 AS due_ms,
                extract(epoch FROM recorded_at) * 1000 AS recorded_ms
           FROM incident_events WHERE type = $1 AND payload->'data'->>'timer' = $2`,
        [type, timer],
      );
      const lateness: number[] = [];
      const afterRelease: number[] = [];
      for (const r of rows) {
        lateness.push(Number(r.recorded_ms) - Number(r.due_ms));
        const releasedAt = schedule.get(timerJobId(r.incident_id, timer, r.aware_at));
        if (releasedAt !== undefined) afterRelease.push(Number(r.recorded_ms) - releasedAt);
      }
      return { lateness: lateness.sort((a, b) => a - b), afterRelease: afterRelease.sort((a, b) => a - b) };
    };
    const reminders = await firings('DeadlineReminderRaised', 'reminder-24h');
    const escalations = await firings('EscalationRaised', 'decision-escalation');
    const p99 = percentile(reminders.lateness, 99);
    const line = (name: string, xs: number[]) =>
      `  ${name.padEnd(44)} n ${String(xs.length).padStart(5)}   p50 ${fmt(percentile(xs, 50)).padStart(6)} ms   ` +
      `p99 ${fmt(percentile(xs, 99)).padStart(6)} ms   max ${fmt(xs[xs.length - 1]).padStart(6)} ms   min ${fmt(xs[0])} ms`;
    out('lateness = recorded_at of the event − its dueAt');
    out(line('reminder-24h (DeadlineReminderRaised)', reminders.lateness));
    out(line('decision-escalation (EscalationRaised)', escalations.lateness));
    out("of which after Redis released the job (recorded_at − the job's delayed-set time):");
    out(line('reminder-24h', reminders.afterRelease));
    out(line('decision-escalation', escalations.afterRelease));
    out(`  most due-but-not-started timer jobs seen at once: ${maxWaiting}`);
    out(`  CPU cores used from the start of the minute until the last reminder: ${cpu}`);
    out();

    // ---- 4. let the worker finish, stop it ---------------------------------------------------
    const settled = await waitFor(
      'the worker to settle',
      async () => {
        assertAlive(worker);
        const c = await counts(notifications);
        const t = await counts(timers);
        const idle = c.waiting + c.active + c.prioritized + c.delayed === 0 && t.waiting + t.active === 0;
        return idle && (await pendingOutbox(ds)) === 0 ? true : undefined;
      },
      { timeoutMs: 45_000, everyMs: 500 },
    ).catch(() => false);
    const left = await counts(notifications);
    out(
      settled
        ? `worker settled (mails sent, outbox drained) ${secs(Date.now() - allFiredAt)} after the last reminder`
        : `worker still busy ${secs(Date.now() - allFiredAt)} after the last reminder (outbox pending ` +
            `${await pendingOutbox(ds)}, mail jobs waiting ${left.waiting}, retrying ${left.delayed}); stopping it anyway`,
    );
    const firedJobs = [...(await redisSchedule(redis)).keys()].filter((id) => id.startsWith('inc_')).length;
    await worker.stop();
    rss.stop();
    out(`worker stopped. Peak RSS ${fmt(rss.peak, 0)} MB; by phase: ${rss.describe()} (${rss.samples} samples)`);
    const summary = logSummary(worker);
    if (summary.length) {
      out('  what it logged at warn and above (grouped):');
      for (const l of summary) out(`  ${l}`);
    }
    out();

    // ---- 5. Redis loses everything: the reconciler rebuilds it ------------------------------------
    const planned = await plannedJobs(ds);
    const deleted = await clearRedisPrefix(redis);
    out(`deleted ${deleted} Redis keys under ${BENCH_PREFIX}: (what FLUSHALL would do to this service's keys)`);
    out(
      `live timers PostgreSQL says should exist: ${planned.size} (${(planned.size / N).toFixed(1)} per incident); ` +
        `Redis held ${firedJobs} delayed timer jobs before the delete`,
    );
    const expected = planned.size;
    const fresh = startWorker('info');
    services.push(fresh);
    const rss2 = new RssSampler(fresh.pid);
    let reachedAt: number | undefined;
    let last = -1;
    let stableSince = Date.now();
    await waitFor(
      'the reconciler to rebuild every timer',
      async () => {
        assertAlive(fresh);
        const c = await counts(timers);
        const n = c.delayed + c.waiting;
        if (reachedAt === undefined && n >= expected) reachedAt = Date.now();
        if (n !== last) {
          last = n;
          stableSince = Date.now();
        }
        return reachedAt !== undefined && Date.now() - stableSince >= 2_000 ? true : undefined;
      },
      { timeoutMs: 90_000, everyMs: 100 },
    );
    const rebuildMs = reachedAt! - fresh.spawnedAt;
    rss2.enter('idle after rebuild');
    const logLine = fresh.lines.find((l) => l.text.includes('reconciled'));
    const startedLine = fresh.lines.find((l) => l.text.includes('worker started'));
    const msg = (text: string) => {
      try {
        return String((JSON.parse(text) as { msg?: unknown }).msg);
      } catch {
        return text;
      }
    };
    out(`fresh worker (pid ${fresh.pid}, LOG_LEVEL info so the reconciler's line shows):`);
    out(`  delayed + waiting jobs reached ${expected} at ${secs(rebuildMs)} after spawn; final count ${last}`);
    if (logLine) out(`  its log at ${secs(logLine.atMs)}: "${msg(logLine.text)}"`);
    else out('  (the "reconciled N timers" line was not seen on its output)');
    if (startedLine) out(`  "worker started" logged at ${secs(startedLine.atMs)} (Nest boot + startup reconcile)`);
    const rebuilt = scheduleSkew(planned, await redisSchedule(redis));
    out(
      `  check: ${rebuilt.skews.length} of ${expected} planned timers are in the delayed set, ${rebuilt.missing} missing, ` +
        `${rebuilt.extra} other delayed jobs (the 5-minute reconcile-timers job scheduler)`,
    );
    out(`  scheduling skew of the rebuilt timers (Redis release time − due time): ${dist(rebuilt.skews)}`);
    await sleep(1_000);
    await fresh.stop();
    rss2.stop();
    out(`  its peak RSS ${fmt(rss2.peak, 0)} MB; by phase: ${rss2.describe()}`);
    out();

    // ---- 6. summary -------------------------------------------------------------------------------
    const peak = Math.max(rss.peak, rss2.peak);
    const row = (what: string, figure: string, target: string, ok: boolean, by: string) =>
      out(`  ${what.padEnd(36)} ${figure.padEnd(12)} ${target.padEnd(10)} ${ok ? 'met' : `MISSED ${by}`}`);
    out(`  ${'summary'.padEnd(36)} ${'figure'.padEnd(12)} ${'target'.padEnd(10)}`);
    row(
      'p99 lateness of reminder-24h',
      `${fmt(p99)} ms`,
      `< ${TARGET.p99LatenessMs} ms`,
      p99 < TARGET.p99LatenessMs,
      `by ${fmt(p99 - TARGET.p99LatenessMs)} ms (${(p99 / TARGET.p99LatenessMs).toFixed(1)}×)`,
    );
    row(
      `rebuild of ${expected} timers`,
      secs(rebuildMs),
      `< ${TARGET.rebuildMs / 1000} s`,
      rebuildMs < TARGET.rebuildMs,
      `by ${secs(rebuildMs - TARGET.rebuildMs)}`,
    );
    row(
      'worker peak RSS',
      `${fmt(peak, 0)} MB`,
      `< ${TARGET.workerMb} MB`,
      peak < TARGET.workerMb,
      `by ${fmt(peak - TARGET.workerMb, 0)} MB`,
    );
  } finally {
    for (const s of services) await s.stop();
    await ds.destroy();
    await timers.close();
    await notifications.close();
    // Leave nothing in a shared Redis; the database stays for inspection until the next run.
    await clearRedisPrefix(redis).catch(() => 0);
    await redis.quit();
  }
  out(`Total run time ${secs(Date.now() - started)}.`);
}

main(run);
