import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordControllerNotifiedCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly notice: { controllerId: string; notifiedAt: string; method: string },
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordControllerNotifiedCommand)
export class RecordControllerNotifiedHandler implements ICommandHandler<
  RecordControllerNotifiedCommand,
  CommandResult
> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordControllerNotifiedCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) =>
      incident.recordControllerNotified(command.notice, command.actor, now),
    );
  }
}
