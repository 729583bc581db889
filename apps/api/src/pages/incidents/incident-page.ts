import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { Assessment } from '#libs/assessment';
import { DirectoryService, GROUP_ENTITIES } from '#libs/directory';
import * as I from '#libs/incidents';
import { anchored, FieldError } from '../forms/form-input';
import { utcToLondonLocal } from '../forms/london-local';
import { nextStep } from '../queue/next-step';
import { timeLeft, urgency } from '../view/helpers';
import * as L from '../view/labels';
import { actorOf, PageRenderer, PageRequest } from '../view/page-renderer';
import { ASSESSMENT_CHOICES } from './assessment-form';
import { actionRows } from './lessons-form';
import { stepsFor } from './incident-permissions';
import { STEPS } from './incident-steps';

/** What a refused or previewed form brings back to the page: its step, what was typed, why. */
export interface FormState {
  step: string;
  values: Record<string, unknown>;
  errors: FieldError[];
  recommendation?: Assessment;
}

type View = I.IncidentView & Partial<Extract<I.IncidentView, { ownerId: unknown }>>;

const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];
const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : v === null ? 'unknown' : undefined);

const DONE: Record<string, string> = {
  ...Object.fromEntries(Object.entries(STEPS).map(([step, s]) => [step, s.done])),
  assessment: 'Assessment recorded.',
};

/** The system's recommendation as the page shows it. */
export const previewOf = (recommendation: Assessment) => ({
  ...recommendation,
  risk: L.RISK_LABELS[recommendation.riskLevel],
});

/** Builds the incident page: facts, the four times, the clock, the timeline and the forms this person may use. */
@Injectable()
export class IncidentPage {
  constructor(
    private readonly queries: QueryBus,
    private readonly directory: DirectoryService,
    private readonly pages: PageRenderer,
  ) {}

  async show(req: PageRequest, res: Response, id: string, state?: FormState, status = 200): Promise<void> {
    const actor = actorOf(req);
    const incident = (await this.queries.execute(new I.GetIncidentQuery(actor, id))) as View;
    const { entries } = (await this.queries.execute(new I.GetTimelineQuery(actor, id))) as {
      entries: I.TimelineEntry[];
    };
    const people = await this.directory.listPeople();
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const who = (personId: string) =>
      personId === 'system' ? 'Breach Desk' : (names.get(personId) ?? 'A former user');
    const now = this.pages.now();
    const open = !incident.closedAt;
    // The 72 hours matter until the ICO is told, or the decision is not to tell it.
    const clockRuns = open && !incident.times.icoNotifiedAt && incident.decision?.notifyIco !== false;
    const deadline = incident.times.icoDeadlineAt;
    const latest = incident.assessments?.at(-1);
    const done = typeof req.query.done === 'string' ? req.query.done : undefined;
    this.pages.render(
      req,
      res,
      'incident',
      {
        title: `Incident ${incident.reference}`,
        incident,
        entity: GROUP_ENTITIES.find((e) => e.id === incident.entityId)?.name ?? incident.entityId,
        status: L.STATUS_LABELS[incident.status] ?? incident.status,
        owner: incident.ownerId ? who(incident.ownerId) : incident.ownerId === null ? 'Nobody yet' : undefined,
        next: open ? nextStep({ status: incident.status, awareConfirmed: incident.times.awareConfirmed }) : undefined,
        outstanding: incident.outstandingObligations ?? [],
        dataCategories: incident.report.dataCategories.map((c) => L.DATA_CATEGORY_LABELS[c] ?? c),
        subjectCategories: incident.report.subjectCategories.map((c) => L.SUBJECT_CATEGORY_LABELS[c] ?? c),
        clock: {
          deadline,
          live: clockRuns,
          left: timeLeft(deadline, now),
          urgency: clockRuns ? urgency(deadline, now) : 'ok',
        },
        timeline: entries.map((e) => ({ ...e, who: who(e.actorId), at: new Date(e.at).toISOString() })),
        information: incident.information.map((i) => ({ ...i, who: who(i.by) })),
        latest: latest && {
          ...latest,
          risk: L.RISK_LABELS[latest.recommendation.riskLevel],
          view: L.RISK_LABELS[latest.assessorView.riskLevel],
        },
        can: stepsFor(actor.roles, incident),
        v: this.values(incident, now, state),
        preview: state?.recommendation && previewOf(state.recommendation),
        errors: state ? anchored(state.step, state.errors) : [],
        done: done ? DONE[done] : undefined,
        people: people.map((p) => ({ value: p.id, text: p.displayName })),
        lessons: incident.lessons && this.lessonsView(incident.lessons, who),
        // Only the team's view holds who was told: a reporter would see every controller as untold.
        controllers: incident.controllersNotified
          ? incident.report.processorFor.map((c) => ({
              ...c,
              told: incident.controllersNotified?.find((n) => n.controllerId === c.controllerId),
            }))
          : [],
        labels: L,
        choices: {
          ...ASSESSMENT_CHOICES,
          dataCategories: L.options(L.DATA_CATEGORY_LABELS),
          subjectCategories: L.options(L.SUBJECT_CATEGORY_LABELS),
          exemptions: L.options(L.EXEMPTION_LABELS),
          methods: L.options(L.METHOD_LABELS),
          rootCauses: L.options(L.ROOT_CAUSE_LABELS),
          circulationRoles: L.options(L.CIRCULATION_ROLE_LABELS),
          entities: GROUP_ENTITIES.map((e) => ({ value: e.id, text: e.name })),
          // Each controller is told once: only those not yet told can be chosen.
          controllers: incident.report.processorFor
            .filter((c) => !incident.controllersNotified?.some((n) => n.controllerId === c.controllerId))
            .map((c) => ({ value: c.controllerId, text: c.name })),
          // A circular can only be read by someone with a role that reaches "Lessons learnt".
          recipients: people
            .filter((p) => p.roles.some((r) => r !== 'admin'))
            .map((p) => ({ value: p.id, text: p.displayName })),
          yesNo: YES_NO,
          yesNoUnknown: [...YES_NO, { value: 'unknown', text: 'Not known' }],
        },
      },
      status,
    );
  }

