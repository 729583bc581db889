import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/shared';
import type { Actor } from '../../../domain/incident.types';
import { IncidentSystemWriter } from '../../incident-system-writer';

export class AcknowledgeLessonsCommand {
  constructor(
    readonly incidentId: string,
    readonly actor: Actor,
  ) {}
}

/**
 * A recipient of a lessons circular confirms reading it. Recipients need not be able to see
 * the incident itself, so this does not go through the incident's read access check: the
 * aggregate refuses anyone the lessons were not sent to.
 */
@CommandHandler(AcknowledgeLessonsCommand)
export class AcknowledgeLessonsHandler implements ICommandHandler<AcknowledgeLessonsCommand, { acknowledged: true }> {
  constructor(private readonly writer: IncidentSystemWriter) {}

  async execute({ incidentId, actor }: AcknowledgeLessonsCommand): Promise<{ acknowledged: true }> {
    // `act` throws for anyone the lessons were not sent to: nothing is written then.
    const exists = await this.writer.record(incidentId, (current, now) => {
      const before = current.getUncommittedEvents().length;
      current.acknowledgeLessons(actor, now);
      return current.getUncommittedEvents().length > before;
    });
    if (!exists && !(await this.writer.peek(incidentId))) throw new NotFoundError('lessons');
    return { acknowledged: true };
  }
}
