import type { Role } from '#libs/directory';

/** The parts of the incident view that decide which forms show. Reporters' views lack most of them. */
export interface PermissionFacts {
  closedAt: string | null;
  ownerId?: string | null;
  escalatedTo?: string[];
  assessments?: unknown[];
  decision?: { notifyIco: boolean; notifySubjects: boolean } | null;
  icoSubmission?: unknown;
  lessons?: { actions: { status: string }[] } | null;
  report?: { processorFor?: unknown[] };
}

/**
 * Which step forms the page offers this person now: their role may (as the API's @Roles)
 * and the incident is at a point where the step makes sense. The aggregate still decides.
 */
export function stepsFor(roles: Role[], s: PermissionFacts) {
  const team = roles.includes('dpo') || roles.includes('governance');
  const emtEscalated = roles.includes('emt') && (s.escalatedTo ?? []).includes('emt');
  const reporter = roles.includes('colleague') || roles.includes('partner');
  const open = !s.closedAt;
  const owned = Boolean(s.ownerId);
  const assessed = (s.assessments ?? []).length > 0;
  return {
    information: open && (reporter || team),
    acknowledge: team && open && !owned,
    notABreach: team && open && !s.decision,
    awareness: team && open,
    containment: team && open && owned,
    assessment: team && open && owned,
    decision: (team || emtEscalated) && open && assessed,
    icoSubmission: team && open && Boolean(s.decision?.notifyIco) && !s.icoSubmission,
    subjectsNotified: team && open && Boolean(s.decision?.notifySubjects),
    lessons: team && open && owned && !s.lessons,
    lessonsCirculate: team && open && Boolean(s.lessons),
    lessonsActions: team && open && Boolean(s.lessons?.actions.some((a) => a.status === 'open')),
    icoSupplementary: team && open && Boolean(s.icoSubmission),
    controllerNotified: team && open && (s.report?.processorFor?.length ?? 0) > 0,
    close: team && open && Boolean(s.decision),
    reopen: team && !open,
    documents: team,
  };
}
