import { IncidentState, icoDeadline, TimerOutcome } from '#libs/incidents';
import type { EscalationPolicy } from './escalation-policy';

const HOUR = 3_600_000;
const ACTION_REMINDER_HOURS = 24;

export interface PlannedTimer {
  name: string;
  dueAt: Date;
  outcome: TimerOutcome;
}

/**
 * Deterministic: the same incident, timer and awareness time always give the same id, so
 * scheduling twice is harmless and a moved awareness time yields a new set. No `:` and
 * never a bare number (BullMQ refuses or misreads both).
 */
export function timerJobId(incidentId: string, timer: string, awareAt: string): string {
  return `inc_${incidentId}_${timer}_${Date.parse(awareAt)}`;
}

/** The ICO obligation is open until the decision is "do not notify" or the ICO has been told. */
function icoObligationOpen(s: IncidentState): boolean {
  return !s.decision || (s.decision.notifyIco && !s.icoSubmission);
}

/**
 * Every timer the policy gives this incident, with whether its condition still holds.
 * A timer is only ever acted on when `live` is true at the moment it fires.
 */
export function allTimers(s: IncidentState, policy: EscalationPolicy): (PlannedTimer & { live: boolean })[] {
  const open = !s.closedAt;
  const reportedAt = Date.parse(s.reportedAt);
  const awareAt = Date.parse(s.awareAt);
  const deadline = Date.parse(icoDeadline(s.awareAt));
  const timers: (PlannedTimer & { live: boolean })[] = [
    ...policy.escalations.map((e, i) => ({
      // Stable names (`ack-escalation`, `decision-escalation`, then `-2`, `-3`…) keep job ids stable.
      name: `${e.unless === 'acknowledged' ? 'ack' : 'decision'}-escalation${suffix(policy.escalations, i)}`,
      dueAt: new Date((e.unless === 'acknowledged' ? reportedAt : awareAt) + e.afterHours * HOUR),
      outcome: { kind: 'escalation' as const, to: e.to },
      live: open && (e.unless === 'acknowledged' ? !s.ownerId : !s.decision),
    })),
    ...policy.remindOwnerBeforeDeadlineHours.map((hours) => ({
      name: `reminder-${hours}h`,
      dueAt: new Date(deadline - hours * HOUR),
      outcome: { kind: 'reminder' as const, hoursBefore: hours },
      live: open && icoObligationOpen(s),
    })),
    {
      name: 'ico-deadline',
      dueAt: new Date(deadline),
      outcome: { kind: 'ico-deadline-missed' },
      live: open && icoObligationOpen(s),
    },
    ...s.report.processorFor.map((c) => ({
      name: `controller-${c.controllerId}`,
      dueAt: new Date(awareAt + c.notifyWithinHours * HOUR),
      outcome: { kind: 'controller-deadline-missed' as const, controllerId: c.controllerId },
      live: open && !s.controllersNotified.some((n) => n.controllerId === c.controllerId),
    })),
    // Lessons-learnt actions: a reminder a day before each due date, and an escalation when overdue.
    ...(s.lessons?.actions ?? []).flatMap((a) => [
      {
        name: `action-${a.id}-reminder`,
        dueAt: new Date(Date.parse(a.dueAt) - ACTION_REMINDER_HOURS * HOUR),
        outcome: { kind: 'action-reminder' as const, actionId: a.id },
        live: open && a.status === 'open',
      },
      {
        name: `action-${a.id}-overdue`,
        dueAt: new Date(a.dueAt),
        outcome: { kind: 'action-overdue' as const, actionId: a.id },
        live: open && a.status === 'open',
      },
    ]),
  ];
  return timers.map((t) => ({ ...t, live: t.live && !s.timersFired.includes(`${t.name}@${s.awareAt}`) }));
}

/** The n-th escalation on the same condition gets `-n`; the first none. */
function suffix(escalations: EscalationPolicy['escalations'], index: number): string {
  const same = escalations.slice(0, index).filter((e) => e.unless === escalations[index].unless).length;
  return same === 0 ? '' : `-${same + 1}`;
}

export function liveTimers(s: IncidentState, policy: EscalationPolicy): PlannedTimer[] {
  return allTimers(s, policy).filter((t) => t.live);
}
