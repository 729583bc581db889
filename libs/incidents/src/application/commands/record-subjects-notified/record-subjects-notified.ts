import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordSubjectsNotifiedCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly notice: { notifiedAt: string; method: string; count: number },
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordSubjectsNotifiedCommand)
export class RecordSubjectsNotifiedHandler implements ICommandHandler<RecordSubjectsNotifiedCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordSubjectsNotifiedCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) =>
      incident.recordSubjectsNotified(command.notice, command.actor, now),
    );
  }
}
