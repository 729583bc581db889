import { AggregateRoot } from '@nestjs/cqrs';
import * as E from './incident.events';
import { IncidentErrors as Err } from './incident.errors';
import { IncidentState, icoDeadline, outstandingObligations, statusOf } from './incident-state';
import type { Actor, AssessorView, DecisionFacts, LessonAction, Recommendation, ReportFacts } from './incident.types';
import { SPECIAL_CATEGORIES } from '#libs/assessment';

const DECIDERS = new Set(['dpo', 'governance']);
const SYSTEM: Actor = { id: 'system', roles: [], partnerId: null };

/** What the clock asks the incident to record when a timer falls due. */
export type TimerOutcome =
  | { kind: 'escalation'; to: 'governance' | 'emt' }
  | { kind: 'reminder'; hoursBefore: number }
  | { kind: 'ico-deadline-missed' }
  | { kind: 'controller-deadline-missed'; controllerId: string }
  | { kind: 'action-reminder'; actionId: string }
  | { kind: 'action-overdue'; actionId: string };

/**
 * The incident aggregate. Intent methods check the rules against the current state and
 * apply one event; `on…` appliers only change state, with no clock and no checks, so a
 * replay always rebuilds the same history.
 */
export class Incident extends AggregateRoot<E.IncidentEvent> {
  private s?: IncidentState;
  private loadedVersion = 0;

  constructor(readonly id: string) {
    super();
  }

  static fromHistory(id: string, events: E.IncidentEvent[]): Incident {
    const incident = new Incident(id);
    incident.loadFromHistory(events);
    incident.loadedVersion = events.length;
    return incident;
  }

  get exists(): boolean {
    return this.s !== undefined;
  }

  /** The version the store holds; new events are written after it. */
  get version(): number {
    return this.loadedVersion;
  }

  get state(): Readonly<IncidentState> {
    if (!this.s) throw new Error('Incident has no events');
    return this.s;
  }

  // ---- intent methods -------------------------------------------------------------

  report(input: { reference: string; report: ReportFacts; actor: Actor; now: Date; policyVersion?: number }): void {
    const { report, actor, now } = input;
    assertNotFuture(report.discoveredAt, now, 'The discovery time');
    if (report.occurredAt) {
      assertNotFuture(report.occurredAt, now, 'The time the breach happened');
      assertOrder(report.occurredAt, report.discoveredAt, 'A breach cannot be discovered before it happened.');
    }
    const specialCategory =
      report.specialCategory ||
      report.dataCategories.some((c) => (SPECIAL_CATEGORIES as readonly string[]).includes(c));
    const criminalOffence = report.criminalOffence || report.dataCategories.includes('criminal-offence');
    this.apply(
      new E.IncidentReported(this.id, meta(actor, now), {
        reference: input.reference,
        report: { ...report, specialCategory, criminalOffence },
        reportedVia: actor.roles.includes('partner') ? 'partner' : 'colleague',
        partnerId: actor.partnerId,
        policyVersion: input.policyVersion ?? 1,
      }),
    );
  }

  addInformation(note: string, actor: Actor, now: Date): void {
    this.assertOpen();
    this.apply(new E.InformationAdded(this.id, meta(actor, now), { note }));
  }

  acknowledge(actor: Actor, now: Date): void {
    this.assertOpen();
    if (this.state.ownerId) throw Err.alreadyAcknowledged();
    this.apply(new E.IncidentAcknowledged(this.id, meta(actor, now), { ownerId: actor.id }));
  }

  closeAsNotBreach(reason: string, actor: Actor, now: Date): void {
    this.assertOpen();
    if (this.state.decision) throw Err.alreadyDecided();
    requireText(reason, 'Closing as not a breach');
    this.apply(new E.IncidentClosedAsNotBreach(this.id, meta(actor, now), { reason }));
  }

  /** Confirms or moves the start of the 72 hours; every move needs a recorded justification. */
  confirmAwareness(awareAt: string, justification: string, actor: Actor, now: Date): void {
    this.assertOpen();
    requireText(justification, 'The awareness time');
    assertNotFuture(awareAt, now, 'The awareness time');
    assertOrder(
      this.state.report.discoveredAt,
      awareAt,
      'The group cannot be aware of a breach before it was discovered.',
    );
    this.apply(
      new E.AwarenessConfirmed(this.id, meta(actor, now), {
        awareAt,
        previousAwareAt: this.state.awareAt,
        justification,
      }),
    );
  }

