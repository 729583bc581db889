import { DomainError } from '#libs/shared';

/** Refusals of the incident's rules (HTTP 422); each code names the rule. */
export const IncidentErrors = {
  closed: () => new DomainError('incident_closed', 'The incident is closed; reopen it first.'),
  notClosed: () => new DomainError('incident_not_closed', 'Only a closed incident can be reopened.'),
  alreadyAcknowledged: () => new DomainError('already_acknowledged', 'The incident has already been acknowledged.'),
  notAcknowledged: () => new DomainError('not_acknowledged', 'Acknowledge the incident first.'),
  notABreach: () => new DomainError('closed_as_not_breach', 'The incident was closed as not a personal data breach.'),
  alreadyDecided: () =>
    new DomainError(
      'already_decided',
      'A notification decision exists; a report cannot now be closed as not a breach.',
    ),
  timesOutOfOrder: (rule: string) => new DomainError('times_out_of_order', rule),
  timeInFuture: (field: string) => new DomainError('time_in_future', `${field} cannot be in the future.`),
  reasonRequired: (field: string) => new DomainError('reason_required', `${field} needs a recorded reason.`),
  noAssessment: () => new DomainError('no_assessment', 'Record a risk assessment before deciding.'),
  justificationRequired: () =>
    new DomainError(
      'justification_required',
      'The decision differs from the recommendation: record the justification.',
    ),
  notEntitledToDecide: () =>
    new DomainError(
      'not_entitled_to_decide',
      'Only the DPO, the Head of Governance, or an EMT member the incident has been escalated to may decide.',
      'forbidden',
    ),
  exemptionMismatch: () =>
    new DomainError('exemption_mismatch', 'Name an Art. 34(3) exemption only when data subjects are not to be told.'),
  noIcoDecision: () => new DomainError('ico_not_decided', 'The decision is not to notify the ICO.'),
  icoNotYetNotified: () => new DomainError('ico_not_notified', 'Record the initial ICO submission first.'),
  icoAlreadyNotified: () =>
    new DomainError('ico_already_notified', 'The initial ICO submission is recorded; add a supplementary submission.'),
  delayReasonsRequired: () =>
    new DomainError(
      'delay_reasons_required',
      'The submission is after the 72-hour deadline: Art. 33(1) requires the reasons for the delay.',
    ),
  noSubjectsDecision: () => new DomainError('subjects_not_decided', 'The decision is not to tell the data subjects.'),
  notProcessorFor: () =>
    new DomainError('not_processor_for_controller', 'The group is not recorded as processor for that controller.'),
  alreadyNotifiedController: () =>
    new DomainError('controller_already_notified', 'That controller has already been told.'),
  obligationsOutstanding: (missing: string[]) =>
    new DomainError('obligations_outstanding', `The incident cannot close yet: ${missing.join('; ')}.`, 'rule', {
      missing,
    }),
  erased: () =>
    new DomainError('incident_erased', 'The personal details of this incident were erased after its retention period.'),
  noLessons: () => new DomainError('no_lessons', 'Record the lessons learnt first.'),
  lessonsCirculated: () =>
    new DomainError('lessons_circulated', 'The lessons have been circulated; they can no longer be rewritten.'),
  noRecipients: () => new DomainError('no_recipients', 'Choose at least one person to circulate the lessons to.'),
  unknownAction: () => new DomainError('unknown_action', 'There is no such lessons-learnt action.'),
  actionClosed: () => new DomainError('action_closed', 'That action is already done or accepted.'),
  notSentLessons: () =>
    new DomainError('lessons_not_found', 'No such lessons, or they were not sent to you.', 'not-found'),
  notReporter: () => new DomainError('incident_not_found', 'No such incident, or you may not see it.', 'not-found'),
};
