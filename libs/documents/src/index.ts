export * from './document-context';
export * from './document-renderer';
export * from './documents.module';
export type { IcoReportView } from './ico-report.view';
export type { SubjectsLetterView } from './subjects-letter.view';
export type { RegisterEntryView } from './register-entry.view';
export * from './documents.errors';
