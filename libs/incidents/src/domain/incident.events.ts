import type { IEvent } from '@nestjs/cqrs';
import type { AssessorView, DecisionFacts, LessonAction, Recommendation, ReportFacts } from './incident.types';
import type { Role } from '#libs/directory';

/** When and by whom: stamped by the intent method from the injected clock, never by an applier. */
export interface EventMeta {
  at: string;
  actorId: string;
  actorRoles: Role[];
}

/** Every incident event: a past-tense fact with plain, JSON-safe data. */
export abstract class IncidentEvent<D = unknown> implements IEvent {
  constructor(
    readonly incidentId: string,
    readonly meta: EventMeta,
    readonly data: D,
  ) {}

  get type(): string {
    return this.constructor.name;
  }
}

export class IncidentReported extends IncidentEvent<{
  reference: string;
  report: ReportFacts;
  reportedVia: 'colleague' | 'partner';
  partnerId: string | null;
  /** The escalation policy in force when it was reported; the incident keeps it. */
  policyVersion: number;
}> {}
export class InformationAdded extends IncidentEvent<{ note: string }> {}
export class IncidentAcknowledged extends IncidentEvent<{ ownerId: string }> {}
export class IncidentClosedAsNotBreach extends IncidentEvent<{ reason: string }> {}
export class AwarenessConfirmed extends IncidentEvent<{
  awareAt: string;
  previousAwareAt: string;
  justification: string;
}> {}
export class ContainmentRecorded extends IncidentEvent<{ actions: string; findings: string }> {}
export class AssessmentRecorded extends IncidentEvent<{
  facts: Record<string, unknown>;
  recommendation: Recommendation;
  assessorView: AssessorView;
}> {}
export class DecisionRecorded extends IncidentEvent<DecisionFacts & { differsFromRecommendation: boolean }> {}
export class IcoNotified extends IncidentEvent<{
  submittedAt: string;
  icoReference: string;
  phased: boolean;
  late: boolean;
  delayReasons: string | null;
}> {}
export class IcoSupplementarySubmitted extends IncidentEvent<{ submittedAt: string; summary: string }> {}
export class DataSubjectsNotified extends IncidentEvent<{ notifiedAt: string; method: string; count: number }> {}
export class ControllerNotified extends IncidentEvent<{
  controllerId: string;
  notifiedAt: string;
  method: string;
  late: boolean;
}> {}
export class LessonsLearntRecorded extends IncidentEvent<{
  rootCause: string;
  narrative: string;
  changes: string;
  actions: LessonAction[];
}> {}
export class LessonsCirculated extends IncidentEvent<{ recipientIds: string[] }> {}
export class LessonsAcknowledged extends IncidentEvent<Record<string, never>> {}
export class LessonActionUpdated extends IncidentEvent<{
  actionId: string;
  status: 'done' | 'accepted';
  reason: string | null;
}> {}
export class IncidentClosed extends IncidentEvent<{ summary: string }> {}
export class IncidentReopened extends IncidentEvent<{ reason: string }> {}
/** The retention period has passed: the incident's personal details were erased (§8). */
export class IncidentErased extends IncidentEvent<{ retentionMonths: number }> {}

/** Raised by the clock: `timer` names the policy step, `dueAt` when it fell due. */
export interface TimerData {
  timer: string;
  awareAt: string;
  dueAt: string;
}
export class EscalationRaised extends IncidentEvent<TimerData & { to: 'governance' | 'emt' }> {}
export class DeadlineReminderRaised extends IncidentEvent<TimerData & { hoursBefore: number }> {}
export class IcoDeadlineMissed extends IncidentEvent<TimerData> {}
export class ControllerDeadlineMissed extends IncidentEvent<TimerData & { controllerId: string }> {}
export class LessonActionReminderRaised extends IncidentEvent<TimerData & { actionId: string }> {}
export class LessonActionOverdue extends IncidentEvent<TimerData & { actionId: string }> {}

/** Who was told what about the incident: person ids and the kind of message, never addresses. */
export interface NotificationData {
  sendId: string;
  kind: string;
  recipientId: string;
}
export class NotificationDelivered extends IncidentEvent<NotificationData> {}
export class NotificationFailed extends IncidentEvent<NotificationData & { reason: string }> {}

type EventClass = new (incidentId: string, meta: EventMeta, data: never) => IncidentEvent;

const EVENT_CLASSES: EventClass[] = [
  IncidentReported,
  InformationAdded,
  IncidentAcknowledged,
  IncidentClosedAsNotBreach,
  AwarenessConfirmed,
  ContainmentRecorded,
  AssessmentRecorded,
  DecisionRecorded,
  IcoNotified,
  IcoSupplementarySubmitted,
  DataSubjectsNotified,
  ControllerNotified,
  LessonsLearntRecorded,
  LessonsCirculated,
  LessonsAcknowledged,
  LessonActionUpdated,
  LessonActionReminderRaised,
  LessonActionOverdue,
  IncidentClosed,
  IncidentReopened,
  IncidentErased,
  EscalationRaised,
  DeadlineReminderRaised,
  IcoDeadlineMissed,
  ControllerDeadlineMissed,
  NotificationDelivered,
  NotificationFailed,
];

const byType = new Map(EVENT_CLASSES.map((c) => [c.name, c]));

/** Rebuilds an event read from the store; an unknown type is a bug, not data to skip. */
export function rehydrateEvent(
  incidentId: string,
  type: string,
  payload: { meta: EventMeta; data: unknown },
): IncidentEvent {
  const EventType = byType.get(type);
  if (!EventType) throw new Error(`Unknown incident event type ${type}`);
  return new EventType(incidentId, payload.meta, payload.data as never);
}
