import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IncidentState } from '#libs/incidents';
import { Clock } from '#libs/shared';
import { csvChunks, jsonChunks } from './register-export';
import type { RegisterFilter } from './register-filter';
import { toAnonymisedRow, toFullRow } from './register-row.mapper';
import type { RegisterRow, RegisterView } from './register-row.types';

/** Who asked for the export; written to the access log when the export holds personal data. */
export interface RegisterReader {
  id: string;
  roles: readonly string[];
}

/** Rows fetched per round trip: big enough to be quick, small enough to stay small in memory. */
export const REGISTER_PAGE_SIZE = 500;

/**
 * The Art. 33(5) breach register, read from the `incidents` projection: every incident, reported
 * or not, including those closed as not a breach, oldest report first.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  json(filter: RegisterFilter, view: RegisterView, reader: RegisterReader): AsyncGenerator<string> {
    const generatedAt = this.clock.now().toISOString();
    return jsonChunks(this.pages(filter, view, reader), { view, filter, generatedAt });
  }

  csv(filter: RegisterFilter, view: RegisterView, reader: RegisterReader): AsyncGenerator<string> {
    return csvChunks(this.pages(filter, view, reader), view);
  }

  /**
   * Pages of rows through a server-side cursor in one read-only REPEATABLE READ transaction:
   * the projection is sorted once (there is no index on reported_at to page by keyset), the
   * export is one consistent snapshot, and memory holds one page at a time. A consumer that
   * stops early (the client went away) ends the generator, which rolls back and releases.
   */
  async *pages(filter: RegisterFilter, view: RegisterView, reader: RegisterReader): AsyncGenerator<RegisterRow[]> {
    const now = this.clock.now();
    const map = view === 'full' ? toFullRow : toAnonymisedRow;
    // A read replica, when one is configured, takes the export off the primary.
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      // A client that stops reading must not hold a snapshot open for ever.
      await runner.query(`SET LOCAL idle_in_transaction_session_timeout = '5min'`);
      await runner.query(
        `DECLARE register_export NO SCROLL CURSOR FOR
           SELECT id, detail FROM incidents
            WHERE ($1::timestamptz IS NULL OR reported_at >= $1::timestamptz)
              AND ($2::timestamptz IS NULL OR reported_at < $2::timestamptz)
              AND ($3::text IS NULL OR entity_id = $3::text)
            ORDER BY reported_at, reference`,
        [filter.from, filter.to, filter.entityId],
      );
      for (;;) {
        const rows: { id: string; detail: IncidentState }[] = await runner.query(
          `FETCH ${REGISTER_PAGE_SIZE} FROM register_export`,
        );
        if (rows.length === 0) break;
        if (view === 'full')
          await this.logReads(
            rows.map((r) => r.id),
            reader,
          );
        yield rows.map((r) => map(r.detail, now));
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** Reading an incident's details is audited (DESIGN.md); the full register reads them all. */
  private async logReads(ids: string[], reader: RegisterReader): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO incident_access_log (incident_id, actor_id, actor_roles, action)
       SELECT unnest($1::uuid[]), $2, $3, 'register-export'`,
      [ids, reader.id, reader.roles],
    );
  }
}