  recordContainment(actions: string, findings: string, actor: Actor, now: Date): void {
    this.assertAcknowledgedAndOpen();
    this.apply(new E.ContainmentRecorded(this.id, meta(actor, now), { actions, findings }));
  }

  recordAssessment(
    facts: Record<string, unknown>,
    recommendation: Recommendation,
    assessorView: AssessorView,
    actor: Actor,
    now: Date,
  ): void {
    this.assertAcknowledgedAndOpen();
    this.apply(new E.AssessmentRecorded(this.id, meta(actor, now), { facts, recommendation, assessorView }));
  }

  recordDecision(decision: DecisionFacts, actor: Actor, now: Date): void {
    this.assertOpen();
    const escalatedEmt = actor.roles.includes('emt') && this.state.escalatedTo.includes('emt');
    if (!escalatedEmt && !actor.roles.some((r) => DECIDERS.has(r))) throw Err.notEntitledToDecide();
    const latest = this.state.assessments.at(-1);
    if (!latest) throw Err.noAssessment();
    if (decision.notifySubjects && decision.subjectsExemption) throw Err.exemptionMismatch();
    requireText(decision.icoReasons, 'The ICO decision');
    requireText(decision.subjectsReasons, 'The data subjects decision');
    const differs =
      decision.notifyIco !== latest.recommendation.notifyIco ||
      decision.notifySubjects !== latest.recommendation.notifySubjects;
    if (differs && !decision.justification?.trim()) throw Err.justificationRequired();
    this.apply(new E.DecisionRecorded(this.id, meta(actor, now), { ...decision, differsFromRecommendation: differs }));
  }

  recordIcoSubmission(
    input: { submittedAt: string; icoReference: string; phased: boolean; delayReasons: string | null },
    actor: Actor,
    now: Date,
  ): void {
    this.assertOpen();
    if (!this.state.decision?.notifyIco) throw Err.noIcoDecision();
    if (this.state.icoSubmission) throw Err.icoAlreadyNotified();
    this.assertReportTime(input.submittedAt, now, 'The submission time');
    const late = new Date(input.submittedAt) > new Date(icoDeadline(this.state.awareAt));
    // Art. 33(1): a notification after 72 hours is accompanied by the reasons for the delay.
    if (late && !input.delayReasons?.trim()) throw Err.delayReasonsRequired();
    this.apply(new E.IcoNotified(this.id, meta(actor, now), { ...input, late }));
  }

  recordIcoSupplementary(submittedAt: string, summary: string, actor: Actor, now: Date): void {
    this.assertOpen();
    const initial = this.state.icoSubmission;
    if (!initial) throw Err.icoNotYetNotified();
    assertNotFuture(submittedAt, now, 'The submission time');
    assertOrder(initial.submittedAt, submittedAt, 'A supplementary submission cannot precede the initial one.');
    this.apply(new E.IcoSupplementarySubmitted(this.id, meta(actor, now), { submittedAt, summary }));
  }

  recordSubjectsNotified(input: { notifiedAt: string; method: string; count: number }, actor: Actor, now: Date): void {
    this.assertOpen();
    if (!this.state.decision?.notifySubjects) throw Err.noSubjectsDecision();
    this.assertReportTime(input.notifiedAt, now, 'The notification time');
    this.apply(new E.DataSubjectsNotified(this.id, meta(actor, now), input));
  }

  recordControllerNotified(
    input: { controllerId: string; notifiedAt: string; method: string },
    actor: Actor,
    now: Date,
  ): void {
    this.assertOpen();
    const contract = this.state.report.processorFor.find((c) => c.controllerId === input.controllerId);
    if (!contract) throw Err.notProcessorFor();
    if (this.state.controllersNotified.some((c) => c.controllerId === input.controllerId))
      throw Err.alreadyNotifiedController();
    this.assertReportTime(input.notifiedAt, now, 'The notification time');
    const due = new Date(this.state.awareAt).getTime() + contract.notifyWithinHours * 3_600_000;
    const late = new Date(input.notifiedAt).getTime() > due;
    this.apply(new E.ControllerNotified(this.id, meta(actor, now), { ...input, late }));
  }

