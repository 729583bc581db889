import { MigrationInterface, QueryRunner } from 'typeorm';

/** The register and the trends filter and order by report time. */
export class RegisterIndex1764000000007 implements MigrationInterface {
  name = 'RegisterIndex1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX incidents_reported_at ON incidents (reported_at, reference)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX incidents_reported_at');
  }
}
