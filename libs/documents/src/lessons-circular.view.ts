import type { IncidentState, RootCause } from '#libs/incidents';
import type { DocumentContext } from './document-context';
import { DocumentErrors } from './documents.errors';
import { ACTION_STATUS_LABELS, ROOT_CAUSE_LABELS } from './labels';
import { londonDate } from './view-common';

/**
 * Every field the lessons-learnt circular reads (policy §6.9): what went wrong, why, and what
 * changes, for colleagues across the group. It carries the DPO's own words on the lessons and
 * nothing from the report itself, so the breach's details stay on the incident.
 */
export interface LessonsCircularView {
  reference: string;
  date: string;
  entityName: string;
  rootCause: string;
  narrative: string;
  changes: string;
  actions: { description: string; due: string; status: string }[];
  dpo: DocumentContext['dpo'];
}

export function lessonsCircularView(s: IncidentState, ctx: DocumentContext): LessonsCircularView {
  if (!s.lessons) throw DocumentErrors.needsLessons();
  return {
    reference: s.reference,
    date: londonDate(ctx.now.toISOString()),
    entityName: ctx.entityName,
    rootCause: ROOT_CAUSE_LABELS[s.lessons.rootCause as RootCause] ?? s.lessons.rootCause,
    narrative: s.lessons.narrative,
    changes: s.lessons.changes,
    actions: s.lessons.actions.map((a) => ({
      description: a.description,
      due: londonDate(a.dueAt),
      status: ACTION_STATUS_LABELS[a.status],
    })),
    dpo: { ...ctx.dpo },
  };
}
