import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { JobHandlers, QueueConnections, startQueueWorker } from '#libs/persistence';
import { NOTIFICATION_QUEUE, NotificationJobs, SEND_ATTEMPTS } from './notification-queue';
import { NotificationSender, PermanentDeliveryError } from './notification-sender';

/** The notifications queue's worker: sends, retries with backoff, records final failures. */
@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationProcessor.name);
  private worker?: Worker;
  private readonly handlers: JobHandlers<NotificationJobs> = {
    'send-notification': (job) => this.send(job),
  };

  constructor(
    private readonly queues: QueueConnections,
    private readonly sender: NotificationSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const options = { concurrency: 8, lockMs: this.config.JOB_LOCK_MS };
    this.worker = startQueueWorker(this.queues, NOTIFICATION_QUEUE, this.handlers, options, this.logger, [
      'send-notification',
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async send(job: Job<NotificationJobs['send-notification']>): Promise<string> {
    try {
      return await this.sender.send(job.data.sendId);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? SEND_ATTEMPTS);
      if (error instanceof PermanentDeliveryError || (lastAttempt && name !== 'SendNotVisibleError')) {
        await this.sender.markFailed(job.data.sendId, error instanceof PermanentDeliveryError ? error.message : name);
        throw new UnrecoverableError(name);
      }
      throw error;
    }
  }
}
