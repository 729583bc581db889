import type { AppConfig } from '#libs/config';
import { seedDirectory } from '#libs/directory';
import { createDataSource, ensureDatabase, runMigrations } from '#libs/persistence';

/** First-run work for `npm start`: the database, its schema, and the directory's seed. */
export async function prepareDatabase(config: AppConfig): Promise<void> {
  await ensureDatabase(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 1 }).initialize();
  try {
    await seedDirectory(dataSource, { demoPeople: config.NODE_ENV !== 'production' });
  } finally {
    await dataSource.destroy();
  }
}
