import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class CloseAsNotBreachCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly reason: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(CloseAsNotBreachCommand)
export class CloseAsNotBreachHandler implements ICommandHandler<CloseAsNotBreachCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: CloseAsNotBreachCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) => incident.closeAsNotBreach(command.reason, command.actor, now));
  }
}
