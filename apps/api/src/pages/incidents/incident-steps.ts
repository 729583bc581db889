import type { ClassConstructor } from 'class-transformer';
import * as I from '#libs/incidents';
import type { Principal } from '#libs/auth';
import * as D from '../../incidents/incident-commands.dto';
import type { FieldError, FormSpec, RawForm } from '../forms/form-input';
import { actionsFromForm } from './lessons-form';

/** One form on the incident page: its fields, the API's DTO, and the command it sends. */
export interface StepForm<T extends object = object> {
  dto: ClassConstructor<T>;
  spec: FormSpec;
  command(id: string, actor: Principal, version: number | undefined, value: T): I.IncidentCommand;
  /** Values the form does not ask for. */
  fixed?: Record<string, unknown>;
  /** Values made from fields the spec cannot describe (rows of a table), with their errors. */
  extra?(raw: RawForm): Promise<{ value: Record<string, unknown>; errors: FieldError[] }>;
  /** Said on the page after it was recorded. */
  done: string;
}

const step = <T extends object>(s: StepForm<T>) => s as unknown as StepForm;

class NoFields {}

/** The steps with plain fields; the assessment has its own form (assessment-form.ts). */
export const STEPS: Record<string, StepForm> = {
  information: step({
    dto: D.NoteDto,
    spec: { note: { kind: 'text', message: 'Enter what you want to add (up to 5,000 characters)' } },
    command: (id, a, v, d) => new I.AddInformationCommand(id, a, v, d.note),
    done: 'Your information has been added.',
  }),
  acknowledge: step({
    dto: NoFields,
    spec: {},
    command: (id, a, v) => new I.AcknowledgeIncidentCommand(id, a, v),
    done: 'Acknowledged: you own this incident.',
  }),
  'not-a-breach': step({
    dto: D.ReasonDto,
    spec: { reason: { kind: 'text', message: 'Say why this is not a personal data breach' } },
    command: (id, a, v, d) => new I.CloseAsNotBreachCommand(id, a, v, d.reason),
    done: 'Closed as not a personal data breach.',
  }),
  awareness: step({
    dto: D.ConfirmAwarenessDto,
    spec: {
      awareAt: { kind: 'london-time', message: 'Enter when the group became aware, as a real UK date and time' },
      justification: { kind: 'text', message: 'Say why this is the moment of awareness' },
    },
    command: (id, a, v, d) => new I.ConfirmAwarenessCommand(id, a, v, d.awareAt, d.justification),
    done: 'Awareness time confirmed; the clock now runs from it.',
  }),
  containment: step({
    dto: D.ContainmentDto,
    spec: {
      actions: { kind: 'text', message: 'Describe the containment and recovery actions' },
      findings: { kind: 'text', message: 'Findings can be up to 5,000 characters' },
    },
    command: (id, a, v, d) => new I.RecordContainmentCommand(id, a, v, d.actions, d.findings),
    done: 'Containment recorded.',
  }),
  decision: step({
    dto: D.DecisionDto,
    spec: {
      notifyIco: { kind: 'yes-no', message: 'Say whether to notify the ICO' },
      icoReasons: { kind: 'text', message: 'Give the reasons for the ICO decision' },
      notifySubjects: { kind: 'yes-no', message: 'Say whether to tell the people affected' },
      subjectsExemption: { kind: 'optional-choice', message: 'Choose an exemption from the list, or none' },
      subjectsReasons: { kind: 'text', message: 'Give the reasons for the decision about the people affected' },
      justification: { kind: 'optional-text', message: 'The justification can be up to 5,000 characters' },
    },
    command: (id, a, v, d) =>
      new I.RecordDecisionCommand(id, a, v, {
        ...d,
        subjectsExemption: d.subjectsExemption ?? null,
        justification: d.justification ?? null,
      }),
    done: 'Decision recorded.',
  }),
  'ico-submission': step({
    dto: D.IcoSubmissionDto,
    spec: {
      submittedAt: { kind: 'london-time', message: 'Enter when the report was submitted, as a real UK date and time' },
      icoReference: { kind: 'text', message: 'Enter the ICO case reference (up to 64 characters)' },
      phased: { kind: 'checkbox', message: 'Tick if more information will follow' },
      delayReasons: { kind: 'optional-text', message: 'The reasons for delay can be up to 5,000 characters' },
    },
    command: (id, a, v, d) =>
      new I.RecordIcoSubmissionCommand(id, a, v, { ...d, delayReasons: d.delayReasons ?? null }),
    done: 'ICO submission recorded.',
  }),
  'subjects-notified': step({
    dto: D.SubjectsNotifiedDto,
    spec: {
      notifiedAt: { kind: 'london-time', message: 'Enter when people were told, as a real UK date and time' },
      method: { kind: 'text', message: 'Choose how people were told' },
      count: { kind: 'integer', message: 'Enter how many people were told, as a whole number' },
    },
    command: (id, a, v, d) => new I.RecordSubjectsNotifiedCommand(id, a, v, { ...d }),
    done: 'Recorded that the people affected were told.',
  }),
  lessons: step({
    dto: D.LessonsDto,
    spec: {
      rootCause: { kind: 'text', message: 'Choose the root cause' },
      narrative: { kind: 'text', message: 'Describe what happened and why' },
      changes: { kind: 'text', message: 'Say what is changing as a result' },
    },
    extra: actionsFromForm,
    command: (id, a, v, d) =>
      new I.RecordLessonsCommand(id, a, v, { ...d, actions: d.actions.map((action) => ({ ...action })) }),
    done: 'Lessons learnt recorded.',
  }),
  'lessons-circulate': step({
    dto: D.CirculateDto,
    spec: {
      roles: { kind: 'checkboxes', message: 'Choose the roles to send the lessons to' },
      entityIds: { kind: 'checkboxes', message: 'Choose the parts of the group to send the lessons to' },
      personIds: { kind: 'checkboxes', message: 'Choose the people to send the lessons to' },
    },
    command: (id, a, v, d) =>
      new I.CirculateLessonsCommand(id, a, v, { personIds: d.personIds, roles: d.roles, entityIds: d.entityIds }),
    done: 'Lessons circulated: each recipient sees them on their own list.',
  }),
  'lessons-action': step({
    dto: D.ActionUpdateFormDto,
    spec: {
      actionId: { kind: 'text', message: 'Choose an action' },
      status: { kind: 'text', message: 'Choose whether the action is done or accepted' },
      reason: { kind: 'optional-text', message: 'The reason can be up to 2,000 characters' },
    },
    command: (id, a, v, d) => new I.UpdateLessonActionCommand(id, a, v, d.actionId, d.status, d.reason ?? null),
    done: 'Action updated.',
  }),
  'ico-supplementary': step({
    dto: D.IcoSupplementaryDto,
    spec: {
      submittedAt: { kind: 'london-time', message: 'Enter when it was sent, as a real UK date and time' },
      summary: { kind: 'text', message: 'Say what was sent to the ICO (up to 5,000 characters)' },
    },
    command: (id, a, v, d) => new I.RecordIcoSupplementaryCommand(id, a, v, d.submittedAt, d.summary),
    done: 'Further information to the ICO recorded.',
  }),
  'controller-notified': step({
    dto: D.ControllerNotifiedDto,
    spec: {
      controllerId: { kind: 'text', message: 'Choose the controller you told' },
      notifiedAt: { kind: 'london-time', message: 'Enter when they were told, as a real UK date and time' },
      method: { kind: 'text', message: 'Choose how they were told' },
    },
    command: (id, a, v, d) => new I.RecordControllerNotifiedCommand(id, a, v, { ...d }),
    done: 'Recorded that the controller was told.',
  }),
  close: step({
    dto: D.SummaryDto,
    spec: { summary: { kind: 'text', message: 'The closing summary can be up to 5,000 characters' } },
    command: (id, a, v, d) => new I.CloseIncidentCommand(id, a, v, d.summary),
    done: 'Incident closed.',
  }),
  reopen: step({
    dto: D.ReasonDto,
    spec: { reason: { kind: 'text', message: 'Say why the incident is being reopened' } },
    command: (id, a, v, d) => new I.ReopenIncidentCommand(id, a, v, d.reason),
    done: 'Incident reopened.',
  }),
};
