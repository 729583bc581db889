import { Injectable } from '@nestjs/common';
import { IncidentSystemWriter } from '#libs/incidents';
import { liveTimers } from '../planned-timers';
import { PolicyStore } from './policy-store';
import type { TimerJobs } from './queues';

export type FireResult = { result: 'recorded' | 'skipped' } | { result: 'early'; dueAt: Date };

/**
 * What a fired timer does: re-read the incident from PostgreSQL and record the escalation,
 * reminder or missed deadline only if its condition still holds for the same awareness
 * time. Order-tolerant and idempotent: a stale, early or repeated job records nothing.
 */
@Injectable()
export class TimerFiring {
  constructor(
    private readonly writer: IncidentSystemWriter,
    private readonly policies: PolicyStore,
  ) {}

  async fire({ incidentId, timer, awareAt }: TimerJobs['fire-timer']): Promise<FireResult> {
    let early: Date | undefined;
    const incident = await this.writer.peek(incidentId);
    if (!incident) return { result: 'skipped' };
    const policy = await this.policies.get(incident.state.policyVersion ?? 1);
    const recorded = await this.writer.record(incidentId, (incident, now) => {
      if (incident.state.awareAt !== awareAt) return false;
      const planned = liveTimers(incident.state, policy).find((t) => t.name === timer);
      if (!planned) return false;
      // Redis and this process may disagree by a moment; never act before the due time.
      if (planned.dueAt.getTime() > now.getTime()) {
        early = planned.dueAt;
        return false;
      }
      return incident.raiseTimer(planned.name, planned.dueAt, planned.outcome, now);
    });
    if (early) return { result: 'early', dueAt: early };
    return { result: recorded ? 'recorded' : 'skipped' };
  }
}
