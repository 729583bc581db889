import { DataSource } from 'typeorm';

/**
 * Removes incidents a suite generated in bulk (e.g. two years of synthetic history), with
 * everything that hangs off them, so later suites do not inherit thousands of open incidents
 * whose overdue timers and unrelayed events would swamp their workers. Test databases only.
 */
export async function purgeIncidents(dataSource: DataSource, ids: string[]): Promise<void> {
  const name = (await dataSource.query('SELECT current_database() AS name'))[0].name as string;
  if (!name.includes('test')) throw new Error(`Refusing to purge incidents from ${name}`);
  await dataSource.transaction(async (tx) => {
    for (const table of ['notification_sends', 'webhook_deliveries', 'outbox_receipts']) {
      await tx.query(
        `DELETE FROM ${table} WHERE event_id IN (SELECT id FROM incident_events WHERE incident_id = ANY($1::uuid[]))`,
        [ids],
      );
    }
    for (const table of ['outbox', 'incident_timeline', 'incident_access_log', 'incident_events']) {
      await tx.query(`DELETE FROM ${table} WHERE incident_id = ANY($1::uuid[])`, [ids]);
    }
    await tx.query('DELETE FROM incident_keys WHERE incident_id = ANY($1::uuid[])', [ids]);
    await tx.query('DELETE FROM incidents WHERE id = ANY($1::uuid[])', [ids]);
  });
}