  recordLessons(
    input: { rootCause: string; narrative: string; changes: string; actions: LessonAction[] },
    actor: Actor,
    now: Date,
  ): void {
    this.assertAcknowledgedAndOpen();
    if (this.state.lessons?.circulatedTo.length) throw Err.lessonsCirculated();
    for (const action of input.actions)
      assertOrder(now.toISOString(), action.dueAt, 'An action cannot be due in the past.');
    this.apply(new E.LessonsLearntRecorded(this.id, meta(actor, now), input));
  }

  /** Retention (policy §8): only a closed incident is erased, and only once. */
  erase(retentionMonths: number, now: Date): boolean {
    if (!this.state.closedAt || this.state.erasedAt) return false;
    this.apply(new E.IncidentErased(this.id, meta(SYSTEM, now), { retentionMonths }));
    return true;
  }

  /** Policy §6.9: lessons are circulated widely; each recipient is asked to acknowledge. */
  circulateLessons(recipientIds: string[], actor: Actor, now: Date): void {
    this.assertOpen();
    const lessons = this.state.lessons;
    if (!lessons) throw Err.noLessons();
    if (recipientIds.length === 0) throw Err.noRecipients();
    const fresh = [...new Set(recipientIds)].filter((id) => !lessons.circulatedTo.includes(id));
    if (fresh.length) this.apply(new E.LessonsCirculated(this.id, meta(actor, now), { recipientIds: fresh }));
  }

  /** A recipient confirms reading; acknowledging twice records nothing more. */
  acknowledgeLessons(actor: Actor, now: Date): void {
    const lessons = this.state.lessons;
    if (!lessons?.circulatedTo.includes(actor.id)) throw Err.notSentLessons();
    if (lessons.acknowledgedBy.some((a) => a.personId === actor.id)) return;
    this.apply(new E.LessonsAcknowledged(this.id, meta(actor, now), {}));
  }

  /** An action is done, or consciously accepted as not to be done, with the reason. */
  updateLessonAction(
    actionId: string,
    status: 'done' | 'accepted',
    reason: string | null,
    actor: Actor,
    now: Date,
  ): void {
    this.assertOpen();
    const action = this.state.lessons?.actions.find((a) => a.id === actionId);
    if (!action) throw Err.unknownAction();
    if (action.status !== 'open') throw Err.actionClosed();
    if (status === 'accepted') requireText(reason, 'Accepting an action without doing it');
    this.apply(new E.LessonActionUpdated(this.id, meta(actor, now), { actionId, status, reason }));
  }

  close(summary: string, actor: Actor, now: Date): void {
    this.assertOpen();
    const missing = outstandingObligations(this.state);
    if (missing.length) throw Err.obligationsOutstanding(missing);
    this.apply(new E.IncidentClosed(this.id, meta(actor, now), { summary }));
  }

  reopen(reason: string, actor: Actor, now: Date): void {
    if (!this.state.closedAt) throw Err.notClosed();
    if (this.state.erasedAt) throw Err.erased();
    requireText(reason, 'Reopening');
    this.apply(new E.IncidentReopened(this.id, meta(actor, now), { reason }));
  }

  /**
   * Records a timer that fell due. The clock has already checked that its condition holds;
   * this only guards against recording the same timer twice. Returns whether it recorded.
   */
  raiseTimer(timer: string, dueAt: Date, outcome: TimerOutcome, now: Date): boolean {
    const awareAt = this.state.awareAt;
    if (this.state.closedAt || this.state.timersFired.includes(`${timer}@${awareAt}`)) return false;
    const data = { timer, awareAt, dueAt: dueAt.toISOString() };
    const m = meta(SYSTEM, now);
    switch (outcome.kind) {
      case 'escalation':
        this.apply(new E.EscalationRaised(this.id, m, { ...data, to: outcome.to }));
        break;
      case 'reminder':
        this.apply(new E.DeadlineReminderRaised(this.id, m, { ...data, hoursBefore: outcome.hoursBefore }));
        break;
      case 'ico-deadline-missed':
        this.apply(new E.IcoDeadlineMissed(this.id, m, data));
        break;
      case 'controller-deadline-missed':
        this.apply(new E.ControllerDeadlineMissed(this.id, m, { ...data, controllerId: outcome.controllerId }));
        break;
      case 'action-reminder':
        this.apply(new E.LessonActionReminderRaised(this.id, m, { ...data, actionId: outcome.actionId }));
        break;
      case 'action-overdue':
        this.apply(new E.LessonActionOverdue(this.id, m, { ...data, actionId: outcome.actionId }));
        break;
    }
    return true;
  }

