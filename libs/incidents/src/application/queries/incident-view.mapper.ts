import type { Actor } from '../../domain/incident.types';
import { IncidentState, icoDeadline, outstandingObligations, statusOf } from '../../domain/incident-state';
import { canReadSpecialCategoryText } from '../incident-access';

export const RESTRICTED = '[restricted: special category or criminal-offence data]';
const STAFF = new Set(['dpo', 'governance', 'emt', 'auditor']);

/**
 * Whitelists what each reader sees. Reporters (colleagues, partners) see their report and
 * its progress; the breach team sees everything, except that Art. 9/10 free text is shown
 * to the DPO and the Head of Governance only.
 */
export function toIncidentView(s: IncidentState, version: number, actor: Actor) {
  const restricted = (s.report.specialCategory || s.report.criminalOffence) && !canReadSpecialCategoryText(actor);
  const text = (value: string) => (restricted ? RESTRICTED : value);
  const base = {
    id: s.id,
    reference: s.reference,
    version,
    status: statusOf(s),
    entityId: s.report.entityId,
    reportedAt: s.reportedAt,
    reportedVia: s.reportedVia,
    times: {
      occurredAt: s.report.occurredAt,
      discoveredAt: s.report.discoveredAt,
      awareAt: s.awareAt,
      awareConfirmed: s.awareConfirmed,
      icoDeadlineAt: icoDeadline(s.awareAt),
      icoNotifiedAt: s.icoSubmission?.submittedAt ?? null,
    },
    report: {
      summary: text(s.report.summary),
      howDiscovered: text(s.report.howDiscovered),
      containmentSoFar: text(s.report.containmentSoFar),
      dataCategories: s.report.dataCategories,
      subjectCategories: s.report.subjectCategories,
      approxSubjects: s.report.approxSubjects,
      approxRecords: s.report.approxRecords,
      specialCategory: s.report.specialCategory,
      criminalOffence: s.report.criminalOffence,
      processorFor: s.report.processorFor,
    },
    information: s.information.map((i) => ({ at: i.at, by: i.by, note: text(i.note) })),
    closedAt: s.closedAt,
  };
  if (!actor.roles.some((r) => STAFF.has(r))) return base;
  return {
    ...base,
    reportedBy: s.reportedBy,
    partnerId: s.partnerId,
    ownerId: s.ownerId,
    policyVersion: s.policyVersion ?? 1,
    escalatedTo: s.escalatedTo ?? [],
    notifications: s.notifications ?? [],
    awarenessHistory: s.awarenessHistory,
    containment: s.containment.map((c) => ({ ...c, actions: text(c.actions), findings: text(c.findings) })),
    assessments: s.assessments,
    decision: s.decision,
    icoSubmission: s.icoSubmission,
    icoSupplementary: s.icoSupplementary,
    subjectsNotified: s.subjectsNotified,
    controllersNotified: s.controllersNotified,
    lessons: s.lessons,
    notBreachReason: s.notBreachReason,
    reopenings: s.reopenings,
    outstandingObligations: s.closedAt ? [] : outstandingObligations(s),
  };
}

export type IncidentView = ReturnType<typeof toIncidentView>;
