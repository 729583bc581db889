import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DirectoryService } from '#libs/directory';
import { Clock, DomainError, Gate, londonYear } from '#libs/shared';
import { Incident } from '../../../domain/incident';
import type { Actor, ReportFacts } from '../../../domain/incident.types';
import { IncidentRepository } from '../../../infrastructure/incident.repository';
import type { CommandResult } from '../../incident-command-runner';

export type ReportInput = Omit<ReportFacts, 'processorFor'> & { processorForControllerIds: string[] };

export class ReportIncidentCommand {
  constructor(
    readonly actor: Actor,
    readonly input: ReportInput,
  ) {}
}

/**
 * How many of this process's reports may be inside their transaction at once. Every report of a
 * year waits for the one before it on the reference counter row, so more only means more pool
 * connections held open waiting on that lock (and none left for anything else the API serves)
 * and more backends woken at each commit. Two keep the next report waiting in PostgreSQL, ready
 * the moment the lock is free. The lock, not this gate, keeps references gapless across replicas.
 */
const REPORTS_IN_TRANSACTION = 2;

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand, CommandResult> {
  private readonly counterQueue = new Gate(REPORTS_IN_TRANSACTION);

  constructor(
    private readonly incidents: IncidentRepository,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, input }: ReportIncidentCommand): Promise<CommandResult> {
    const { processorForControllerIds, ...facts } = input;
    // Read before the transaction: inside it, every report waits for the one before (see below).
    const [entityExists, controllers] = await Promise.all([
      this.directory.entityExists(facts.entityId),
      this.directory.externalControllerIds(processorForControllerIds),
    ]);
    if (!entityExists) {
      throw new DomainError('unknown_entity', 'That group entity is not in the directory.', 'rule', {
        field: 'entityId',
      });
    }
    if (controllers.size !== new Set(processorForControllerIds).size) {
      throw new DomainError('unknown_controller', 'An external controller is not in the directory.', 'rule', {
        field: 'processorForControllerIds',
      });
    }
    const processorFor = [...controllers].map(([controllerId, c]) => ({ controllerId, ...c }));
    const now = this.clock.now();
    const incident = new Incident(randomUUID());
    return this.counterQueue.run(() =>
      this.incidents.transaction(async (tx) => {
        // Allocated inside the transaction: a refused report leaves no gap in the sequence. The
        // counter row stays locked until commit and every report of the year waits for it, so it is
        // the first statement and only one more (append) comes before the commit.
        const { reference, policyVersion } = await this.incidents.stampNewReport(tx, londonYear(now));
        incident.report({ reference, report: { ...facts, processorFor }, actor, now, policyVersion });
        const version = await this.incidents.append(tx, incident);
        return { id: incident.id, reference, version, status: incident.status };
      }),
    );
  }
}
