import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { OUTBOX_HANDLERS, OutboxHandler, RelayedEvent } from './outbox-handler';

export const OUTBOX_CHANNEL = 'breach_desk_outbox';
const BATCH = 50;

interface ClaimedRow {
  outbox_id: string;
  event_id: string;
  incident_id: string;
  version: number;
  type: string;
  payload: Record<string, unknown>;
  recorded_at: Date;
  attempts: number;
}

/**
 * Delivers committed events to their handlers. Rows are claimed with FOR UPDATE SKIP LOCKED
 * inside one transaction, so two relays never hold the same row, and a relay that dies
 * mid-batch releases its rows for the next one. Woken by LISTEN/NOTIFY; polls as a fallback.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeAgain = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(OUTBOX_HANDLERS) private readonly handlers: OutboxHandler[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'breach-desk-relay' });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`listener lost (${error.name}); polling continues`));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Drains until nothing is pending; concurrent wake-ups coalesce into one more pass. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`relay pass failed: ${error.name}`))
      .finally(() => {
        this.running = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /**
   * Resolves once every event committed before the call has been delivered, whichever pass
   * of this relay delivered it (tests and benchmarks use this instead of sleeping).
   */
  async flush(): Promise<void> {
    for (;;) {
      await this.running;
      await this.drain();
      const [{ pending }]: { pending: number }[] = await this.dataSource.query(
        'SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL AND available_at <= now()',
      );
      if (pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** One or more claiming passes until nothing is left for this relay to claim. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const delivered = await this.deliverBatch();
      total += delivered;
      if (delivered < BATCH || this.stopped) return total;
    }
  }

  private deliverBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: ClaimedRow[] = await tx.query(
        `SELECT o.id AS outbox_id, o.event_id, o.incident_id, e.version, e.type, e.payload, e.recorded_at, o.attempts
           FROM outbox o JOIN incident_events e ON e.id = o.event_id
          WHERE o.processed_at IS NULL AND o.available_at <= now()
          ORDER BY o.id LIMIT $1
          FOR UPDATE OF o SKIP LOCKED`,
        [BATCH],
      );
      for (const row of rows) await this.deliverOne(tx, row);
      return rows.length;
    });
  }

  private async deliverOne(tx: EntityManager, row: ClaimedRow): Promise<void> {
    const event: RelayedEvent = {
      eventId: row.event_id,
      incidentId: row.incident_id,
      version: row.version,
      type: row.type,
      payload: row.payload,
      recordedAt: row.recorded_at,
    };
    await tx.query('SAVEPOINT deliver');
    try {
      for (const handler of this.handlers.filter((h) => h.handles(row.type))) {
        const receipt: unknown[] = await tx.query(
          'INSERT INTO outbox_receipts (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
          [row.event_id, handler.name],
        );
        if (receipt.length) await handler.handle(event, tx);
      }
      await tx.query('RELEASE SAVEPOINT deliver');
      await tx.query(
        'UPDATE outbox SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1',
        [row.outbox_id],
      );
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT deliver');
      // Only the error's class reaches the row and the log: messages may quote data.
      const reason = error instanceof Error ? error.name : 'UnknownError';
      const backoffSeconds = Math.min(2 ** row.attempts, 300);
      await tx.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                available_at = now() + make_interval(secs => $3) WHERE id = $1`,
        [row.outbox_id, reason, backoffSeconds],
      );
      this.logger.warn(`event ${row.event_id} (${row.type}) failed: ${reason}; retry in ${backoffSeconds}s`);
    }
  }
}
