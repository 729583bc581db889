import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { signWebhook } from './webhook-signature';

export class WebhookRejectedError extends Error {
  override name = 'WebhookRejectedError';
}

export class WebhookRetryableError extends Error {
  override name = 'WebhookRetryableError';
}

interface DeliveryRow {
  id: string;
  status: string;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  incident_id: string;
  version: number;
  at: string;
  reference: string | null;
}

const TIMEOUT_MS = 10_000;

/**
 * Posts one event to one subscriber. The body carries ids, the reference, the event type
 * and times only: never the breach's content, which a subscriber reads through the API.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly dataSource: DataSource) {}

  async deliver(deliveryId: string): Promise<'delivered' | 'skipped'> {
    const [d]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.status, s.url, s.secret, e.id AS event_id, e.type, e.incident_id, e.version,
              e.payload #>> '{meta,at}' AS at, i.reference
         FROM webhook_deliveries d
         JOIN webhook_subscriptions s ON s.id = d.subscription_id
         JOIN incident_events e ON e.id = d.event_id
         LEFT JOIN incidents i ON i.id = e.incident_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!d) throw new WebhookRetryableError('delivery not committed yet');
    if (d.status !== 'pending') return 'skipped';
    const body = JSON.stringify({
      deliveryId: d.id,
      eventId: d.event_id,
      type: d.type,
      incidentId: d.incident_id,
      reference: d.reference,
      version: d.version,
      at: d.at,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-breach-desk-event': d.type,
          'x-breach-desk-delivery': d.id,
          'x-breach-desk-timestamp': String(timestamp),
          'x-breach-desk-signature': signWebhook(d.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
    } catch (error) {
      await this.note(d.id, null, error instanceof Error ? error.name : 'FetchError');
      throw new WebhookRetryableError('network');
    }
    if (status >= 200 && status < 300) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = $2, delivered_at = now() WHERE id = $1`,
        [d.id, status],
      );
      return 'delivered';
    }
    await this.note(d.id, status, `http-${status}`);
    // A 4xx (other than timeout or rate limit) means the subscriber will not take it.
    if (status >= 400 && status < 500 && status !== 408 && status !== 429)
      throw new WebhookRejectedError(`http-${status}`);
    throw new WebhookRetryableError(`http-${status}`);
  }

  async markFailed(deliveryId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'pending'`,
      [deliveryId, reason],
    );
  }

  private async note(id: string, status: number | null, error: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3 WHERE id = $1',
      [id, status, error],
    );
  }
}
