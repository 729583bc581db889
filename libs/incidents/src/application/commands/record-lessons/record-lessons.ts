import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DirectoryService } from '#libs/directory';
import { DomainError } from '#libs/shared';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export interface LessonsInput {
  rootCause: string;
  narrative: string;
  changes: string;
  actions: { description: string; ownerId: string; dueAt: string }[];
}

export class RecordLessonsCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly lessons: LessonsInput,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordLessonsCommand)
export class RecordLessonsHandler implements ICommandHandler<RecordLessonsCommand, CommandResult> {
  constructor(
    private readonly runner: IncidentCommandRunner,
    private readonly directory: DirectoryService,
  ) {}

  async execute(command: RecordLessonsCommand): Promise<CommandResult> {
    for (const action of command.lessons.actions) {
      if (!(await this.directory.findPerson(action.ownerId))) {
        throw new DomainError('unknown_owner', 'An action owner is not in the directory.', 'rule', {
          field: 'actions.ownerId',
        });
      }
    }
    const actions = command.lessons.actions.map((a) => ({ id: randomUUID(), ...a }));
    return this.runner.run(command, (incident, now) =>
      incident.recordLessons({ ...command.lessons, actions }, command.actor, now),
    );
  }
}
