import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from './migrations';

/**
 * A pg Pool whose every client has an error listener for its whole life. TypeORM listens
 * only while a query runner holds the client, and a backend terminated between statements
 * (failover, pg_terminate_backend) otherwise emits an 'error' nobody hears, which ends the
 * process. The query in flight still fails, and the pool drops the broken client.
 */
class ResilientPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super(options);
    this.on('connect', (client) => client.on('error', () => undefined));
  }
}

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one way to reach PostgreSQL. Query logging stays off: parameters carry personal data.
 * Schema changes come from migrations only.
 */
export function createDataSource({
  url,
  poolSize = 10,
  applicationName = 'breach-desk',
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    logging: false,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    driver: { ...pg, Pool: ResilientPool },
    extra: { max: poolSize, application_name: applicationName },
  });
}
