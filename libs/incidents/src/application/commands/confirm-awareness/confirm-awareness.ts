import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class ConfirmAwarenessCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly awareAt: string,
    readonly justification: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(ConfirmAwarenessCommand)
export class ConfirmAwarenessHandler implements ICommandHandler<ConfirmAwarenessCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: ConfirmAwarenessCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) =>
      incident.confirmAwareness(command.awareAt, command.justification, command.actor, now),
    );
  }
}
