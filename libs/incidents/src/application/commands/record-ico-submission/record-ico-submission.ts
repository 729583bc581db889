import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordIcoSubmissionCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly submission: { submittedAt: string; icoReference: string; phased: boolean; delayReasons: string | null },
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordIcoSubmissionCommand)
export class RecordIcoSubmissionHandler implements ICommandHandler<RecordIcoSubmissionCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordIcoSubmissionCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) =>
      incident.recordIcoSubmission(command.submission, command.actor, now),
    );
  }
}
