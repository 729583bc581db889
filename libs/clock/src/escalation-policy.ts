/**
 * The escalation policy is data (DESIGN.md): who is told at report, how long each step of
 * the chain may wait, when the owner is reminded, and who hears of a missed deadline.
 * Published versions never change; an incident keeps the version it started with.
 */
export type ChainRole = 'dpo' | 'governance' | 'emt';

export interface Escalation {
  /** Escalate unless the incident has been acknowledged, or decided, by then. */
  unless: 'acknowledged' | 'decided';
  /** Counted from the report (acknowledgement) or from awareness (decision). */
  afterHours: number;
  to: Exclude<ChainRole, 'dpo'>;
}

export interface EscalationPolicy {
  version: number;
  /** `dpo` means the DPO, or the deputy while the DPO is absent (policy §13.10). */
  notifyAtReport: ChainRole[];
  escalations: Escalation[];
  remindOwnerBeforeDeadlineHours: number[];
  notifyWhenDeadlineMissed: ChainRole[];
}

export const DEFAULT_POLICY: EscalationPolicy = {
  version: 1,
  notifyAtReport: ['dpo'],
  escalations: [
    { unless: 'acknowledged', afterHours: 4, to: 'governance' },
    { unless: 'decided', afterHours: 48, to: 'emt' },
  ],
  remindOwnerBeforeDeadlineHours: [24, 12, 4],
  notifyWhenDeadlineMissed: ['dpo', 'governance', 'emt'],
};

const ROLES: readonly string[] = ['dpo', 'governance', 'emt'];
const isHours = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max;

/** Checks a proposed policy; returns what is wrong, in words an administrator can act on. */
export function policyProblems(p: Omit<EscalationPolicy, 'version'>): string[] {
  const problems: string[] = [];
  const roles = (list: unknown, field: string) => {
    if (!Array.isArray(list)) return problems.push(`${field} must be a list of roles`);
    list.forEach((r, i) => ROLES.includes(r as string) || problems.push(`${field}[${i}]: unknown role`));
    if (new Set(list).size !== list.length) problems.push(`${field} names a role twice`);
  };
  roles(p.notifyAtReport, 'notifyAtReport');
  roles(p.notifyWhenDeadlineMissed, 'notifyWhenDeadlineMissed');
  if (Array.isArray(p.notifyAtReport) && p.notifyAtReport.length === 0) {
    problems.push('notifyAtReport is empty: nobody would hear of a new report');
  }
  if (!Array.isArray(p.escalations)) problems.push('escalations must be a list');
  else
    p.escalations.forEach((e, i) => {
      if (!['acknowledged', 'decided'].includes(e?.unless))
        problems.push(`escalations[${i}].unless: must be acknowledged or decided`);
      if (!isHours(e?.afterHours, 24 * 30))
        problems.push(`escalations[${i}].afterHours: must be more than 0 and at most 720`);
      if (!['governance', 'emt'].includes(e?.to)) problems.push(`escalations[${i}].to: must be governance or emt`);
    });
  if (!Array.isArray(p.remindOwnerBeforeDeadlineHours)) problems.push('remindOwnerBeforeDeadlineHours must be a list');
  else {
    p.remindOwnerBeforeDeadlineHours.forEach((h, i) => {
      if (!isHours(h, 71)) problems.push(`remindOwnerBeforeDeadlineHours[${i}]: must be more than 0 and under 72`);
    });
    if (new Set(p.remindOwnerBeforeDeadlineHours).size !== p.remindOwnerBeforeDeadlineHours.length) {
      problems.push('remindOwnerBeforeDeadlineHours repeats a time');
    }
  }
  return problems;
}
