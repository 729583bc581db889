import { DataSource } from 'typeorm';
import { DEMO_EXTERNAL_CONTROLLER, DEMO_PARTNER, DEMO_PEOPLE, GROUP_ENTITIES } from './demo-directory';

/**
 * The group's entities are facts and are seeded into an empty table anywhere; the demo
 * people, partner and external controller only outside production, and only when nobody
 * is in the directory yet.
 */
export async function seedDirectory(dataSource: DataSource, { demoPeople }: { demoPeople: boolean }): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await tx.query('LOCK TABLE group_entities, people IN EXCLUSIVE MODE');
    const [{ count: entities }] = await tx.query('SELECT count(*)::int AS count FROM group_entities');
    if (entities === 0) {
      for (const e of GROUP_ENTITIES) {
        await tx.query('INSERT INTO group_entities (id, name, short_name) VALUES ($1, $2, $3)', [
          e.id,
          e.name,
          e.shortName,
        ]);
      }
    }
    const [{ count: people }] = await tx.query('SELECT count(*)::int AS count FROM people');
    if (!demoPeople || people > 0) return;
    await tx.query('INSERT INTO partners (id, name) VALUES ($1, $2)', [DEMO_PARTNER.id, DEMO_PARTNER.name]);
    await tx.query('INSERT INTO external_controllers (id, name, notify_within_hours) VALUES ($1, $2, $3)', [
      DEMO_EXTERNAL_CONTROLLER.id,
      DEMO_EXTERNAL_CONTROLLER.name,
      DEMO_EXTERNAL_CONTROLLER.notifyWithinHours,
    ]);
    for (const p of DEMO_PEOPLE) {
      await tx.query(
        `INSERT INTO people (id, display_name, email, roles, entity_id, partner_id, emt_on_duty)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [p.id, p.displayName, p.email, p.roles, p.entityId, p.partnerId, p.emtOnDuty ?? false],
      );
    }
    // The Head of Governance deputises for the DPO (policy §13.10).
    await tx.query('UPDATE people SET deputy_id = $1 WHERE id = $2', [DEMO_PEOPLE[1].id, DEMO_PEOPLE[0].id]);
  });
}
