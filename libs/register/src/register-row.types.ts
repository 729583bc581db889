import type { IncidentStatus, RiskLevel } from '#libs/incidents';

/**
 * Where an incident stands with the ICO. A decision to report that has not yet been sent is
 * `to-report`, kept apart from `reported`: it is an obligation still open, which the executive
 * team should see as such rather than as a report made.
 */
export const OUTCOMES = ['reported', 'to-report', 'not-reported', 'not-a-breach', 'undecided'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** `emt` and `auditor` get the anonymised view; `dpo` and `governance` the full one. */
export type RegisterView = 'anonymised' | 'full';

/**
 * Art. 33(5) register entry with no personal data and no free text: categories, counts, times,
 * enumerated decisions and root causes. Free text typed by people (even short fields such as the
 * ICO case reference or a notification method) is left to the full row, because any of it could
 * hold a name.
 */
export interface AnonymisedRegisterRow {
  reference: string;
  entityId: string;
  status: IncidentStatus;
  outcome: Outcome;
  reportedVia: 'colleague' | 'partner';
  occurredAt: string | null;
  discoveredAt: string;
  reportedAt: string;
  awareAt: string;
  awareConfirmed: boolean;
  icoDeadlineAt: string;
  processorForControllers: number;
  dataCategories: string[];
  subjectCategories: string[];
  approxSubjects: number | null;
  approxRecords: number | null;
  specialCategory: boolean;
  criminalOffence: boolean;
  breachTypes: string[];
  cause: string | null;
  recommendedRiskLevel: RiskLevel | null;
  recommendedNotifyIco: boolean | null;
  recommendedNotifySubjects: boolean | null;
  enisaScore: number | null;
  enisaBand: string | null;
  assessedRiskLevel: RiskLevel | null;
  assessedLikelihood: string | null;
  assessedSeverity: string | null;
  decidedAt: string | null;
  decisionNotifyIco: boolean | null;
  decisionNotifySubjects: boolean | null;
  subjectsExemption: string | null;
  differsFromRecommendation: boolean | null;
  icoSubmittedAt: string | null;
  icoPhased: boolean | null;
  /** submittedAt ≤ awareAt + 72 h; null when nothing was sent to the ICO. */
  icoWithin72h: boolean | null;
  hoursAwareToIco: number | null;
  /** Art. 33(1): a late notification must give reasons; the reasons themselves are free text. */
  delayReasonsGiven: boolean | null;
  icoSupplementarySubmissions: number;
  subjectsNotifiedCount: number;
  subjectsFirstNotifiedAt: string | null;
  controllersNotified: number;
  controllersNotifiedLate: number;
  rootCause: string | null;
  lessonActions: number;
  lessonActionsOpen: number;
  lessonActionsOverdue: number;
  lessonsCirculatedTo: number;
  lessonsAcknowledged: number;
  closedAt: string | null;
  reopenings: number;
}

/** The whole entry for the DPO and the Head of Governance: the anonymised facts plus the words. */
export interface FullRegisterRow extends AnonymisedRegisterRow {
  reportedBy: string;
  ownerId: string | null;
  decidedBy: string | null;
  summary: string;
  howDiscovered: string;
  /** Art. 33(5) "its effects": the findings of the investigation, oldest first. */
  effects: string;
  /** Art. 33(5) "the remedial action taken": containment when reported, then each containment step. */
  remedialAction: string;
  assessorRationale: string | null;
  recommendationReasons: string[];
  icoReasons: string | null;
  subjectsReasons: string | null;
  decisionJustification: string | null;
  icoReference: string | null;
  delayReasons: string | null;
  subjectsNotifiedMethods: string[];
  notBreachReason: string | null;
  lessonsNarrative: string | null;
  lessonsChanges: string | null;
  lessonActionDescriptions: string[];
}

export type RegisterRow = AnonymisedRegisterRow | FullRegisterRow;
