export { assess } from './domain/assess';
export {
  AVAILABILITY_LOSSES,
  BREACH_TYPES,
  CAUSES,
  DATA_CATEGORIES,
  DISCLOSURES,
  PROTECTIONS,
  SPECIAL_CATEGORIES,
  SUBJECT_CATEGORIES,
  parseFacts,
} from './domain/breach-facts';
export type {
  AvailabilityLoss,
  BreachFacts,
  BreachType,
  Cause,
  DataCategory,
  Disclosure,
  ParseFactsResult,
  Protection,
  SubjectCategory,
} from './domain/breach-facts';
export { RISK_LEVELS, SUBJECTS_EXEMPTIONS } from './domain/assessment';
export type { Assessment, RiskLevel, SubjectsExemption } from './domain/assessment';
export { ENISA_BANDS } from './domain/enisa';
export type { EnisaBand, EnisaScore } from './domain/enisa';
