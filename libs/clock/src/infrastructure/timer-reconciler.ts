import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IncidentState } from '#libs/incidents';
import { QueueConnections } from '#libs/persistence';
import { TIMER_QUEUE } from './queues';
import { TimerScheduler } from './timer-scheduler';

// Arbitrary, fixed: one reconciler at a time across all workers.
const RECONCILE_LOCK = 7_364_200_034;
const PAGE = 1_000;

/**
 * PostgreSQL is the source of truth for timers. This rebuilds every live timer of every open
 * incident, so a flushed or failed-over Redis loses nothing. Adding an existing job id is a
 * no-op, so running it while everything is in place changes nothing.
 */
@Injectable()
export class TimerReconciler {
  private readonly logger = new Logger(TimerReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: TimerScheduler,
    private readonly queues: QueueConnections,
  ) {}

  /** Returns how many timers it (re)submitted, or null when another worker holds the lock. */
  async reconcile(): Promise<number | null> {
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RECONCILE_LOCK]);
      if (!locked) return null;
      const queue = this.queues.queue(TIMER_QUEUE);
      const now = Date.now();
      let submitted = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: { id: string; detail: IncidentState }[] = await tx.query(
          `SELECT id, detail FROM incidents
            WHERE status NOT IN ('closed', 'closed-not-breach') AND id > $1
            ORDER BY id LIMIT $2`,
          [after, PAGE],
        );
        if (rows.length === 0) break;
        const jobs = (await Promise.all(rows.map((r) => this.scheduler.jobsFor(r.detail, now)))).flat();
        if (jobs.length) await queue.addBulk(jobs);
        submitted += jobs.length;
        after = rows[rows.length - 1].id;
      }
      this.logger.log(`reconciled ${submitted} timers`);
      return submitted;
    });
  }
}
