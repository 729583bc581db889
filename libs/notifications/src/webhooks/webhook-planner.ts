import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { OutboxHandler, QueueConnections, RelayedEvent } from '#libs/persistence';
import { WEBHOOK_QUEUE, WebhookJobs, webhookJobOptions } from './webhook-queue';

/** One delivery per (active subscription, event) that the subscription asked for. */
@Injectable()
export class WebhookPlanner implements OutboxHandler {
  readonly name = 'webhooks';

  constructor(
    private readonly queues: QueueConnections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handles(): boolean {
    return true;
  }

  async handle(event: RelayedEvent, tx: EntityManager): Promise<void> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, event_id)
       SELECT gen_random_uuid(), s.id, $1 FROM webhook_subscriptions s
        WHERE s.active AND (cardinality(s.event_types) = 0 OR $2 = ANY(s.event_types))
       ON CONFLICT ON CONSTRAINT webhook_deliveries_once DO UPDATE SET attempts = webhook_deliveries.attempts
       RETURNING id`,
      [event.eventId, event.type],
    );
    if (rows.length === 0) return;
    const options = webhookJobOptions(this.config.SEND_RETRY_DELAY_MS);
    await this.queues.queue(WEBHOOK_QUEUE).addBulk(
      rows.map((r) => ({
        name: 'deliver-webhook',
        data: { deliveryId: r.id } satisfies WebhookJobs['deliver-webhook'],
        opts: { ...options, jobId: `whk_${r.id}` },
      })),
    );
  }
}

export const newWebhookSecret = () => `whsec_${randomUUID().replaceAll('-', '')}${randomUUID().replaceAll('-', '')}`;
