import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '#libs/config';

const DAY_S = 86_400;

/** Bounded Redis growth: finished jobs are kept a while for inspection, then dropped. */
export const KEEP_FINISHED_JOBS = {
  removeOnComplete: { age: 7 * DAY_S, count: 50_000 },
  removeOnFail: { age: 30 * DAY_S },
} as const;

/**
 * One Redis connection per role, as BullMQ requires: `maxRetriesPerRequest: null` so a
 * blocked worker waits out a Redis failover instead of throwing. We created them, so we
 * close them (BullMQ does not).
 */
@Injectable()
export class QueueConnections implements OnApplicationShutdown {
  private readonly connections: Redis[] = [];
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get prefix(): string {
    return this.config.REDIS_PREFIX;
  }

  connection(): Redis {
    const redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connections.push(redis);
    return redis;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection(), prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
