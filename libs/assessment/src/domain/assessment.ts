import type { EnisaScore } from './enisa';

/** `none` means "unlikely to result in a risk to the rights and freedoms of natural persons". */
export const RISK_LEVELS = ['none', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Art. 34(3)(a), (b) and (c), in that order. */
export const SUBJECTS_EXEMPTIONS = ['unintelligible', 'subsequent-measures', 'disproportionate-effort'] as const;
export type SubjectsExemption = (typeof SUBJECTS_EXEMPTIONS)[number];

/** A recommendation with its reasons. It never decides: the DPO does, and records both. */
export interface Assessment {
  readonly riskLevel: RiskLevel;
  /** Art. 33(1): report unless the breach is unlikely to result in a risk. */
  readonly notifyIco: boolean;
  /** Art. 34(1): tell the people affected when the risk is high and no Art. 34(3) exemption applies. */
  readonly notifySubjects: boolean;
  /** Only set when the risk is high; null otherwise. */
  readonly subjectsExemption: SubjectsExemption | null;
  readonly enisa: EnisaScore;
  /** Plain-English sentences for the breach register. They hold no personal data. */
  readonly reasons: readonly string[];
}

/** The level for one kind of breach (confidentiality, integrity or availability), with why. */
export interface DimensionRisk {
  readonly level: RiskLevel;
  readonly reasons: readonly string[];
}

const RANK: { readonly [L in RiskLevel]: number } = { none: 0, risk: 1, high: 2 };

export function higherOf(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isAbove(a: RiskLevel, b: RiskLevel): boolean {
  return RANK[a] > RANK[b];
}