  /** The lessons with names for ids: each action's owner, and who has and has not read the circular. */
  private lessonsView(lessons: NonNullable<View['lessons']>, who: (id: string) => string) {
    const read = new Set(lessons.acknowledgedBy.map((a) => a.personId));
    return {
      ...lessons,
      rootCause: L.ROOT_CAUSE_LABELS[lessons.rootCause] ?? lessons.rootCause,
      actions: lessons.actions.map((a) => ({
        ...a,
        owner: who(a.ownerId),
        statusText: L.ACTION_STATUS_LABELS[a.status] ?? a.status,
        open: a.status === 'open',
      })),
      readBy: lessons.acknowledgedBy.map((a) => ({ name: who(a.personId), at: a.at })),
      notRead: lessons.circulatedTo.filter((id) => !read.has(id)).map(who),
    };
  }

  /** Each form's values: what was just typed into it, else sensible starting values. */
  private values(incident: View, now: Date, state?: FormState): Record<string, Record<string, unknown>> {
    const facts = (incident.assessments?.at(-1)?.facts ?? {}) as Record<string, unknown>;
    const defaults: Record<string, Record<string, unknown>> = {
      awareness: { awareAt: utcToLondonLocal(incident.times.awareAt) },
      assessment: {
        dataCategories: incident.report.dataCategories,
        subjectCategories: incident.report.subjectCategories,
        approxSubjects: incident.report.approxSubjects ?? '',
        ...Object.fromEntries(
          Object.entries(facts).map(([k, v]) => [k, typeof v === 'boolean' || v === null ? yesNo(v) : v]),
        ),
      },
      icoSubmission: { submittedAt: utcToLondonLocal(now) },
      subjectsNotified: { notifiedAt: utcToLondonLocal(now), count: incident.report.approxSubjects ?? '' },
      icoSupplementary: { submittedAt: utcToLondonLocal(now) },
      controllerNotified: { notifiedAt: utcToLondonLocal(now) },
      lessons: { actionRows: actionRows(undefined) },
    };
    // Templates read `v.icoSubmission`: Handlebars paths cannot hold a hyphen.
    if (state) defaults[state.step.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = state.values;
    if (state?.step === 'lessons') defaults.lessons.actionRows = actionRows(state.values);
    return defaults;
  }
}
