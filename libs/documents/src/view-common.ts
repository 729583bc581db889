import type { IncidentState } from '#libs/incidents';
import { formatLondon } from '#libs/shared';
import type { DocumentContext, DocumentKind } from './document-context';
import { LIKELIHOOD_LABELS, RISK_LABELS, SEVERITY_LABELS } from './labels';

export const NOT_KNOWN = 'Not known';
export const NOT_ASSESSED = 'Not yet assessed';

export const london = (iso: string): string => formatLondon(new Date(iso));

/** Residents get the date alone: "30 March 2027". */
export const londonDate = (iso: string): string => london(iso).split(',')[0];

export const londonOrNotKnown = (iso: string | null): string => (iso ? london(iso) : NOT_KNOWN);

export const countOrNotKnown = (n: number | null): string => (n === null ? NOT_KNOWN : n.toLocaleString('en-GB'));

export function latestAssessment(s: IncidentState): IncidentState['assessments'][number] | null {
  return s.assessments.at(-1) ?? null;
}

/** The awareness time, saying when it is still the provisional one taken from discovery. */
export function awarenessText(s: IncidentState): string {
  const at = london(s.awareAt);
  return s.awareConfirmed ? at : `${at} (provisional: taken from the discovery time, not yet confirmed)`;
}

/** The cause from the latest assessment's facts, when it recorded one. */
export function assessedCause(s: IncidentState): string | null {
  const cause = latestAssessment(s)?.facts.cause;
  return typeof cause === 'string' ? cause : null;
}

/** The recommendation's ENISA score, e.g. "3.25 (high)"; `enisa` is not part of the stored type. */
export function enisaText(recommendation: Record<string, unknown>): string {
  const enisa = recommendation.enisa as { score?: unknown; band?: unknown } | undefined;
  if (typeof enisa?.score !== 'number' || typeof enisa.band !== 'string') return 'Not recorded';
  return `${enisa.score} (${enisa.band.replace('-', ' ')})`;
}

export function controllerName(s: IncidentState, ctx: DocumentContext, controllerId: string): string {
  const recorded = s.report.processorFor.find((c) => c.controllerId === controllerId)?.name;
  return ctx.controllerNames?.[controllerId] ?? recorded ?? 'An external controller';
}

/** The assessor's judgement of the effects, or "Not yet assessed" in every field. */
export function effects(s: IncidentState) {
  const latest = latestAssessment(s);
  if (!latest) {
    return { riskLevel: NOT_ASSESSED, likelihood: NOT_ASSESSED, severity: NOT_ASSESSED, rationale: NOT_ASSESSED };
  }
  const view = latest.assessorView;
  return {
    riskLevel: RISK_LABELS[view.riskLevel],
    likelihood: LIKELIHOOD_LABELS[view.likelihood],
    severity: SEVERITY_LABELS[view.severity],
    rationale: view.rationale,
  };
}

/** What was done to contain the breach, oldest first, each dated. */
export function containmentMeasures(s: IncidentState): string[] {
  const measures = s.report.containmentSoFar.trim()
    ? [`When reported (${london(s.reportedAt)}): ${s.report.containmentSoFar}`]
    : [];
  return measures.concat(s.containment.map((c) => `${london(c.at)}: ${c.actions}`));
}

export function filenameFor(s: IncidentState, kind: DocumentKind): string {
  return `${s.reference.replace(/[^A-Za-z0-9-]/g, '_')}-${kind}`;
}
