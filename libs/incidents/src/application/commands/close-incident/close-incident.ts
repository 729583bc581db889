import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class CloseIncidentCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly summary: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(CloseIncidentCommand)
export class CloseIncidentHandler implements ICommandHandler<CloseIncidentCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: CloseIncidentCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) => incident.close(command.summary, command.actor, now));
  }
}
