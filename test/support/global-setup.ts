import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadConfig } from '../../libs/config/src';
import { seedDirectory } from '../../libs/directory/src/seed-directory';
// Relative imports: Jest's globalSetup runs outside the module mapper.
import { createDataSource } from '../../libs/persistence/src/data-source';
import { ensureDatabase } from '../../libs/persistence/src/ensure-database';
import { runMigrations } from '../../libs/persistence/src/run-migrations';
import './env';

/** A fresh test database per run: dropped, created, migrated and seeded. */
export default async function globalSetup(): Promise<void> {
  ensureChromium();
  const config = loadConfig();
  const url = new URL(config.DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!name.includes('test')) throw new Error(`Refusing to reset ${name}: a test database name contains "test"`);
  const admin = new URL(config.DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
  await ensureDatabase(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 1 }).initialize();
  await seedDirectory(dataSource, { demoPeople: true });
  await dataSource.destroy();
  await clearRedisPrefix(config.REDIS_URL, config.REDIS_PREFIX);
}

/** Jobs left by an earlier run would point at incidents that no longer exist. */
async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

/**
 * The browser tests drive Debian's Chromium (playwright-core never downloads one). CI runs
 * only `npm ci && npm test` on a fresh machine, so the project installs its browser itself.
 */
function ensureChromium(): void {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    throw new Error('The browser tests need Chromium: run `apt-get install -y chromium` as root');
  }
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
