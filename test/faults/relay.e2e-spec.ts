import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { TIMER_QUEUE } from '#libs/clock';
import { loadConfig } from '#libs/config';
import { aReport, startApi, TestApi } from '../support/api';
import { kill, spawnBuilt, waitFor } from '../support/processes';

jest.setTimeout(60_000);

describe('the outbox relay survives being killed', () => {
  let api: TestApi;
  let db: DataSource;
  let queue: Queue;
  let redis: Redis;

  const pending = async (ids: string[]) => {
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM outbox WHERE incident_id = ANY($1) AND processed_at IS NULL',
      [ids],
    );
    return n as number;
  };

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    const config = loadConfig();
    redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(TIMER_QUEUE, { connection: redis, prefix: config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await queue.close();
    await redis.quit();
    await api.close();
  });

  async function report(n: number): Promise<string[]> {
    const chris = await api.as('chris');
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await chris.post('/api/v1/incidents', aReport()).expect(201)).body.id);
    return ids;
  }

  async function timersOf(ids: string[]): Promise<number> {
    const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs.filter((j) => ids.some((id) => j.id!.startsWith(`inc_${id}_`))).length;
  }

  it('delivers events committed while no worker ran, even after a SIGKILL mid-relay', async () => {
    // Committed with no worker running: only the outbox knows about them.
    const ids = await report(40);
    expect(await pending(ids)).toBe(40);

    const first = spawnBuilt('apps/worker/src/main.js');
    await waitFor(async () => (await pending(ids)) < 40, 20_000, 'the first worker to start relaying');
    await kill(first, 'SIGKILL');

    const second = spawnBuilt('apps/worker/src/main.js');
    try {
      await waitFor(async () => (await pending(ids)) === 0, 20_000, 'the outbox to drain');
    } finally {
      await kill(second, 'SIGTERM');
    }

    // Each report handled once by each of its three handlers (timers, notifications, webhooks), and every
    // incident's six timers exist.
    const receipts: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_receipts r JOIN outbox o ON o.event_id = r.event_id
        WHERE o.incident_id = ANY($1) GROUP BY r.event_id, r.handler`,
      [ids],
    );
    expect(receipts).toHaveLength(40 * 3);
    expect(receipts.every((r) => r.n === 1)).toBe(true);
    expect(await timersOf(ids)).toBe(40 * 6);
  });

  it('never lets two workers deliver the same row', async () => {
    const a = spawnBuilt('apps/worker/src/main.js');
    const b = spawnBuilt('apps/worker/src/main.js');
    try {
      const ids = await report(40);
      await waitFor(async () => (await pending(ids)) === 0, 20_000, 'the outbox to drain');
      // Only the reports' own rows: the workers go on to record deliveries and timers on these
      // incidents, whose rows may or may not exist yet when this is read.
      const attempts: { attempts: number }[] = await db.query(
        `SELECT attempts FROM outbox WHERE incident_id = ANY($1) AND event_type = 'IncidentReported'`,
        [ids],
      );
      expect(attempts).toHaveLength(40);
      // A row claimed twice would have been processed (and counted) twice.
      expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await Promise.all([kill(a, 'SIGTERM'), kill(b, 'SIGTERM')]);
    }
  });
});
