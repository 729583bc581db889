import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ConcurrentChangeError } from '#libs/shared';
import { IncidentRepository } from '../infrastructure/incident.repository';
import { rebuildIncidentProjection } from '../infrastructure/rebuild-projections';

// Arbitrary, fixed: one sweep at a time across all workers.
const SWEEP_LOCK = 7_364_200_035;

/**
 * Retention (policy §8): once a closed incident has been closed longer than its entity's
 * retention period, its key is deleted and its projection rebuilt, so its free text and
 * personal details read `[erased]` everywhere while the register keeps the anonymised facts.
 */
@Injectable()
export class RetentionSweeper {
  private readonly logger = new Logger(RetentionSweeper.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentRepository,
    private readonly clock: Clock,
  ) {}

  /** Erases every incident past its retention period; returns how many it erased. */
  async sweep(now = this.clock.now()): Promise<number> {
    const due: { id: string; months: number }[] = await this.dataSource.query(
      `SELECT i.id, e.retention_months AS months
         FROM incidents i JOIN group_entities e ON e.id = i.entity_id
        WHERE i.status IN ('closed', 'closed-not-breach')
          AND (i.detail->>'erasedAt') IS NULL
          AND (i.detail->>'closedAt')::timestamptz + make_interval(months => e.retention_months) < $1`,
      [now],
    );
    let erased = 0;
    for (const { id, months } of due) if (await this.eraseOne(id, months, now)) erased += 1;
    if (erased) this.logger.log(`erased the personal details of ${erased} incidents past retention`);
    return erased;
  }

  /**
   * One incident, in one transaction. A reminder or a delivery recorded at the same moment is
   * a race worth retrying; one that keeps failing waits for the next sweep instead of
   * stopping this one.
   */
  private async eraseOne(id: string, months: number, now: Date): Promise<boolean> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await this.incidents.transaction(async (tx) => {
          const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [
            SWEEP_LOCK % 2_147_483_647,
            id,
          ]);
          const incident = locked ? await this.incidents.load(id, tx) : undefined;
          if (!incident?.erase(months, now)) return false;
          await this.incidents.append(tx, incident);
          await this.incidents.eraseKey(tx, id);
          await rebuildIncidentProjection(tx, this.incidents, id);
          return true;
        });
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
      }
    }
    this.logger.warn('an incident kept changing during erasure; the next sweep will retry it');
    return false;
  }
}
