import { Injectable } from '@nestjs/common';
import { Clock, ConcurrentChangeError } from '#libs/shared';
import { Incident } from '../domain/incident';
import { IncidentRepository } from '../infrastructure/incident.repository';

const ATTEMPTS = 5;

/**
 * How the system (timers, deliveries) writes to an incident: load, let `act` decide from the
 * current state, append. A race with a person's command is not an error for the system:
 * it looks again, since the condition may be gone. `act` returns false to record nothing.
 */
@Injectable()
export class IncidentSystemWriter {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly clock: Clock,
  ) {}

  /** The incident as it is now, for reading what the writer's `act` will need. */
  peek(incidentId: string): Promise<Incident | undefined> {
    return this.incidents.load(incidentId);
  }

  async record(incidentId: string, act: (incident: Incident, now: Date) => boolean): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const incident = await this.incidents.load(incidentId);
      if (!incident || !act(incident, this.clock.now())) return false;
      try {
        await this.incidents.transaction((tx) => this.incidents.append(tx, incident));
        return true;
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
