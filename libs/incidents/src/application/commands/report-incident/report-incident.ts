import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DirectoryService } from '#libs/directory';
import { Clock, DomainError, londonYear } from '#libs/shared';
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

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand, CommandResult> {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, input }: ReportIncidentCommand): Promise<CommandResult> {
    const { processorForControllerIds, ...facts } = input;
    if (!(await this.directory.entityExists(facts.entityId))) {
      throw new DomainError('unknown_entity', 'That group entity is not in the directory.', 'rule', {
        field: 'entityId',
      });
    }
    const controllers = await this.directory.externalControllerIds(processorForControllerIds);
    if (controllers.size !== new Set(processorForControllerIds).size) {
      throw new DomainError('unknown_controller', 'An external controller is not in the directory.', 'rule', {
        field: 'processorForControllerIds',
      });
    }
    const processorFor = [...controllers].map(([controllerId, c]) => ({ controllerId, ...c }));
    const now = this.clock.now();
    const incident = new Incident(randomUUID());
    return this.incidents.transaction(async (tx) => {
      // Allocated inside the transaction: a refused report leaves no gap in the sequence.
      const reference = await this.incidents.nextReference(tx, londonYear(now));
      const policyVersion = await this.incidents.currentPolicyVersion(tx);
      incident.report({ reference, report: { ...facts, processorFor }, actor, now, policyVersion });
      const version = await this.incidents.append(tx, incident);
      return { id: incident.id, reference, version, status: incident.status };
    });
  }
}
