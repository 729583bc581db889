import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EscalationPolicy } from '#libs/clock';
import { EscalationPolicyDto } from '../../admin/escalation-policy.dto';
import type { FieldError, RawForm } from '../forms/form-input';

/** Rows for escalation steps: the current ones plus blanks, so one can be added without JS. */
export const ESCALATION_ROWS = 4;

const list = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string' && s !== '');
const str = (v: unknown) => list(v)[0]?.trim() ?? '';

/** The form's flat fields (`unless0`, `afterHours0`, `to0`, …) as the policy the API accepts. */
export function policyFromForm(raw: RawForm): Omit<EscalationPolicy, 'version'> {
  const escalations = [];
  for (let i = 0; i < ESCALATION_ROWS; i += 1) {
    const hours = str(raw[`afterHours${i}`]);
    if (!hours) continue; // a blank row is not a step
    escalations.push({ unless: str(raw[`unless${i}`]), afterHours: Number(hours), to: str(raw[`to${i}`]) });
  }
  const reminders = str(raw.remindOwnerBeforeDeadlineHours);
  return {
    notifyAtReport: list(raw.notifyAtReport),
    escalations,
    remindOwnerBeforeDeadlineHours: reminders
      ? reminders
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number)
      : [],
    notifyWhenDeadlineMissed: list(raw.notifyWhenDeadlineMissed),
  } as Omit<EscalationPolicy, 'version'>;
}

/** The DTO's checks, as the JSON API runs them, in words an administrator can act on. */
export async function policyFormErrors(policy: object): Promise<FieldError[]> {
  const problems = await validate(plainToInstance(EscalationPolicyDto, policy), { whitelist: true });
  const fields = new Set(problems.map((p) => p.property));
  const errors: FieldError[] = [];
  if (fields.has('notifyAtReport'))
    errors.push({ field: 'notifyAtReport', message: 'Choose who is told of a new report' });
  if (fields.has('escalations')) {
    errors.push({
      field: 'afterHours0',
      message: 'Each escalation needs a number of hours, a condition and who to tell',
    });
  }
  if (fields.has('remindOwnerBeforeDeadlineHours')) {
    errors.push({
      field: 'remindOwnerBeforeDeadlineHours',
      message: 'Enter the reminder times as numbers of hours, separated by commas',
    });
  }
  if (fields.has('notifyWhenDeadlineMissed')) {
    errors.push({ field: 'notifyWhenDeadlineMissed', message: 'Choose who hears of a missed deadline' });
  }
  return errors;
}

/** The current policy as the form's values. */
export function policyToForm(policy: EscalationPolicy): Record<string, unknown> {
  const values: Record<string, unknown> = {
    notifyAtReport: policy.notifyAtReport,
    remindOwnerBeforeDeadlineHours: policy.remindOwnerBeforeDeadlineHours.join(', '),
    notifyWhenDeadlineMissed: policy.notifyWhenDeadlineMissed,
  };
  policy.escalations.forEach((e, i) => {
    Object.assign(values, { [`unless${i}`]: e.unless, [`afterHours${i}`]: String(e.afterHours), [`to${i}`]: e.to });
  });
  return values;
}
