import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class UpdateLessonActionCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly actionId: string,
    readonly status: 'done' | 'accepted',
    readonly reason: string | null,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(UpdateLessonActionCommand)
export class UpdateLessonActionHandler implements ICommandHandler<UpdateLessonActionCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(c: UpdateLessonActionCommand): Promise<CommandResult> {
    return this.runner.run(c, (incident, now) =>
      incident.updateLessonAction(c.actionId, c.status, c.reason, c.actor, now),
    );
  }
}
