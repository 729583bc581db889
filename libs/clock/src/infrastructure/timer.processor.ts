import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { DelayedError, Job, Worker } from 'bullmq';
import { JobHandlers, onRedisReconnect, QueueConnections, startQueueWorker } from '#libs/persistence';
import { TIMER_JOB_NAMES, TIMER_QUEUE, TimerJobs } from './queues';
import { TimerFiring } from './timer-firing';
import { TimerReconciler } from './timer-reconciler';

const RECONCILE_EVERY_MS = 5 * 60_000;

/**
 * The timers queue's worker. Every job name has a handler, checked by the type system and
 * again at start: a job nobody can process would sit in Redis while a deadline passes.
 */
@Injectable()
export class TimerProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimerProcessor.name);
  private worker?: Worker;
  private readonly handlers: JobHandlers<TimerJobs> = {
    'fire-timer': (job, token) => this.fire(job, token),
    'reconcile-timers': async () => `reconciled ${await this.reconciler.reconcile()}`,
  };

  constructor(
    private readonly queues: QueueConnections,
    private readonly firing: TimerFiring,
    private readonly reconciler: TimerReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleReconciliation();
    const options = { concurrency: 16, lockMs: this.config.JOB_LOCK_MS };
    this.worker = startQueueWorker(this.queues, TIMER_QUEUE, this.handlers, options, this.logger, TIMER_JOB_NAMES);
    // Rebuild anything Redis lost while no worker was running, and again whenever Redis comes back.
    await this.reconciler.reconcile();
    onRedisReconnect(
      this.queues.connection(),
      async () => {
        await this.scheduleReconciliation();
        await this.reconciler.reconcile();
      },
      (error) => this.logger.error(`timer recovery after a Redis reconnect failed: ${error.name}`),
    );
  }

  private scheduleReconciliation() {
    return this.queues
      .queue(TIMER_QUEUE)
      .upsertJobScheduler('reconcile-timers', { every: RECONCILE_EVERY_MS }, { name: 'reconcile-timers', data: {} });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async fire(job: Job<TimerJobs['fire-timer']>, token?: string): Promise<string> {
    const outcome = await this.firing.fire(job.data);
    if (outcome.result === 'early') {
      await job.moveToDelayed(outcome.dueAt.getTime(), token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
