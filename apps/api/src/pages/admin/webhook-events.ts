import {
  AssessmentRecorded,
  AwarenessConfirmed,
  ContainmentRecorded,
  ControllerDeadlineMissed,
  ControllerNotified,
  DataSubjectsNotified,
  DeadlineReminderRaised,
  DecisionRecorded,
  EscalationRaised,
  IcoDeadlineMissed,
  IcoNotified,
  IcoSupplementarySubmitted,
  IncidentAcknowledged,
  IncidentClosed,
  IncidentClosedAsNotBreach,
  IncidentErased,
  IncidentEvent,
  IncidentReopened,
  IncidentReported,
  InformationAdded,
  LessonActionOverdue,
  LessonActionReminderRaised,
  LessonActionUpdated,
  LessonsAcknowledged,
  LessonsCirculated,
  LessonsLearntRecorded,
  NotificationDelivered,
  NotificationFailed,
} from '#libs/incidents';

type EventClass = abstract new (...args: never[]) => IncidentEvent;

/**
 * The incident events a webhook may ask for, in the order of an incident's life, with what each
 * means. A webhook posts the event's type (the class name), so the names come from the classes.
 */
const EVENTS: [EventClass, string][] = [
  [IncidentReported, 'a breach is reported'],
  [InformationAdded, 'the reporter adds information'],
  [IncidentAcknowledged, 'someone takes ownership'],
  [IncidentClosedAsNotBreach, 'closed as not a personal data breach'],
  [AwarenessConfirmed, 'the awareness time is confirmed or moved'],
  [ContainmentRecorded, 'containment and findings recorded'],
  [AssessmentRecorded, 'risk assessment recorded'],
  [DecisionRecorded, 'notification decision recorded'],
  [IcoNotified, 'the ICO is told'],
  [IcoSupplementarySubmitted, 'more is sent to the ICO'],
  [DataSubjectsNotified, 'the people affected are told'],
  [ControllerNotified, 'the controller is told'],
  [LessonsLearntRecorded, 'lessons learnt recorded'],
  [LessonsCirculated, 'lessons learnt circulated'],
  [LessonsAcknowledged, 'someone has read the lessons'],
  [LessonActionUpdated, 'a lessons action is settled'],
  [LessonActionReminderRaised, 'a lessons action is nearly due'],
  [LessonActionOverdue, 'a lessons action is overdue'],
  [IncidentClosed, 'the incident is closed'],
  [IncidentReopened, 'the incident is reopened'],
  [IncidentErased, 'personal details erased after retention'],
  [EscalationRaised, 'escalated up the chain'],
  [DeadlineReminderRaised, 'a reminder before the ICO deadline'],
  [IcoDeadlineMissed, 'the ICO deadline passed'],
  [ControllerDeadlineMissed, "the controller's deadline passed"],
  [NotificationDelivered, 'a message was delivered'],
  [NotificationFailed, 'a message could not be delivered'],
];

/** The checkboxes of the form: the type as the webhook carries it, and what it means. */
export const WEBHOOK_EVENT_OPTIONS: { value: string; text: string }[] = EVENTS.map(([event, meaning]) => ({
  value: event.name,
  text: `${event.name}: ${meaning}`,
}));

export const isWebhookEventType = (type: string): boolean => WEBHOOK_EVENT_OPTIONS.some((o) => o.value === type);
