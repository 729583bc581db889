import { LessonActionDto } from '../../incidents/incident-commands.dto';
import { FieldError, FormSpec, parseForm, RawForm } from '../forms/form-input';

/** Blank action rows on the lessons form: enough for most lessons, and more can follow as new lessons. */
export const ACTION_ROWS = 3;

const ACTION_SPEC: FormSpec = {
  description: { kind: 'text', message: 'describe the action (up to 2,000 characters)' },
  ownerId: { kind: 'text', message: 'choose who owns it' },
  dueAt: { kind: 'london-time', message: 'enter when it is due, as a real UK date and time' },
};

/** The form sends each column once per row (`actionDescription` three times), so row i is index i. */
const cell = (value: unknown, row: number): string => {
  const v: unknown = Array.isArray(value) ? value[row] : row === 0 ? value : undefined;
  // Forms send strings; anything else (a JSON body sent to a page) counts as not answered.
  return typeof v === 'string' ? v : '';
};

export interface ActionRow {
  description: string;
  ownerId: string;
  dueAt: string;
}

/** The rows as typed, for showing the form again: nothing the person typed is lost. */
export function actionRows(values: Record<string, unknown> | undefined): ActionRow[] {
  const raw = (values ?? {}) as RawForm;
  return Array.from({ length: ACTION_ROWS }, (_, i) => ({
    description: cell(raw.actionDescription, i),
    ownerId: cell(raw.actionOwner, i),
    dueAt: cell(raw.actionDue, i),
  }));
}

/**
 * The lessons' actions: a row left wholly blank is no action; a row partly filled must be
 * whole, checked by the API's own DTO, and its errors point at the row's fields.
 */
export async function actionsFromForm(
  raw: RawForm,
  now = new Date(),
): Promise<{ value: { actions: LessonActionDto[] }; errors: FieldError[] }> {
  const actions: LessonActionDto[] = [];
  const errors: FieldError[] = [];
  for (const [i, row] of actionRows(raw).entries()) {
    if (!row.description.trim() && !row.ownerId && !row.dueAt.trim()) continue;
    const parsed = await parseForm(LessonActionDto, ACTION_SPEC, { ...row });
    if (parsed.ok && new Date(parsed.value.dueAt).getTime() <= now.getTime()) {
      errors.push({ field: `action-${i}-dueAt`, message: `Action ${i + 1}: the due date must be in the future` });
    } else if (parsed.ok) actions.push({ ...parsed.value });
    else
      errors.push(
        ...parsed.errors.map((e) => ({ field: `action-${i}-${e.field}`, message: `Action ${i + 1}: ${e.message}` })),
      );
  }
  return { value: { actions }, errors };
}