  /** Records that a message was delivered or finally failed; once per send. */
  recordNotificationOutcome(outcome: E.NotificationData & { reason: string | null }, now: Date): boolean {
    if (this.state.notifications.some((n) => n.sendId === outcome.sendId)) return false;
    const { reason, ...data } = outcome;
    this.apply(
      reason === null
        ? new E.NotificationDelivered(this.id, meta(SYSTEM, now), data)
        : new E.NotificationFailed(this.id, meta(SYSTEM, now), { ...data, reason }),
    );
    return true;
  }

  // ---- appliers: state changes only --------------------------------------------------

  onIncidentReported(e: E.IncidentReported): void {
    const { report } = e.data;
    this.s = {
      id: e.incidentId,
      reference: e.data.reference,
      reportedAt: e.meta.at,
      reportedBy: e.meta.actorId,
      reportedVia: e.data.reportedVia,
      partnerId: e.data.partnerId,
      policyVersion: e.data.policyVersion ?? 1,
      report,
      // The provisional clock runs from discovery, never later than the report.
      awareAt: report.discoveredAt < e.meta.at ? report.discoveredAt : e.meta.at,
      awareConfirmed: false,
      ownerId: null,
      information: [],
      awarenessHistory: [],
      containment: [],
      assessments: [],
      decision: null,
      icoSubmission: null,
      icoSupplementary: [],
      subjectsNotified: [],
      controllersNotified: [],
      lessons: null,
      notBreachReason: null,
      closedAt: null,
      reopenings: [],
      erasedAt: null,
      timersFired: [],
      escalatedTo: [],
      notifications: [],
      updatedAt: e.meta.at,
    };
  }

  onInformationAdded(e: E.InformationAdded): void {
    this.mutate(e, (s) => s.information.push({ ...stamp(e), note: e.data.note }));
  }

  onIncidentAcknowledged(e: E.IncidentAcknowledged): void {
    this.mutate(e, (s) => (s.ownerId = e.data.ownerId));
  }

  onIncidentClosedAsNotBreach(e: E.IncidentClosedAsNotBreach): void {
    this.mutate(e, (s) => {
      s.notBreachReason = e.data.reason;
      s.closedAt = e.meta.at;
    });
  }

  onAwarenessConfirmed(e: E.AwarenessConfirmed): void {
    this.mutate(e, (s) => {
      s.awareAt = e.data.awareAt;
      s.awareConfirmed = true;
      s.awarenessHistory.push({ ...stamp(e), ...e.data });
    });
  }

  onContainmentRecorded(e: E.ContainmentRecorded): void {
    this.mutate(e, (s) => s.containment.push({ ...stamp(e), ...e.data }));
  }

  onAssessmentRecorded(e: E.AssessmentRecorded): void {
    this.mutate(e, (s) => s.assessments.push({ ...stamp(e), ...e.data }));
  }

  onDecisionRecorded(e: E.DecisionRecorded): void {
    this.mutate(e, (s) => (s.decision = { ...stamp(e), ...e.data }));
  }

  onIcoNotified(e: E.IcoNotified): void {
    this.mutate(e, (s) => (s.icoSubmission = { ...stamp(e), ...e.data }));
  }

  onIcoSupplementarySubmitted(e: E.IcoSupplementarySubmitted): void {
    this.mutate(e, (s) => s.icoSupplementary.push({ ...stamp(e), ...e.data }));
  }

  onDataSubjectsNotified(e: E.DataSubjectsNotified): void {
    this.mutate(e, (s) => s.subjectsNotified.push({ ...stamp(e), ...e.data }));
  }

  onControllerNotified(e: E.ControllerNotified): void {
    this.mutate(e, (s) => s.controllersNotified.push({ ...stamp(e), ...e.data }));
  }

  onLessonsLearntRecorded(e: E.LessonsLearntRecorded): void {
    this.mutate(e, (s) => {
      const actions = e.data.actions.map((a) => ({ ...a, status: 'open' as const, reason: null, closedAt: null }));
      s.lessons = { ...stamp(e), ...e.data, actions, circulatedTo: [], acknowledgedBy: [] };
    });
  }

  onIncidentErased(e: E.IncidentErased): void {
    this.mutate(e, (s) => (s.erasedAt = e.meta.at));
  }

