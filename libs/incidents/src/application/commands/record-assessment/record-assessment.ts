import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assess, parseFacts } from '#libs/assessment';
import { DomainError } from '#libs/shared';
import type { Actor, AssessorView, Recommendation } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordAssessmentCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly facts: unknown,
    readonly assessorView: AssessorView,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

/** Records the facts, the system's recommendation and the assessor's own view side by side. */
@CommandHandler(RecordAssessmentCommand)
export class RecordAssessmentHandler implements ICommandHandler<RecordAssessmentCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordAssessmentCommand): Promise<CommandResult> {
    const parsed = parseFacts(command.facts);
    if (!parsed.ok) {
      throw new DomainError('invalid_facts', 'The breach facts are not valid.', 'rule', { errors: parsed.errors });
    }
    const recommendation = assess(parsed.facts) as unknown as Recommendation;
    return this.runner.run(command, (incident, now) =>
      incident.recordAssessment({ ...parsed.facts }, recommendation, command.assessorView, command.actor, now),
    );
  }
}
