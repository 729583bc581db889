import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerApiKeys1764000000006 implements MigrationInterface {
  name = 'PartnerApiKeys1764000000006';

  async up(q: QueryRunner): Promise<void> {
    // Policy §6.8: partners report through the API. Only a hash of each key is kept.
    await q.query(`
      CREATE TABLE partner_api_keys (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners(id),
        label text NOT NULL,
        key_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz
      );
      CREATE INDEX partner_api_keys_partner ON partner_api_keys (partner_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE partner_api_keys');
  }
}
