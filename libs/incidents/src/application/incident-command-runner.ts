import { Injectable } from '@nestjs/common';
import { Clock, ConcurrentChangeError, NotFoundError } from '#libs/shared';
import { Incident } from '../domain/incident';
import type { Actor, IncidentStatus } from '../domain/incident.types';
import { IncidentRepository } from '../infrastructure/incident.repository';
import { canSee } from './incident-access';

/** What every command on an existing incident carries. */
export abstract class IncidentCommand {
  constructor(
    readonly incidentId: string,
    readonly actor: Actor,
    /** The version the caller last saw (If-Match); a mismatch is a 409, not a silent overwrite. */
    readonly expectedVersion?: number,
  ) {}
}

export interface CommandResult {
  id: string;
  reference: string;
  version: number;
  status: IncidentStatus;
}

const ATTEMPTS = 3;

/**
 * Load, check the caller may see it, let the aggregate decide, append: the path of every
 * command. A change by another person since the caller's version is a 409. A change by the
 * system alone (a reminder raised, an email delivered) is not: the command is decided again
 * against the fresh state, so the rules still hold and nothing is overwritten.
 */
@Injectable()
export class IncidentCommandRunner {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly clock: Clock,
  ) {}

  async run(command: IncidentCommand, act: (incident: Incident, now: Date) => void): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const incident = await this.incidents.load(command.incidentId);
      if (!incident || !canSee(command.actor, incident.state)) throw new NotFoundError();
      const seen = command.expectedVersion ?? incident.version;
      // Only an older If-Match needs a look at what was written since (one query saved per command).
      const behind = seen < incident.version && !(await this.incidents.onlySystemSince(incident.id, seen));
      if (seen > incident.version || behind) {
        throw new ConcurrentChangeError();
      }
      act(incident, this.clock.now());
      try {
        const version = await this.incidents.transaction((tx) => this.incidents.append(tx, incident));
        return { id: incident.id, reference: incident.state.reference, version, status: incident.status };
      } catch (error) {
        const raced = error instanceof ConcurrentChangeError;
        if (!raced || attempt >= ATTEMPTS || !(await this.incidents.onlySystemSince(incident.id, incident.version))) {
          throw error;
        }
      }
    }
  }
}
