import { EntityManager } from 'typeorm';
import { IncidentEvent } from '../domain/incident.events';
import { IncidentState, icoDeadline, statusOf } from '../domain/incident-state';

/**
 * The read model is the aggregate's state, flattened into columns for filtering plus the
 * whole state as `detail`. Deriving it from the same appliers keeps live and rebuilt
 * projections equal by construction.
 *
 * `projectionUpsert(n)` is the statement with its 17 parameters numbered from `$n`, so that the
 * live append can run it inside its single statement (see IncidentRepository.append) and the
 * rebuild on its own; `projectionValues` are its parameters, in order.
 */
export function projectionUpsert(first: number): string {
  const values = Array.from({ length: 17 }, (_, i) => `$${first + i}`).join(',');
  return `INSERT INTO incidents (id, reference, version, status, entity_id, reported_by, reporter_partner_id, owner_id,
        reported_at, discovered_at, aware_at, aware_confirmed, ico_deadline_at, special_category, criminal_offence,
        updated_at, detail)
     VALUES (${values})
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, owner_id = EXCLUDED.owner_id,
        aware_at = EXCLUDED.aware_at, aware_confirmed = EXCLUDED.aware_confirmed, ico_deadline_at = EXCLUDED.ico_deadline_at,
        updated_at = EXCLUDED.updated_at, detail = EXCLUDED.detail`;
}

export function projectionValues(state: IncidentState, version: number): unknown[] {
  return [
    state.id,
    state.reference,
    version,
    statusOf(state),
    state.report.entityId,
    state.reportedBy,
    state.partnerId,
    state.ownerId,
    state.reportedAt,
    state.report.discoveredAt,
    state.awareAt,
    state.awareConfirmed,
    icoDeadline(state.awareAt),
    state.report.specialCategory,
    state.report.criminalOffence,
    state.updatedAt,
    state,
  ];
}

export async function writeProjection(tx: EntityManager, state: IncidentState, version: number): Promise<void> {
  await tx.query(projectionUpsert(1), projectionValues(state, version));
}

export async function writeTimelineEntry(
  tx: EntityManager,
  eventId: string,
  version: number,
  event: IncidentEvent,
): Promise<void> {
  await tx.query(
    `INSERT INTO incident_timeline (event_id, incident_id, version, type, actor_id, at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [eventId, event.incidentId, version, event.type, event.meta.actorId, event.meta.at, summarise(event)],
  );
}

/** Many timeline rows in one statement (the projection rebuild). */
export async function writeTimelineEntries(
  tx: EntityManager,
  entries: { id: string; version: number; event: IncidentEvent }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO incident_timeline (event_id, incident_id, version, type, actor_id, at, summary)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])`,
    [
      entries.map((e) => e.id),
      entries.map((e) => e.event.incidentId),
      entries.map((e) => e.version),
      entries.map((e) => e.event.type),
      entries.map((e) => e.event.meta.actorId),
      entries.map((e) => e.event.meta.at),
      entries.map((e) => summarise(e.event)),
    ],
  );
}

/** One line per event for the timeline. Never free text: it is shown beside the facts. */
export function summarise(event: IncidentEvent): string {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'IncidentReported':
      return `Reported as ${String(d.reference)} by a ${String(d.reportedVia)}`;
    case 'InformationAdded':
      return 'More information added';
    case 'IncidentAcknowledged':
      return 'Acknowledged; ownership taken';
    case 'IncidentClosedAsNotBreach':
      return 'Closed as not a personal data breach';
    case 'AwarenessConfirmed':
      return `Awareness time set to ${String(d.awareAt)} (was ${String(d.previousAwareAt)}); the ICO deadline moves with it`;
    case 'ContainmentRecorded':
      return 'Containment and findings recorded';
    case 'AssessmentRecorded':
      return 'Risk assessment recorded';
    case 'DecisionRecorded':
      return `Decision: ${d.notifyIco ? 'notify' : 'do not notify'} the ICO; ${d.notifySubjects ? 'tell' : 'do not tell'} the data subjects${d.differsFromRecommendation ? ' (differs from the recommendation, justified)' : ''}`;
    case 'IcoNotified':
      return `ICO notified (reference ${String(d.icoReference)})${d.late ? ', after the deadline' : ''}`;
    case 'IcoSupplementarySubmitted':
      return 'Supplementary information sent to the ICO';
    case 'DataSubjectsNotified':
      return `Data subjects told (${String(d.count)}, by ${String(d.method)})`;
    case 'ControllerNotified':
      return `Controller told${d.late ? ', after the contractual deadline' : ''}`;
    case 'LessonsLearntRecorded':
      return `Lessons learnt recorded (${(d.actions as unknown[]).length} actions)`;
    case 'LessonsCirculated':
      return `Lessons learnt circulated to ${(d.recipientIds as unknown[]).length} people`;
    case 'LessonsAcknowledged':
      return 'Lessons learnt acknowledged as read';
    case 'LessonActionUpdated':
      return d.status === 'done'
        ? 'A lessons-learnt action was done'
        : 'A lessons-learnt action was accepted, with a reason';
    case 'LessonActionReminderRaised':
      return 'Reminder: a lessons-learnt action is due soon';
    case 'LessonActionOverdue':
      return 'A lessons-learnt action is overdue';
    case 'IncidentClosed':
      return 'Closed';
    case 'IncidentReopened':
      return 'Reopened';
    case 'IncidentErased':
      return `Personal details erased after the ${String(d.retentionMonths)}-month retention period`;
    case 'EscalationRaised':
      return `Escalated to ${d.to === 'emt' ? 'the EMT member on duty' : 'the Head of Governance'} (${String(d.timer)})`;
    case 'DeadlineReminderRaised':
      return `Reminder: ${String(d.hoursBefore)} hours to the ICO deadline`;
    case 'IcoDeadlineMissed':
      return 'The 72-hour ICO deadline passed without the ICO obligation being met';
    case 'NotificationDelivered':
      return `Message delivered (${String(d.kind)})`;
    case 'NotificationFailed':
      return `Message could not be delivered (${String(d.kind)}: ${String(d.reason)})`;
    case 'ControllerDeadlineMissed':
      return 'The contractual deadline to tell the controller passed';
    default:
      return event.type;
  }
}
