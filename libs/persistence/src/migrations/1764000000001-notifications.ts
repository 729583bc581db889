import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764000000001 implements MigrationInterface {
  name = 'Notifications1764000000001';

  async up(q: QueryRunner): Promise<void> {
    // The send log: one row per (event that asked for a message, recipient). Its unique key
    // is what makes a redelivered event or a retried job send nothing twice.
    await q.query(`
      CREATE TABLE notification_sends (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL,
        event_id bigint NOT NULL REFERENCES incident_events(id),
        recipient_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notification_sends_once UNIQUE (incident_id, event_id, recipient_id)
      );
      CREATE INDEX notification_sends_incident ON notification_sends (incident_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_sends');
  }
}
