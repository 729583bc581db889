import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { TIMER_QUEUE } from '#libs/clock';
import { loadConfig } from '#libs/config';
import { aReport, startApi, TestApi } from '../support/api';
import { kill, spawnBuilt, waitFor } from '../support/processes';

jest.setTimeout(90_000);

/** A one-shot probe that never waits for Redis to come back. */
async function redisAlive(): Promise<boolean> {
  const client = new Redis(loadConfig().REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  const answer = await client
    .connect()
    .then(() => client.ping())
    .catch(() => '');
  client.disconnect();
  return answer === 'PONG';
}

async function stopRedis(): Promise<void> {
  const client = new Redis(loadConfig().REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  await client.shutdown('NOSAVE').catch(() => undefined);
  client.disconnect();
}

/** The command this kind of machine starts Redis with (it keeps nothing on disk). */
function startRedis(): void {
  // stdio ignored: a daemonising server would otherwise hold our pipes open and block us.
  spawnSync(
    'redis-server',
    [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '-::1',
      '--port',
      '6379',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      existsSync('/var/lib/redis') ? '/var/lib/redis' : '/tmp',
      '--logfile',
      existsSync('/var/log/redis') ? '/var/log/redis/ci.log' : '/tmp/redis.log',
    ],
    { stdio: 'ignore', timeout: 10_000 },
  );
}

describe('Redis restarted under a running worker', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    // Whatever happened, leave Redis running for the rest of the suite.
    if (!(await redisAlive())) startRedis();
    await api.close();
  });

  it('gets every timer of the open incidents back without restarting the worker', async () => {
    const config = loadConfig();
    const worker = spawnBuilt('apps/worker/src/main.js');
    const queueConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    queueConnection.on('error', () => undefined);
    const queue = new Queue(TIMER_QUEUE, { connection: queueConnection, prefix: config.REDIS_PREFIX });
    try {
      const chris = await api.as('chris');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await chris.post('/api/v1/incidents', aReport()).expect(201)).body.id);
      const timersOf = async () => {
        const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
        return jobs.filter((j) => ids.some((id) => j.id!.startsWith(`inc_${id}_`))).length;
      };
      await waitFor(async () => (await timersOf()) === ids.length * 6, 20_000, 'the timers to be scheduled');

      // A key nobody recreates shows that Redis came back empty. (Counting the timers instead would
      // race the worker, which may reconnect and rebuild some before the count is taken.)
      const sentinel = `${config.REDIS_PREFIX}:test:restart-sentinel`;
      await queueConnection.set(sentinel, 'before the restart');
      await stopRedis();
      await waitFor(async () => !(await redisAlive()), 5_000, 'Redis to stop');
      startRedis();
      await waitFor(redisAlive, 10_000, 'Redis to start again');
      await waitFor(async () => queueConnection.status === 'ready', 10_000, 'the test connection to reconnect');
      expect(await queueConnection.exists(sentinel)).toBe(0);

      await waitFor(async () => (await timersOf()) === ids.length * 6, 30_000, 'the worker to rebuild the timers');
      // The periodic reconciliation, a job scheduler that lived in Redis, is back too.
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain('reconcile-timers');
    } finally {
      await queue.close();
      queueConnection.disconnect();
      await kill(worker, 'SIGTERM');
    }
  });
});
