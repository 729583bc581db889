import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class ReopenIncidentCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly reason: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(ReopenIncidentCommand)
export class ReopenIncidentHandler implements ICommandHandler<ReopenIncidentCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: ReopenIncidentCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) => incident.reopen(command.reason, command.actor, now));
  }
}
