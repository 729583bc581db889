import { loadConfig } from '#libs/config';
import { createDataSource } from '#libs/persistence';
import { rebuildProjections } from '../infrastructure/rebuild-projections';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const started = process.hrtime.bigint();
    const { incidents, events } = await rebuildProjections(dataSource);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`Rebuilt ${incidents} incidents from ${events} events in ${ms.toFixed(0)} ms\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.name}: projection rebuild failed\n`);
  process.exit(1);
});
