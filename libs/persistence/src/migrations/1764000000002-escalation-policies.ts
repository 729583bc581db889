import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default chain of DESIGN.md, as version 1. Later versions are published by an admin. */
const DEFAULT_POLICY = {
  notifyAtReport: ['dpo'],
  escalations: [
    { unless: 'acknowledged', afterHours: 4, to: 'governance' },
    { unless: 'decided', afterHours: 48, to: 'emt' },
  ],
  remindOwnerBeforeDeadlineHours: [24, 12, 4],
  notifyWhenDeadlineMissed: ['dpo', 'governance', 'emt'],
};

export class EscalationPolicies1764000000002 implements MigrationInterface {
  name = 'EscalationPolicies1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation_policies (
        version int PRIMARY KEY CHECK (version > 0),
        policy jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL
      );
    `);
    await q.query(`INSERT INTO escalation_policies (version, policy, published_by) VALUES (1, $1, 'migration')`, [
      JSON.stringify(DEFAULT_POLICY),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE escalation_policies');
  }
}
