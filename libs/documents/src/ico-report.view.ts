import { icoDeadline, type IncidentState } from '#libs/incidents';
import type { DocumentContext } from './document-context';
import { EXEMPTION_LABELS, causeLabel, cyberIncident, icoDataCategory, subjectCategory, yesNo } from './labels';
import {
  assessedCause,
  awarenessText,
  containmentMeasures,
  controllerName,
  countOrNotKnown,
  effects,
  latestAssessment,
  london,
  londonOrNotKnown,
} from './view-common';

export const DELAY_PLACEHOLDER = 'The deadline has passed: reasons for the delay must be given';

/** Every field the ICO report templates read, already formatted; in the order of the ICO form. */
export interface IcoReportView {
  reference: string;
  draft: boolean;
  submittedAt: string | null;
  awareAt: string;
  icoDeadline: string;
  generatedAt: string;
  reportType: string;
  icoCaseReference: string | null;
  followUps: string[];
  controller: string;
  processorFor: string[];
  whatHappened: string;
  cyberIncident: string;
  cyberBasis: string;
  howDiscovered: string;
  discoveredAt: string;
  occurredAt: string;
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
  measures: string[];
  subjectsTold: string;
  subjectsDetails: string[];
  dpo: DocumentContext['dpo'];
  otherOrganisations: string[];
  delay: string;
}

export function icoReportView(s: IncidentState, ctx: DocumentContext): IcoReportView {
  const submission = s.icoSubmission;
  const cause = assessedCause(s);
  return {
    reference: s.reference,
    draft: submission === null,
    submittedAt: submission ? london(submission.submittedAt) : null,
    awareAt: awarenessText(s),
    icoDeadline: london(icoDeadline(s.awareAt)),
    generatedAt: london(ctx.now.toISOString()),
    // Art. 33(4): once the ICO has a case, further information is a follow-up to it.
    reportType: submission ? 'Follow-up report' : 'Initial report',
    icoCaseReference: submission?.icoReference ?? null,
    followUps: s.icoSupplementary.map((f) => `${london(f.submittedAt)}: ${f.summary}`),
    controller: ctx.entityName,
    processorFor: s.report.processorFor.map((c) => controllerName(s, ctx, c.controllerId)),
    whatHappened: s.report.summary,
    cyberIncident: cyberIncident(cause),
    cyberBasis: cause ? `From the assessed cause: ${causeLabel(cause)}.` : 'No assessment has been recorded yet.',
    howDiscovered: s.report.howDiscovered,
    discoveredAt: london(s.report.discoveredAt),
    occurredAt: londonOrNotKnown(s.report.occurredAt),
    dataCategories: s.report.dataCategories.map(icoDataCategory),
    specialCategory: yesNo(s.report.specialCategory),
    criminalOffence: yesNo(s.report.criminalOffence),
    approxRecords: countOrNotKnown(s.report.approxRecords),
    subjectCategories: s.report.subjectCategories.map(subjectCategory),
    approxSubjects: countOrNotKnown(s.report.approxSubjects),
    ...effects(s),
    reasons: [...(latestAssessment(s)?.recommendation.reasons ?? [])],
    measures: measures(s),
    ...subjectsTold(s),
    dpo: { ...ctx.dpo },
    otherOrganisations: otherOrganisations(s, ctx),
    delay: delay(s, ctx.now),
  };
}

function measures(s: IncidentState): string[] {
  const taken = containmentMeasures(s);
  const changes = s.lessons?.changes.trim();
  if (changes) taken.push(`Changes to prevent a recurrence: ${changes}`);
  return taken.length ? taken : ['None recorded yet'];
}

function subjectsTold(s: IncidentState): { subjectsTold: string; subjectsDetails: string[] } {
  const decision = s.decision;
  const told = s.subjectsNotified.map(
    (n) => `Told ${n.count.toLocaleString('en-GB')} people on ${london(n.notifiedAt)} by ${n.method}`,
  );
  if (!decision) return { subjectsTold: 'Not yet decided', subjectsDetails: [] };
  if (!decision.notifySubjects) {
    const exemption = decision.subjectsExemption ? [EXEMPTION_LABELS[decision.subjectsExemption]] : [];
    return { subjectsTold: 'No: decided not to tell them', subjectsDetails: [...exemption, decision.subjectsReasons] };
  }
  return told.length
    ? { subjectsTold: 'Yes', subjectsDetails: [...told, decision.subjectsReasons] }
    : { subjectsTold: 'Not yet, but they will be told', subjectsDetails: [decision.subjectsReasons] };
}

function otherOrganisations(s: IncidentState, ctx: DocumentContext): string[] {
  const told = s.controllersNotified.map(
    (c) => `${controllerName(s, ctx, c.controllerId)}: told on ${london(c.notifiedAt)} by ${c.method}`,
  );
  const pending = s.report.processorFor
    .filter((c) => !s.controllersNotified.some((n) => n.controllerId === c.controllerId))
    .map((c) => `${controllerName(s, ctx, c.controllerId)}: not yet told`);
  const all = [...told, ...pending];
  return all.length ? all : ['None recorded'];
}

/** Art. 33(1): a notification after 72 hours must be accompanied by reasons for the delay. */
function delay(s: IncidentState, now: Date): string {
  const deadline = new Date(icoDeadline(s.awareAt));
  const submission = s.icoSubmission;
  if (submission) {
    if (!submission.late) return 'Not applicable: reported within 72 hours of becoming aware';
    return submission.delayReasons?.trim() || DELAY_PLACEHOLDER;
  }
  return now > deadline ? DELAY_PLACEHOLDER : 'Not applicable: the 72 hours have not yet passed';
}
