import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1764000000003 implements MigrationInterface {
  name = 'Webhooks1764000000003';

  async up(q: QueryRunner): Promise<void> {
    // Subscribers (Teams, ServiceNow, a SIEM) and the delivery log. The unique key on
    // (subscription, event) is what makes a redelivered event post nothing twice.
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        secret text NOT NULL,
        event_types text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      );
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
        event_id bigint NOT NULL REFERENCES incident_events(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_status int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, event_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_deliveries, webhook_subscriptions');
  }
}
