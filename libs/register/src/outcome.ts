import { ICO_DEADLINE_HOURS, statusOf, type IncidentState } from '#libs/incidents';
import type { Outcome } from './register-row.types';

const HOUR_MS = 3_600_000;

/** The same classification as the trends SQL (`trends.sql.ts`); keep the two in step. */
export function outcomeOf(s: IncidentState): Outcome {
  if (statusOf(s) === 'closed-not-breach') return 'not-a-breach';
  if (!s.decision) return 'undecided';
  if (!s.decision.notifyIco) return 'not-reported';
  return s.icoSubmission ? 'reported' : 'to-report';
}

/**
 * Whether the ICO was told within 72 hours of the awareness time the incident holds now. This
 * equals `!icoSubmission.late` unless the awareness time was moved after the submission, when
 * the corrected time is the one Art. 33(1) counts from.
 */
export function icoWithin72h(s: IncidentState): boolean | null {
  if (!s.icoSubmission) return null;
  const deadline = Date.parse(s.awareAt) + ICO_DEADLINE_HOURS * HOUR_MS;
  return Date.parse(s.icoSubmission.submittedAt) <= deadline;
}

export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR_MS;
}
