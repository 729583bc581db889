import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordContainmentCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly actions: string,
    readonly findings: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordContainmentCommand)
export class RecordContainmentHandler implements ICommandHandler<RecordContainmentCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordContainmentCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) =>
      incident.recordContainment(command.actions, command.findings, command.actor, now),
    );
  }
}
