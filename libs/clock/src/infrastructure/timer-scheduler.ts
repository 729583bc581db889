import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IncidentState } from '#libs/incidents';
import { allTimers, timerJobId } from '../planned-timers';
import { PolicyStore } from './policy-store';
import { OutboxHandler, QueueConnections, RelayedEvent } from '#libs/persistence';
import { TIMER_JOB_OPTIONS, TIMER_QUEUE, TimerJobs } from './queues';

const CANNOT_CHANGE_TIMERS = new Set([
  'NotificationDelivered',
  'NotificationFailed',
  'InformationAdded',
  'LessonsCirculated',
  'LessonsAcknowledged',
  'IcoSupplementarySubmitted',
]);

/**
 * Keeps an incident's delayed jobs in step with its state: every live timer exists (same id,
 * so adding twice is harmless) and every dead one, including those of an earlier awareness
 * time, is removed. Runs on every committed event, through the outbox.
 */
@Injectable()
export class TimerScheduler implements OutboxHandler {
  readonly name = 'timers';
  private readonly logger = new Logger(TimerScheduler.name);

  constructor(
    private readonly queues: QueueConnections,
    private readonly policies: PolicyStore,
  ) {}

  /** Every event that can start, end or move a timer; deliveries, notes and readers cannot. */
  handles(type: string): boolean {
    return !CANNOT_CHANGE_TIMERS.has(type);
  }

  async handle(event: RelayedEvent, tx: EntityManager): Promise<void> {
    const rows: { detail: IncidentState }[] = await tx.query('SELECT detail FROM incidents WHERE id = $1', [
      event.incidentId,
    ]);
    if (rows[0]) await this.sync(rows[0].detail);
  }

  async sync(state: IncidentState, now = Date.now()): Promise<void> {
    const queue = this.queues.queue(TIMER_QUEUE);
    const timers = allTimers(state, await this.policies.get(state.policyVersion ?? 1));
    await queue.addBulk(this.toJobs(state, timers, now));
    const stale = [
      ...timers.filter((t) => !t.live).map((t) => timerJobId(state.id, t.name, state.awareAt)),
      ...state.awarenessHistory.flatMap((h) => timers.map((t) => timerJobId(state.id, t.name, h.previousAwareAt))),
    ];
    for (const id of stale) {
      // A job being processed right now is locked and stays; it re-checks and skips itself.
      await queue.remove(id).catch(() => this.logger.debug(`timer ${id} is running; it will skip itself`));
    }
  }

  /** The live timers of one incident as BullMQ jobs (used by the reconciler too). */
  async jobsFor(state: IncidentState, now = Date.now()) {
    return this.toJobs(state, allTimers(state, await this.policies.get(state.policyVersion ?? 1)), now);
  }

  private toJobs(state: IncidentState, timers: ReturnType<typeof allTimers>, now: number) {
    return timers
      .filter((t) => t.live)
      .map((t) => ({
        name: 'fire-timer' as const,
        data: { incidentId: state.id, timer: t.name, awareAt: state.awareAt } satisfies TimerJobs['fire-timer'],
        opts: {
          ...TIMER_JOB_OPTIONS,
          jobId: timerJobId(state.id, t.name, state.awareAt),
          // Released at timestamp + delay: exactly the due time, however long a large batch takes to add.
          timestamp: now,
          delay: Math.max(0, t.dueAt.getTime() - now),
        },
      }));
  }
}
