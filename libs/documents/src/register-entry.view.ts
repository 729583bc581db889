import type { IncidentState } from '#libs/incidents';
import type { DocumentContext } from './document-context';
import { DocumentErrors } from './documents.errors';
import { EXEMPTION_LABELS, RISK_LABELS, causeLabel, icoDataCategory, subjectCategory, yesNo } from './labels';
import {
  NOT_ASSESSED,
  assessedCause,
  awarenessText,
  containmentMeasures,
  controllerName,
  countOrNotKnown,
  effects,
  enisaText,
  latestAssessment,
  london,
  londonOrNotKnown,
} from './view-common';

/**
 * Art. 33(5): the record of a breach not reported to the ICO: the facts, the effects and the
 * remedial action, with the reasons, so the ICO can later verify the decision.
 */
export interface RegisterEntryView {
  reference: string;
  draft: boolean;
  status: string;
  generatedAt: string;
  entityName: string;
  processorFor: string[];
  occurredAt: string;
  discoveredAt: string;
  awareAt: string;
  notNotifiedAt: string;
  summary: string;
  howDiscovered: string;
  cause: string;
  dataCategories: string[];
  specialCategory: string;
  criminalOffence: string;
  approxRecords: string;
  subjectCategories: string[];
  approxSubjects: string;
  riskLevel: string;
  likelihood: string;
  severity: string;
  rationale: string;
  reasons: string[];
  remedialAction: string[];
  decidedAt: string;
  icoDecision: string;
  icoReasons: string;
  subjectsDecision: string;
  subjectsReasons: string;
  justification: string;
  recommendedRisk: string;
  recommendedIco: string;
  recommendedSubjects: string;
  enisaScore: string;
  notBreachReason: string;
}

const NO_DECISION = 'No decision recorded';

export function registerEntryView(s: IncidentState, ctx: DocumentContext): RegisterEntryView {
  if (s.icoSubmission) throw DocumentErrors.reportedToIco();
  const latest = latestAssessment(s);
  const decision = s.decision;
  const cause = assessedCause(s);
  return {
    reference: s.reference,
    ...status(s),
    generatedAt: london(ctx.now.toISOString()),
    entityName: ctx.entityName,
    processorFor: s.report.processorFor.map((c) => controllerName(s, ctx, c.controllerId)),
    occurredAt: londonOrNotKnown(s.report.occurredAt),
    discoveredAt: london(s.report.discoveredAt),
    awareAt: awarenessText(s),
    notNotifiedAt: notNotifiedAt(s),
    summary: s.report.summary,
    howDiscovered: s.report.howDiscovered,
    cause: cause ? causeLabel(cause) : NOT_ASSESSED,
    dataCategories: s.report.dataCategories.map(icoDataCategory),
    specialCategory: yesNo(s.report.specialCategory),
    criminalOffence: yesNo(s.report.criminalOffence),
    approxRecords: countOrNotKnown(s.report.approxRecords),
    subjectCategories: s.report.subjectCategories.map(subjectCategory),
    approxSubjects: countOrNotKnown(s.report.approxSubjects),
    ...effects(s),
    reasons: [...(latest?.recommendation.reasons ?? [])],
    remedialAction: remedialAction(s),
    decidedAt: decision ? london(decision.at) : NO_DECISION,
    icoDecision: decision ? (decision.notifyIco ? 'Notify the ICO' : 'Do not notify the ICO') : NO_DECISION,
    icoReasons: decision?.icoReasons ?? NO_DECISION,
    subjectsDecision: decision ? subjectsDecision(decision) : NO_DECISION,
    subjectsReasons: decision?.subjectsReasons ?? NO_DECISION,
    justification: decision?.differsFromRecommendation
      ? (decision.justification ?? 'None recorded')
      : 'Not applicable: the decision followed the recommendation',
    recommendedRisk: latest ? RISK_LABELS[latest.recommendation.riskLevel] : NOT_ASSESSED,
    recommendedIco: latest ? yesNo(latest.recommendation.notifyIco) : NOT_ASSESSED,
    recommendedSubjects: latest ? yesNo(latest.recommendation.notifySubjects) : NOT_ASSESSED,
    enisaScore: latest ? enisaText(latest.recommendation) : NOT_ASSESSED,
    notBreachReason: s.notBreachReason ?? 'Not applicable',
  };
}

function status(s: IncidentState): { status: string; draft: boolean } {
  if (s.notBreachReason) return { status: 'Closed: not a personal data breach', draft: false };
  if (s.decision && !s.decision.notifyIco) return { status: 'Not reported to the ICO', draft: false };
  if (s.decision) return { status: 'DRAFT — the decision is to report this breach to the ICO', draft: true };
  return { status: 'DRAFT — no notification decision has been recorded', draft: true };
}

/** The fourth time: when it was settled that the ICO would not be told. */
function notNotifiedAt(s: IncidentState): string {
  if (s.notBreachReason && s.closedAt) return `${london(s.closedAt)} (closed as not a breach)`;
  if (s.decision && !s.decision.notifyIco) return `${london(s.decision.at)} (decision not to notify)`;
  return NO_DECISION;
}

function subjectsDecision(decision: NonNullable<IncidentState['decision']>): string {
  if (decision.notifySubjects) return 'Tell the people affected';
  const exemption = decision.subjectsExemption ? `, relying on ${EXEMPTION_LABELS[decision.subjectsExemption]}` : '';
  return `Do not tell the people affected${exemption}`;
}

function remedialAction(s: IncidentState): string[] {
  const actions = containmentMeasures(s);
  for (const n of s.subjectsNotified) {
    actions.push(`${london(n.notifiedAt)}: told ${n.count.toLocaleString('en-GB')} people by ${n.method}`);
  }
  if (s.lessons) {
    actions.push(`Root cause: ${s.lessons.rootCause}`);
    if (s.lessons.changes.trim()) actions.push(`Changes to prevent a recurrence: ${s.lessons.changes}`);
    for (const a of s.lessons.actions) actions.push(`Action due ${london(a.dueAt)}: ${a.description}`);
  }
  return actions.length ? actions : ['None recorded'];
}
