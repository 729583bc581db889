import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#libs/shared';
import { newWebhookSecret } from './webhook-planner';

export interface WebhookSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
}

/** Subscriptions as an administrator manages them; the secret is shown once, at creation. */
@Injectable()
export class WebhookSubscriptions {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    url: string,
    eventTypes: string[],
    createdBy: string,
  ): Promise<WebhookSubscription & { secret: string }> {
    const id = randomUUID();
    const secret = newWebhookSecret();
    await this.dataSource.query(
      'INSERT INTO webhook_subscriptions (id, url, secret, event_types, created_by) VALUES ($1, $2, $3, $4, $5)',
      [id, url, secret, eventTypes, createdBy],
    );
    return { ...(await this.get(id)), secret };
  }

  list(): Promise<WebhookSubscription[]> {
    return this.dataSource.query(
      `SELECT id, url, event_types AS "eventTypes", active, created_at AS "createdAt"
         FROM webhook_subscriptions ORDER BY created_at`,
    );
  }

  async get(id: string): Promise<WebhookSubscription> {
    const [row]: WebhookSubscription[] = await this.dataSource.query(
      `SELECT id, url, event_types AS "eventTypes", active, created_at AS "createdAt" FROM webhook_subscriptions WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('webhook');
    return row;
  }

  async deactivate(id: string): Promise<WebhookSubscription> {
    await this.get(id);
    await this.dataSource.query('UPDATE webhook_subscriptions SET active = false WHERE id = $1', [id]);
    return this.get(id);
  }

  deliveries(id: string): Promise<unknown[]> {
    return this.dataSource.query(
      `SELECT d.id, d.event_id AS "eventId", d.status, d.attempts, d.last_status AS "lastStatus",
              d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"
         FROM webhook_deliveries d WHERE d.subscription_id = $1 ORDER BY d.created_at DESC LIMIT 200`,
      [id],
    );
  }
}
