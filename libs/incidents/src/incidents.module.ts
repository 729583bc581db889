import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DirectoryModule } from '#libs/directory';
import { Clock, SystemClock } from '#libs/shared';
import { AcknowledgeLessonsHandler } from './application/commands/acknowledge-lessons/acknowledge-lessons';
import { CirculateLessonsHandler } from './application/commands/circulate-lessons/circulate-lessons';
import { UpdateLessonActionHandler } from './application/commands/update-lesson-action/update-lesson-action';
import { MyLessonsHandler } from './application/queries/my-lessons.query';
import { AcknowledgeIncidentHandler } from './application/commands/acknowledge-incident/acknowledge-incident';
import { AddInformationHandler } from './application/commands/add-information/add-information';
import { CloseAsNotBreachHandler } from './application/commands/close-as-not-breach/close-as-not-breach';
import { CloseIncidentHandler } from './application/commands/close-incident/close-incident';
import { ConfirmAwarenessHandler } from './application/commands/confirm-awareness/confirm-awareness';
import { RecordAssessmentHandler } from './application/commands/record-assessment/record-assessment';
import { RecordContainmentHandler } from './application/commands/record-containment/record-containment';
import { RecordControllerNotifiedHandler } from './application/commands/record-controller-notified/record-controller-notified';
import { RecordDecisionHandler } from './application/commands/record-decision/record-decision';
import { RecordIcoSubmissionHandler } from './application/commands/record-ico-submission/record-ico-submission';
import { RecordIcoSupplementaryHandler } from './application/commands/record-ico-supplementary/record-ico-supplementary';
import { RecordLessonsHandler } from './application/commands/record-lessons/record-lessons';
import { RecordSubjectsNotifiedHandler } from './application/commands/record-subjects-notified/record-subjects-notified';
import { ReopenIncidentHandler } from './application/commands/reopen-incident/reopen-incident';
import { ReportIncidentHandler } from './application/commands/report-incident/report-incident';
import { IncidentCommandRunner } from './application/incident-command-runner';
import { IncidentSystemWriter } from './application/incident-system-writer';
import { RetentionSweeper } from './application/retention-sweeper';
import { GetIncidentHandler } from './application/queries/get-incident.query';
import { GetTimelineHandler } from './application/queries/get-timeline.query';
import { ListIncidentsHandler } from './application/queries/list-incidents.query';
import { IncidentRepository } from './infrastructure/incident.repository';

const commandHandlers = [
  ReportIncidentHandler,
  AddInformationHandler,
  AcknowledgeIncidentHandler,
  CloseAsNotBreachHandler,
  ConfirmAwarenessHandler,
  RecordContainmentHandler,
  RecordAssessmentHandler,
  RecordDecisionHandler,
  RecordIcoSubmissionHandler,
  RecordIcoSupplementaryHandler,
  RecordSubjectsNotifiedHandler,
  RecordControllerNotifiedHandler,
  RecordLessonsHandler,
  CirculateLessonsHandler,
  AcknowledgeLessonsHandler,
  UpdateLessonActionHandler,
  CloseIncidentHandler,
  ReopenIncidentHandler,
];
const queryHandlers = [ListIncidentsHandler, GetIncidentHandler, GetTimelineHandler, MyLessonsHandler];

@Module({
  imports: [CqrsModule, DirectoryModule],
  providers: [
    { provide: Clock, useClass: SystemClock },
    IncidentRepository,
    IncidentCommandRunner,
    IncidentSystemWriter,
    RetentionSweeper,
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [CqrsModule, IncidentRepository, IncidentSystemWriter, RetentionSweeper, Clock],
})
export class IncidentsModule {}
