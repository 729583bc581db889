import type { IncidentState } from '#libs/incidents';
import type { DocumentContext } from './document-context';
import { DocumentErrors } from './documents.errors';
import { letterConsequences, letterDataCategory } from './labels';
import { latestAssessment, londonDate } from './view-common';

export const DEFAULT_ADVICE =
  'Be careful with unexpected calls, emails, texts or letters that ask for personal or bank details, ' +
  'even if they seem to come from us: we will never ask for your password or your full bank details. ' +
  'Check your bank statements and tell your bank straight away if you see anything you do not recognise. ' +
  'If you are worried about your safety, contact us straight away, or call 999 in an emergency.';

/**
 * Every field the letter templates read. Art. 34(2): plain language, with the nature of the
 * breach, the likely consequences, the measures taken and who to contact. It never names a
 * person or carries an id: the DPO personalises each copy outside the system.
 */
export interface SubjectsLetterView {
  reference: string;
  draftNotice: string | null;
  date: string;
  entityName: string;
  whatHappened: string;
  whenHappened: string;
  whenFound: string;
  dataInvolved: string[];
  consequences: string[];
  actionsTaken: string[];
  icoReported: string | null;
  advice: string;
  dpo: DocumentContext['dpo'];
}

export function subjectsLetterView(s: IncidentState, ctx: DocumentContext): SubjectsLetterView {
  // A draft may be previewed before the decision, but not before the risk is assessed.
  if (!latestAssessment(s)) throw DocumentErrors.needsAssessment();
  const reported = s.icoSubmission;
  return {
    reference: s.reference,
    draftNotice: s.decision?.notifySubjects
      ? null
      : 'DRAFT — no decision to tell the people affected has been recorded',
    date: londonDate(ctx.now.toISOString()),
    entityName: ctx.entityName,
    whatHappened: ctx.plainSummary?.trim() || s.report.summary,
    whenHappened: s.report.occurredAt
      ? `This happened on ${londonDate(s.report.occurredAt)}.`
      : 'We do not yet know exactly when this happened.',
    whenFound: `We found out about it on ${londonDate(s.report.discoveredAt)}.`,
    dataInvolved: [...new Set(s.report.dataCategories.map(letterDataCategory))],
    consequences: letterConsequences(s.report.dataCategories),
    actionsTaken: actionsTaken(s),
    icoReported: reported
      ? `We reported this to the Information Commissioner's Office (ICO), the UK regulator for data protection, on ${londonDate(reported.submittedAt)}.`
      : null,
    advice: ctx.adviceToSubjects?.trim() || DEFAULT_ADVICE,
    dpo: { ...ctx.dpo },
  };
}

function actionsTaken(s: IncidentState): string[] {
  // Undated and without the report's framing: residents need what was done, not the timeline.
  const taken = [s.report.containmentSoFar, ...s.containment.map((c) => c.actions)].filter((t) => t.trim());
  const changes = s.lessons?.changes.trim();
  if (changes) taken.push(`To stop this happening again: ${changes}`);
  return taken.length ? taken : ['We are looking into what happened and how to stop it happening again.'];
}
