import type { Role } from '#libs/directory';

/** Who did something. Ids and roles only: names live in the directory. */
export interface Actor {
  id: string;
  roles: Role[];
  partnerId: string | null;
}

/** An external controller for whom the group processed the data (Art. 33(2)). */
export interface ProcessorContract {
  controllerId: string;
  name: string;
  notifyWithinHours: number;
}

/** What a colleague or partner tells us. Times are ISO 8601 strings (UTC). */
export interface ReportFacts {
  summary: string;
  howDiscovered: string;
  containmentSoFar: string;
  occurredAt: string | null;
  discoveredAt: string;
  entityId: string;
  processorFor: ProcessorContract[];
  dataCategories: string[];
  subjectCategories: string[];
  approxSubjects: number | null;
  approxRecords: number | null;
  specialCategory: boolean;
  criminalOffence: boolean;
}

export type RiskLevel = 'none' | 'risk' | 'high';
export type SubjectsExemption = 'unintelligible' | 'subsequent-measures' | 'disproportionate-effort';

export interface Recommendation {
  riskLevel: RiskLevel;
  notifyIco: boolean;
  notifySubjects: boolean;
  subjectsExemption: SubjectsExemption | null;
  reasons: string[];
  [key: string]: unknown;
}

export interface AssessorView {
  riskLevel: RiskLevel;
  likelihood: 'remote' | 'possible' | 'likely' | 'very-likely';
  severity: 'minimal' | 'significant' | 'serious' | 'severe';
  rationale: string;
}

export interface DecisionFacts {
  notifyIco: boolean;
  icoReasons: string;
  notifySubjects: boolean;
  subjectsExemption: SubjectsExemption | null;
  subjectsReasons: string;
  justification: string | null;
}

export interface LessonAction {
  id: string;
  description: string;
  ownerId: string;
  dueAt: string;
}

/** An action's progress: closure needs every action done, or accepted with a reason. */
export interface ActionState extends LessonAction {
  status: 'open' | 'done' | 'accepted';
  reason: string | null;
  closedAt: string | null;
}

export type IncidentStatus =
  'reported' | 'acknowledged' | 'investigating' | 'assessed' | 'decided' | 'closed' | 'closed-not-breach';

/** Root causes of lessons learnt, the fixed list the register and the trends count by. */
export const ROOT_CAUSES = [
  'misdirected-email-or-post',
  'wrong-attachment',
  'failure-to-redact',
  'lost-or-stolen-device-or-paper',
  'phishing-or-cyber-attack',
  'system-or-process-failure',
  'contractor-or-partner',
  'other',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];
