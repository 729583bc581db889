import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DirectoryService, Role } from '#libs/directory';
import { DomainError } from '#libs/shared';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

/** Chosen people, whole roles ("every colleague") or whole group entities. */
export interface CirculationList {
  personIds: string[];
  roles: Role[];
  entityIds: string[];
}

export class CirculateLessonsCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly to: CirculationList,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(CirculateLessonsCommand)
export class CirculateLessonsHandler implements ICommandHandler<CirculateLessonsCommand, CommandResult> {
  constructor(
    private readonly runner: IncidentCommandRunner,
    private readonly directory: DirectoryService,
  ) {}

  async execute(command: CirculateLessonsCommand): Promise<CommandResult> {
    const recipients = await this.directory.resolveGroups(command.to);
    if (command.to.personIds.some((id) => !recipients.includes(id))) {
      throw new DomainError('unknown_person', 'Someone on the circulation list is not in the directory.', 'rule', {
        field: 'personIds',
      });
    }
    return this.runner.run(command, (incident, now) => incident.circulateLessons(recipients, command.actor, now));
  }
}
