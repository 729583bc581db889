import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // The directory: the group's legal entities, people, partner organisations and the
    // external controllers for whom the group processes data (councils' support contracts).
    await q.query(`
      CREATE TABLE group_entities (
        id text PRIMARY KEY,
        name text NOT NULL,
        short_name text NOT NULL,
        retention_months int NOT NULL DEFAULT 72 CHECK (retention_months > 0)
      );
      CREATE TABLE partners (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE
      );
      CREATE TABLE external_controllers (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        notify_within_hours int NOT NULL CHECK (notify_within_hours > 0)
      );
      CREATE TABLE people (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        email text NOT NULL UNIQUE,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        entity_id text REFERENCES group_entities(id),
        partner_id uuid REFERENCES partners(id),
        absent boolean NOT NULL DEFAULT false,
        deputy_id uuid REFERENCES people(id),
        emt_on_duty boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true
      );
    `);

    // The event store. The unique (incident_id, version) is what turns a race into a 409.
    await q.query(`
      CREATE TABLE incident_events (
        id bigserial PRIMARY KEY,
        incident_id uuid NOT NULL,
        version int NOT NULL CHECK (version > 0),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incident_events_stream_version UNIQUE (incident_id, version)
      );
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id bigint NOT NULL UNIQUE REFERENCES incident_events(id),
        incident_id uuid NOT NULL,
        event_type text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        last_error text
      );
      CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE processed_at IS NULL;
      -- One row per (event, handler) that has run: a redelivered event is skipped by a
      -- handler that already saw it.
      CREATE TABLE outbox_receipts (
        event_id bigint NOT NULL REFERENCES incident_events(id),
        handler text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, handler)
      );
      CREATE TABLE incident_reference_counters (
        year int PRIMARY KEY,
        last_value int NOT NULL
      );
    `);

    // Read projections, rebuilt from the events by \`npm run projections:rebuild\`.
    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        version int NOT NULL,
        status text NOT NULL,
        entity_id text NOT NULL,
        reported_by text NOT NULL,
        reporter_partner_id uuid,
        owner_id text,
        reported_at timestamptz NOT NULL,
        discovered_at timestamptz NOT NULL,
        aware_at timestamptz NOT NULL,
        aware_confirmed boolean NOT NULL,
        ico_deadline_at timestamptz NOT NULL,
        special_category boolean NOT NULL,
        criminal_offence boolean NOT NULL,
        updated_at timestamptz NOT NULL,
        detail jsonb NOT NULL
      );
      CREATE INDEX incidents_status_deadline ON incidents (status, ico_deadline_at);
      CREATE INDEX incidents_reported_by ON incidents (reported_by);
      CREATE INDEX incidents_partner ON incidents (reporter_partner_id) WHERE reporter_partner_id IS NOT NULL;
      CREATE TABLE incident_timeline (
        event_id bigint PRIMARY KEY,
        incident_id uuid NOT NULL,
        version int NOT NULL,
        type text NOT NULL,
        actor_id text NOT NULL,
        at timestamptz NOT NULL,
        summary text NOT NULL
      );
      CREATE INDEX incident_timeline_incident ON incident_timeline (incident_id, version);
      -- Reading an incident is audited, outside the stream so that reads never race writes.
      CREATE TABLE incident_access_log (
        id bigserial PRIMARY KEY,
        incident_id uuid NOT NULL,
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX incident_access_log_incident ON incident_access_log (incident_id, at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE incident_access_log, incident_timeline, incidents, incident_reference_counters,
        outbox_receipts, outbox, incident_events, people, external_controllers, partners, group_entities;
    `);
  }
}
