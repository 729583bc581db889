import { BREACH_TYPES, CAUSES } from '#libs/assessment';
import { icoDeadline, statusOf, type IncidentState } from '#libs/incidents';
import { hoursBetween, icoWithin72h, outcomeOf } from './outcome';
import type { AnonymisedRegisterRow, FullRegisterRow } from './register-row.types';

/**
 * Whitelisting mappers from the incident's state to a register row. Every field is named here,
 * so a field added to the incident later stays out of the register until someone decides it
 * belongs there (and in which view). Never spread the state into a row.
 */

export function toAnonymisedRow(s: IncidentState, now: Date): AnonymisedRegisterRow {
  const latest = s.assessments.at(-1);
  const facts = latest?.facts ?? {};
  const enisa = latest?.recommendation.enisa as { score?: unknown; band?: unknown } | undefined;
  const decision = s.decision;
  const ico = s.icoSubmission;
  const lessons = s.lessons;
  const actions = lessons?.actions ?? [];
  const open = actions.filter((a) => a.status === 'open');
  return {
    reference: s.reference,
    entityId: s.report.entityId,
    status: statusOf(s),
    outcome: outcomeOf(s),
    reportedVia: s.reportedVia,
    occurredAt: s.report.occurredAt,
    discoveredAt: s.report.discoveredAt,
    reportedAt: s.reportedAt,
    awareAt: s.awareAt,
    awareConfirmed: s.awareConfirmed,
    icoDeadlineAt: icoDeadline(s.awareAt),
    processorForControllers: s.report.processorFor.length,
    dataCategories: [...s.report.dataCategories],
    subjectCategories: [...s.report.subjectCategories],
    approxSubjects: s.report.approxSubjects,
    approxRecords: s.report.approxRecords,
    specialCategory: s.report.specialCategory,
    criminalOffence: s.report.criminalOffence,
    // Assessment facts are enumerations (libs/assessment validates them); anything else is dropped.
    breachTypes: Array.isArray(facts.breachTypes) ? facts.breachTypes.filter((t) => isOneOf(BREACH_TYPES, t)) : [],
    cause: isOneOf(CAUSES, facts.cause) ? facts.cause : null,
    recommendedRiskLevel: latest?.recommendation.riskLevel ?? null,
    recommendedNotifyIco: latest?.recommendation.notifyIco ?? null,
    recommendedNotifySubjects: latest?.recommendation.notifySubjects ?? null,
    enisaScore: typeof enisa?.score === 'number' ? enisa.score : null,
    enisaBand: typeof enisa?.band === 'string' ? enisa.band : null,
    assessedRiskLevel: latest?.assessorView.riskLevel ?? null,
    assessedLikelihood: latest?.assessorView.likelihood ?? null,
    assessedSeverity: latest?.assessorView.severity ?? null,
    decidedAt: decision?.at ?? null,
    decisionNotifyIco: decision?.notifyIco ?? null,
    decisionNotifySubjects: decision?.notifySubjects ?? null,
    subjectsExemption: decision?.subjectsExemption ?? null,
    differsFromRecommendation: decision?.differsFromRecommendation ?? null,
    icoSubmittedAt: ico?.submittedAt ?? null,
    icoPhased: ico?.phased ?? null,
    icoWithin72h: icoWithin72h(s),
    hoursAwareToIco: ico ? round2(hoursBetween(s.awareAt, ico.submittedAt)) : null,
    delayReasonsGiven: ico ? Boolean(ico.delayReasons?.trim()) : null,
    icoSupplementarySubmissions: s.icoSupplementary.length,
    subjectsNotifiedCount: s.subjectsNotified.reduce((sum, n) => sum + n.count, 0),
    subjectsFirstNotifiedAt: earliest(s.subjectsNotified.map((n) => n.notifiedAt)),
    controllersNotified: s.controllersNotified.length,
    controllersNotifiedLate: s.controllersNotified.filter((c) => c.late).length,
    rootCause: lessons?.rootCause ?? null,
    lessonActions: actions.length,
    lessonActionsOpen: open.length,
    lessonActionsOverdue: open.filter((a) => Date.parse(a.dueAt) < now.getTime()).length,
    lessonsCirculatedTo: lessons?.circulatedTo.length ?? 0,
    lessonsAcknowledged: lessons?.acknowledgedBy.length ?? 0,
    closedAt: s.closedAt,
    reopenings: s.reopenings.length,
  };
}

/** For `dpo` and `governance` only: the anonymised facts plus who, and every word recorded. */
export function toFullRow(s: IncidentState, now: Date): FullRegisterRow {
  const latest = s.assessments.at(-1);
  const decision = s.decision;
  const remedial = [s.report.containmentSoFar, ...s.containment.map((c) => c.actions)];
  // Object.assign, not a spread: spreading the 51 fields and adding 19 more made V8 build a
  // slow object for every row, five times the cost of the whole anonymised mapping.
  return Object.assign(toAnonymisedRow(s, now), {
    reportedBy: s.reportedBy,
    ownerId: s.ownerId,
    decidedBy: decision?.by ?? null,
    summary: s.report.summary,
    howDiscovered: s.report.howDiscovered,
    effects: joinText(s.containment.map((c) => c.findings)),
    remedialAction: joinText(remedial),
    assessorRationale: latest?.assessorView.rationale ?? null,
    recommendationReasons: [...(latest?.recommendation.reasons ?? [])],
    icoReasons: decision?.icoReasons ?? null,
    subjectsReasons: decision?.subjectsReasons ?? null,
    decisionJustification: decision?.justification ?? null,
    icoReference: s.icoSubmission?.icoReference ?? null,
    delayReasons: s.icoSubmission?.delayReasons ?? null,
    subjectsNotifiedMethods: s.subjectsNotified.map((n) => n.method),
    notBreachReason: s.notBreachReason,
    lessonsNarrative: s.lessons?.narrative ?? null,
    lessonsChanges: s.lessons?.changes ?? null,
    lessonActionDescriptions: (s.lessons?.actions ?? []).map((a) => a.description),
  });
}

/** Several entries of free text in one cell, one per line, empty ones left out. */
function joinText(parts: string[]): string {
  return parts.filter((p) => p.trim()).join('\n');
}

function earliest(isos: string[]): string | null {
  return isos.length ? isos.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) : null;
}

function isOneOf(allowed: readonly string[], value: unknown): value is string {
  return typeof value === 'string' && allowed.includes(value);
}

const round2 = (n: number) => Math.round(n * 100) / 100;
