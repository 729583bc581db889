import type {
  AssessorView,
  DecisionFacts,
  IncidentStatus,
  ActionState,
  Recommendation,
  ReportFacts,
} from './incident.types';

const HOUR_MS = 3_600_000;
/** Art. 33(1): 72 hours after becoming aware, in absolute time (a clock change does not move it). */
export const ICO_DEADLINE_HOURS = 72;

interface Stamp {
  at: string;
  by: string;
}

/** Everything the rules need, rebuilt from the events alone. */
export interface IncidentState {
  id: string;
  reference: string;
  reportedAt: string;
  reportedBy: string;
  reportedVia: 'colleague' | 'partner';
  partnerId: string | null;
  policyVersion: number;
  report: ReportFacts;
  awareAt: string;
  awareConfirmed: boolean;
  ownerId: string | null;
  information: (Stamp & { note: string })[];
  awarenessHistory: (Stamp & { awareAt: string; previousAwareAt: string; justification: string })[];
  containment: (Stamp & { actions: string; findings: string })[];
  assessments: (Stamp & {
    facts: Record<string, unknown>;
    recommendation: Recommendation;
    assessorView: AssessorView;
  })[];
  decision: (Stamp & DecisionFacts & { differsFromRecommendation: boolean }) | null;
  icoSubmission:
    | (Stamp & {
        submittedAt: string;
        icoReference: string;
        phased: boolean;
        late: boolean;
        delayReasons: string | null;
      })
    | null;
  icoSupplementary: (Stamp & { submittedAt: string; summary: string })[];
  subjectsNotified: (Stamp & { notifiedAt: string; method: string; count: number })[];
  controllersNotified: (Stamp & { controllerId: string; notifiedAt: string; method: string; late: boolean })[];
  lessons:
    | (Stamp & {
        rootCause: string;
        narrative: string;
        changes: string;
        actions: ActionState[];
        /** Policy §6.9: who the lessons were circulated to, and who has acknowledged reading them. */
        circulatedTo: string[];
        acknowledgedBy: { personId: string; at: string }[];
      })
    | null;
  notBreachReason: string | null;
  closedAt: string | null;
  reopenings: (Stamp & { reason: string })[];
  erasedAt: string | null;
  /** Clock events already raised, as `timer@awareAt`, so a timer that fires twice acts once. */
  timersFired: string[];
  /** Who the escalation chain has reached beyond the DPO (an escalated EMT member may decide). */
  escalatedTo: ('governance' | 'emt')[];
  notifications: {
    sendId: string;
    kind: string;
    recipientId: string;
    at: string;
    delivered: boolean;
    reason: string | null;
  }[];
  updatedAt: string;
}

export function icoDeadline(awareAt: string): string {
  return new Date(new Date(awareAt).getTime() + ICO_DEADLINE_HOURS * HOUR_MS).toISOString();
}

export function controllerDeadline(awareAt: string, hours: number): string {
  return new Date(new Date(awareAt).getTime() + hours * HOUR_MS).toISOString();
}

export function statusOf(s: IncidentState): IncidentStatus {
  if (s.closedAt) return s.notBreachReason ? 'closed-not-breach' : 'closed';
  if (s.decision) return 'decided';
  if (s.assessments.length) return 'assessed';
  if (s.ownerId && s.containment.length) return 'investigating';
  if (s.ownerId) return 'acknowledged';
  return 'reported';
}

/** What the decision still requires before the incident may close, in words a DPO reads. */
export function outstandingObligations(s: IncidentState): string[] {
  const missing: string[] = [];
  if (!s.decision) return ['no notification decision has been recorded'];
  if (s.decision.notifyIco && !s.icoSubmission) missing.push('the ICO has not been notified');
  if (s.decision.notifySubjects && s.subjectsNotified.length === 0)
    missing.push('the data subjects have not been told');
  for (const contract of s.report.processorFor) {
    if (!s.controllersNotified.some((c) => c.controllerId === contract.controllerId)) {
      missing.push(`the controller ${contract.name} has not been told`);
    }
  }
  if (!s.lessons) missing.push('lessons learnt have not been recorded');
  const openActions = s.lessons?.actions.filter((a) => a.status === 'open').length ?? 0;
  if (openActions) missing.push(`${openActions} lessons-learnt action(s) are neither done nor accepted with a reason`);
  return missing;
}
