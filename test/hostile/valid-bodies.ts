import { DEMO_EXTERNAL_CONTROLLER } from '#libs/directory';
import { aReport, personId, REPORT_FACTS } from '../support/api';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const FACTS = REPORT_FACTS;

/** The escalation policy every test starts from (DESIGN.md), as a PUT body. */
export const DEFAULT_POLICY_BODY = {
  notifyAtReport: ['dpo'],
  escalations: [
    { unless: 'acknowledged', afterHours: 4, to: 'governance' },
    { unless: 'decided', afterHours: 48, to: 'emt' },
  ],
  remindOwnerBeforeDeadlineHours: [24, 12, 4],
  notifyWhenDeadlineMissed: ['dpo', 'governance', 'emt'],
};

/**
 * A body each command would accept in some state of an incident, keyed by the step's path.
 * `text` is put in every free-text field, so the privacy canary can use the same bodies.
 */
export function validBodies(text = 'Nothing personal here.'): Record<string, object> {
  return {
    report: aReport({ summary: text, howDiscovered: text, containmentSoFar: text }),
    information: { note: text },
    acknowledge: {},
    'close-as-not-breach': { reason: text },
    awareness: { awareAt: ago(90), justification: text },
    containment: { actions: text, findings: text },
    assessments: {
      facts: FACTS,
      assessorView: { riskLevel: 'risk', likelihood: 'possible', severity: 'significant', rationale: text },
    },
    decision: {
      notifyIco: true,
      icoReasons: text,
      notifySubjects: false,
      subjectsExemption: null,
      subjectsReasons: text,
      justification: text,
    },
    'ico-submissions': { submittedAt: ago(30), icoReference: 'IC-000001-TEST', phased: true, delayReasons: text },
    'ico-submissions/supplementary': { submittedAt: ago(10), summary: text },
    'subjects-notified': { notifiedAt: ago(10), method: 'email', count: 40 },
    'controller-notified': { controllerId: DEMO_EXTERNAL_CONTROLLER.id, notifiedAt: ago(20), method: 'email' },
    lessons: {
      rootCause: 'misdirected-email-or-post',
      narrative: text,
      changes: text,
      actions: [{ description: text, ownerId: personId('governance'), dueAt: inDays(14) }],
    },
    'lessons/circulate': { personIds: [personId('priya')], roles: ['emt'], entityIds: ['HHL'] },
    'lessons/actions': { status: 'accepted', reason: text },
    close: { summary: text },
    reopen: { reason: text },
  };
}
