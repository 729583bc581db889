import { loadConfig } from '#libs/config';
import { ensureDatabase } from '../ensure-database';
import { runMigrations } from '../run-migrations';

async function main(): Promise<void> {
  const direction = process.argv[2] === 'revert' ? 'down' : 'up';
  const config = loadConfig();
  await ensureDatabase(config.DATABASE_URL);
  const applied = await runMigrations(config.DATABASE_URL, direction);
  process.stdout.write(
    direction === 'down' ? 'Reverted the last migration.\n' : `Applied: ${applied.join(', ') || 'nothing pending'}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