  onLessonsCirculated(e: E.LessonsCirculated): void {
    this.mutate(e, (s) => s.lessons!.circulatedTo.push(...e.data.recipientIds));
  }

  onLessonsAcknowledged(e: E.LessonsAcknowledged): void {
    this.mutate(e, (s) => s.lessons!.acknowledgedBy.push({ personId: e.meta.actorId, at: e.meta.at }));
  }

  onLessonActionUpdated(e: E.LessonActionUpdated): void {
    this.mutate(e, (s) => {
      const action = s.lessons!.actions.find((a) => a.id === e.data.actionId)!;
      Object.assign(action, { status: e.data.status, reason: e.data.reason, closedAt: e.meta.at });
    });
  }

  onLessonActionReminderRaised(e: E.LessonActionReminderRaised): void {
    this.mutate(e, (s) => this.markFired(s, e.data));
  }

  onLessonActionOverdue(e: E.LessonActionOverdue): void {
    this.mutate(e, (s) => this.markFired(s, e.data));
  }

  onIncidentClosed(e: E.IncidentClosed): void {
    this.mutate(e, (s) => (s.closedAt = e.meta.at));
  }

  onIncidentReopened(e: E.IncidentReopened): void {
    this.mutate(e, (s) => {
      s.closedAt = null;
      s.notBreachReason = null;
      s.reopenings.push({ ...stamp(e), reason: e.data.reason });
    });
  }

  onEscalationRaised(e: E.EscalationRaised): void {
    this.mutate(e, (s) => {
      this.markFired(s, e.data);
      if (!s.escalatedTo.includes(e.data.to)) s.escalatedTo.push(e.data.to);
    });
  }

  onDeadlineReminderRaised(e: E.DeadlineReminderRaised): void {
    this.mutate(e, (s) => this.markFired(s, e.data));
  }

  onIcoDeadlineMissed(e: E.IcoDeadlineMissed): void {
    this.mutate(e, (s) => this.markFired(s, e.data));
  }

  onControllerDeadlineMissed(e: E.ControllerDeadlineMissed): void {
    this.mutate(e, (s) => this.markFired(s, e.data));
  }

  onNotificationDelivered(e: E.NotificationDelivered): void {
    this.mutate(e, (s) => s.notifications.push({ ...e.data, at: e.meta.at, delivered: true, reason: null }));
  }

  onNotificationFailed(e: E.NotificationFailed): void {
    this.mutate(e, (s) => s.notifications.push({ ...e.data, at: e.meta.at, delivered: false }));
  }

  private markFired(s: IncidentState, data: E.TimerData): void {
    s.timersFired.push(`${data.timer}@${data.awareAt}`);
  }

  // ---- helpers ----------------------------------------------------------------------

  get status() {
    return statusOf(this.state);
  }

  private mutate(e: E.IncidentEvent, change: (s: IncidentState) => unknown): void {
    const s = this.s!;
    change(s);
    s.updatedAt = e.meta.at;
  }

  private assertOpen(): void {
    if (this.state.closedAt) throw this.state.notBreachReason ? Err.notABreach() : Err.closed();
  }

  private assertAcknowledgedAndOpen(): void {
    this.assertOpen();
    if (!this.state.ownerId) throw Err.notAcknowledged();
  }

  /** A reported-to-someone time: after the discovery, not in the future. */
  private assertReportTime(at: string, now: Date, label: string): void {
    assertNotFuture(at, now, label);
    assertOrder(this.state.report.discoveredAt, at, `${label} cannot be before the breach was discovered.`);
  }
}

function meta(actor: Actor, now: Date): E.EventMeta {
  return { at: now.toISOString(), actorId: actor.id, actorRoles: actor.roles };
}

function stamp(e: E.IncidentEvent): { at: string; by: string } {
  return { at: e.meta.at, by: e.meta.actorId };
}

function assertNotFuture(iso: string, now: Date, label: string): void {
  if (new Date(iso).getTime() > now.getTime()) throw Err.timeInFuture(label);
}

function assertOrder(earlier: string, later: string, rule: string): void {
  if (new Date(earlier).getTime() > new Date(later).getTime()) throw Err.timesOutOfOrder(rule);
}

function requireText(text: string | null | undefined, what: string): void {
  if (!text?.trim()) throw Err.reasonRequired(what);
}
