import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { RetentionSweeper } from '#libs/incidents';
import { JobHandlers, onRedisReconnect, QueueConnections, startQueueWorker } from '#libs/persistence';

const MAINTENANCE_QUEUE = 'maintenance';
const EVERY_MS = 6 * 3_600_000;

/** Runs the retention sweep on a BullMQ job scheduler: one run every 6 hours, whichever worker takes it. */
@Injectable()
export class RetentionProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionProcessor.name);
  private worker?: Worker;

  constructor(
    private readonly queues: QueueConnections,
    private readonly sweeper: RetentionSweeper,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // A job scheduler lives in Redis: put it back whenever Redis comes back empty-handed.
    onRedisReconnect(
      this.queues.connection(),
      () => this.schedule(),
      (e) => this.logger.error(`retention scheduler: ${e.name}`),
    );
    const handlers: JobHandlers<{ 'retention-sweep': Record<string, never> }> = {
      'retention-sweep': async () => `erased ${await this.sweeper.sweep()}`,
    };
    this.worker = startQueueWorker(
      this.queues,
      MAINTENANCE_QUEUE,
      handlers,
      { concurrency: 1, lockMs: 600_000 },
      this.logger,
    );
  }

  private schedule() {
    return this.queues
      .queue(MAINTENANCE_QUEUE)
      .upsertJobScheduler('retention-sweep', { every: EVERY_MS }, { name: 'retention-sweep', data: {} });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
