import { Client } from 'pg';
import { createDataSource } from './data-source';

// Arbitrary, fixed: every process that migrates this database takes the same lock.
const MIGRATION_LOCK = 7_364_200_033;

/**
 * Runs pending migrations while holding an advisory lock on a dedicated connection (not a
 * pooled one, where a session lock would leak), so two processes starting together never
 * migrate at once.
 */
export async function runMigrations(url: string, direction: 'up' | 'down' = 'up'): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'breach-desk-migrate' });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.initialize();
    if (direction === 'down') {
      await dataSource.undoLastMigration({ transaction: 'all' });
      return [];
    }
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
