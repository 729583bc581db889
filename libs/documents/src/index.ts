export * from './document-context';
export * from './document-renderer';
export * from './documents.module';
export type { IcoReportView } from './ico-report.view';
export type { SubjectsLetterView } from './subjects-letter.view';
export type { RegisterEntryView } from './register-entry.view';
export type { LessonsCircularView } from './lessons-circular.view';
export { ACTION_STATUS_LABELS, ROOT_CAUSE_LABELS } from './labels';
export * from './documents.errors';
