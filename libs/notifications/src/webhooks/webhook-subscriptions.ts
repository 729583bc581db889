import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { DomainError, NotFoundError } from '#libs/shared';
import { newWebhookSecret } from './webhook-planner';

export interface WebhookSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
}

/** One post of one event to one subscriber: ids, type and outcome; never the body that was sent. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  incidentId: string;
  reference: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** Subscriptions as an administrator manages them; the secret is shown once, at creation. */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    url: string,
    eventTypes: string[],
    createdBy: string,
  ): Promise<WebhookSubscription & { secret: string }> {
    if (this.config.NODE_ENV === 'production' && !url.startsWith('https://')) {
      throw new DomainError('https_required', 'Webhooks must use https in production.');
    }
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

  deliveries(id: string): Promise<WebhookDelivery[]> {
    return this.dataSource.query(
      `SELECT d.id, d.event_id AS "eventId", e.type AS "eventType", e.incident_id AS "incidentId", i.reference,
              d.status, d.attempts, d.last_status AS "lastStatus", d.last_error AS "lastError",
              d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"
         FROM webhook_deliveries d
         JOIN incident_events e ON e.id = d.event_id
         LEFT JOIN incidents i ON i.id = e.incident_id
        WHERE d.subscription_id = $1 ORDER BY d.created_at DESC, d.event_id DESC LIMIT 200`,
      [id],
    );
  }
}
