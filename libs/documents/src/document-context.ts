export const DOCUMENT_KINDS = ['ico-report', 'subjects-letter', 'register-entry', 'lessons-circular'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What the incident's events do not hold, supplied by the caller at render time. */
export interface DocumentContext {
  /** The group entity (the controller) the incident belongs to, from the directory. */
  entityName: string;
  /**
   * External controllers' current names by controller id, from the directory. Optional: the
   * names recorded with the report are used for any id not listed.
   */
  controllerNames?: Readonly<Record<string, string>>;
  /** The DPO or other contact point (Art. 33(3)(b)). */
  dpo: { name: string; email: string; phone: string };
  /** Art. 34(2): the DPO's plain-language account for residents; the report summary otherwise. */
  plainSummary?: string;
  /** Practical steps for residents; a general paragraph otherwise. */
  adviceToSubjects?: string;
  /** When the document is produced: decides whether the 72 hours have passed for a draft. */
  now: Date;
}

export interface RenderedDocument {
  html: string;
  text: string;
  /** A file name without extension: the caller adds `.html` or `.txt` for the format it serves. */
  filename: string;
}
