import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Actor, DecisionFacts } from '../../../domain/incident.types';
import { CommandResult, IncidentCommand, IncidentCommandRunner } from '../../incident-command-runner';

export class RecordDecisionCommand extends IncidentCommand {
  constructor(
    incidentId: string,
    actor: Actor,
    expectedVersion: number | undefined,
    readonly decision: DecisionFacts,
  ) {
    super(incidentId, actor, expectedVersion);
  }
}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, CommandResult> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute(command: RecordDecisionCommand): Promise<CommandResult> {
    return this.runner.run(command, (incident, now) => incident.recordDecision(command.decision, command.actor, now));
  }
}
