import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { JobHandlers, QueueConnections, startQueueWorker } from '#libs/persistence';
import { WEBHOOK_ATTEMPTS, WEBHOOK_QUEUE, WebhookJobs } from './webhook-queue';
import { WebhookRejectedError, WebhookSender } from './webhook-sender';

/** The webhooks queue's worker: posts, retries with backoff, records final failures. */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookProcessor.name);
  private worker?: Worker;
  private readonly handlers: JobHandlers<WebhookJobs> = {
    'deliver-webhook': (job) => this.deliver(job),
  };

  constructor(
    private readonly queues: QueueConnections,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const options = { concurrency: 8, lockMs: this.config.JOB_LOCK_MS };
    this.worker = startQueueWorker(this.queues, WEBHOOK_QUEUE, this.handlers, options, this.logger, [
      'deliver-webhook',
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async deliver(job: Job<WebhookJobs['deliver-webhook']>): Promise<string> {
    try {
      return await this.sender.deliver(job.data.deliveryId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'error';
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? WEBHOOK_ATTEMPTS);
      if (error instanceof WebhookRejectedError || lastAttempt) {
        await this.sender.markFailed(job.data.deliveryId, reason);
        throw new UnrecoverableError(reason);
      }
      throw error;
    }
  }
}
