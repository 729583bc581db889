import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordIcoSupplementaryCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly submittedAt: string,
    readonly summary: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordIcoSupplementaryCommand)
export class RecordIcoSupplementaryHandler implements ICommandHandler<RecordIcoSupplementaryCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordIcoSupplementaryCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) =>
      incident.recordIcoSupplementary(command.submittedAt, command.summary, command.actor, now),
    );
  }
}
