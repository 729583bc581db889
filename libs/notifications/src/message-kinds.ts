/**
 * Every message the service sends. The subject names the reference and what is asked,
 * never a person; the body carries the reference, the deadline, the ask and a link, never
 * the breach's personal data.
 */
export const MESSAGE_KINDS = {
  'new-report': { subject: 'new suspected breach to acknowledge' },
  'escalated-to-governance': { subject: 'not acknowledged: escalated to you' },
  'escalated-to-emt': { subject: 'no notification decision yet: escalated to you' },
  'deadline-reminder': { subject: 'ICO deadline approaching' },
  'ico-deadline-missed': { subject: 'ICO deadline passed' },
  'controller-deadline-missed': { subject: 'deadline to tell the controller passed' },
  'lessons-circulated': { subject: 'lessons learnt to read and acknowledge' },
  'action-reminder': { subject: 'a lessons-learnt action you own is due tomorrow' },
  'action-overdue': { subject: 'a lessons-learnt action is overdue' },
} as const;

export type MessageKind = keyof typeof MESSAGE_KINDS;

export function isMessageKind(value: string): value is MessageKind {
  return Object.hasOwn(MESSAGE_KINDS, value);
}

/** What every template may use; typed so a template cannot ask for something we never give. */
export interface MessageContext {
  reference: string;
  /** The ICO deadline in UK time with the zone named, e.g. `30 March 2027, 11:00 BST`. */
  deadline: string;
  /** Hours left before the deadline, for reminders (null otherwise). */
  hoursLeft: number | null;
  link: string;
  /** The action's due date in UK time, for action messages (null otherwise). */
  actionDue: string | null;
}
