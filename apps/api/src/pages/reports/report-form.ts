import { DATA_CATEGORIES, SUBJECT_CATEGORIES } from '#libs/assessment';
import { GROUP_ENTITIES } from '#libs/directory';
import type { FormSpec } from '../forms/form-input';
import { DATA_CATEGORY_LABELS, SUBJECT_CATEGORY_LABELS } from '../view/labels';

/** The report form's questions, in the order a colleague answers them. */
export const REPORT_SPEC: FormSpec = {
  summary: { kind: 'text', message: 'Say what happened, without names or other personal details' },
  occurredAt: {
    kind: 'optional-london-time',
    message: 'Enter when it happened as a real date and time in the past, or leave it blank',
  },
  discoveredAt: { kind: 'london-time', message: 'Enter when you found out, as a real date and time' },
  howDiscovered: { kind: 'text', message: 'Say how you found out' },
  entityId: { kind: 'text', message: 'Choose which part of the group the information belongs to' },
  dataCategories: { kind: 'checkboxes', message: 'Choose at least one kind of information' },
  subjectCategories: { kind: 'checkboxes', message: 'Choose whose information it is' },
  approxSubjects: {
    kind: 'optional-integer',
    message: 'Enter roughly how many people, as a whole number, or leave it blank',
  },
  specialCategory: { kind: 'checkbox', message: 'Tick if it includes health or other sensitive details' },
  criminalOffence: { kind: 'checkbox', message: 'Tick if it includes criminal allegations or convictions' },
  containmentSoFar: { kind: 'text', message: 'Say what you have done so far (up to 2,000 characters)' },
};

const sorted = (ids: readonly string[], labels: Record<string, string>) =>
  ids.map((value) => ({ value, text: labels[value] ?? value }));

/** The choices the form offers, straight from the lists the API validates against. */
export const REPORT_CHOICES = {
  entities: GROUP_ENTITIES.map((e) => ({ value: e.id, text: e.name })),
  dataCategories: sorted(DATA_CATEGORIES, DATA_CATEGORY_LABELS),
  subjectCategories: sorted(SUBJECT_CATEGORIES, SUBJECT_CATEGORY_LABELS),
};
