import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class AddInformationCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly note: string,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(AddInformationCommand)
export class AddInformationHandler implements ICommandHandler<AddInformationCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: AddInformationCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) => incident.addInformation(command.note, command.actor, now));
  }
}
