import { MigrationInterface, QueryRunner } from 'typeorm';

export class Retention1764000000004 implements MigrationInterface {
  name = 'Retention1764000000004';

  async up(q: QueryRunner): Promise<void> {
    // One key per incident, in its own table: deleting the row is the erasure (crypto-shredding).
    await q.query(`
      CREATE TABLE incident_keys (
        incident_id uuid PRIMARY KEY,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE incident_keys');
  }
}
