import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class AcknowledgeIncidentCommand extends IncidentCommand {
  constructor(incidentId: string, actor: Actor, expectedVersion: number | undefined) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(AcknowledgeIncidentCommand)
export class AcknowledgeIncidentHandler implements ICommandHandler<AcknowledgeIncidentCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: AcknowledgeIncidentCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) => incident.acknowledge(command.actor, now));
  }
}
