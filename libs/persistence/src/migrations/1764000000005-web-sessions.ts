import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of people using the pages. Only the SHA-256 of the session id is stored, so a
 * copy of this table cannot be replayed as cookies. Roles are those the sign-in granted.
 */
export class WebSessions1764000000005 implements MigrationInterface {
  name = 'WebSessions1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_sessions (
        id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
        person_id text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        partner_id uuid,
        display_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
      CREATE INDEX web_sessions_person ON web_sessions (person_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE web_sessions');
  }
}
