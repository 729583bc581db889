import { type BreachFacts, hasBreachType } from './breach-facts';
import type { DimensionRisk } from './assessment';
import type { EnisaAssessment } from './enisa';

// These two ignore the DPC × EI part of the ENISA score, which measures the harm of the data
// being seen. When data is altered or unavailable, the harm is to people who rely on it, so
// the level follows how long it is wrong or gone and how much it matters to the person
// (`personalSeverity`: DPC without the volume raise; volume does not make one person's loss
// worse, and it is already in the ENISA score shown beside this).

/** Wrong records: the originals may be restorable, and the altered data may have been used. */
export function integrityRisk(facts: BreachFacts, enisa: EnisaAssessment): DimensionRisk | null {
  if (!hasBreachType(facts, 'integrity')) return null;
  if (facts.backupAvailable === true) {
    if (facts.maliciousIntent && !(facts.recoveredOrDeleted && facts.containedQuickly)) {
      return {
        level: 'risk',
        reasons: [
          'The data was altered deliberately; the originals can be restored, but the altered data may have been relied on before then (ENISA 2013, loss of integrity).',
        ],
      };
    }
    return {
      level: 'none',
      reasons: [
        'The altered data can be restored from a backup, so its integrity adds no lasting risk (ENISA 2013: altered but recoverable).',
      ],
    };
  }
  if (facts.backupAvailable === null) {
    return {
      level: 'risk',
      reasons: [
        'It is not known whether the original data can be restored, so wrong records may be relied on (ENISA 2013: recovery doubtful).',
      ],
    };
  }
  const serious = enisa.personalSeverity >= 4;
  return {
    level: serious ? 'high' : 'risk',
    reasons: [
      serious
        ? `The altered data cannot be restored and is of the most sensitive kind for the people it is about (DPC ${enisa.personalSeverity} before volume), so decisions about their care, safety or rights may rest on wrong records (ENISA 2013: altered without recovery).`
        : 'The altered data cannot be restored, so decisions about people may rest on wrong records (ENISA 2013: altered without recovery).',
    ],
  };
}

/** Lost access: how long for, and whether people depend on the data for care or support. */
export function availabilityRisk(facts: BreachFacts, enisa: EnisaAssessment): DimensionRisk | null {
  if (!hasBreachType(facts, 'availability')) return null;
  const severity = enisa.personalSeverity;
  switch (facts.availabilityLoss) {
    case 'days':
      return severity >= 4
        ? {
            level: 'high',
            reasons: [
              `Data of the most sensitive kind for the people it is about (DPC ${severity} before volume), such as health or support needs, was unavailable for days; people who depend on it for care or support could be harmed (WP250rev.01 Annex B example viii; EDPB Guidelines 01/2021 Case 03).`,
            ],
          }
        : {
            level: 'risk',
            reasons: [
              'The data was unavailable for days, which is a risk to people who needed it in that time (EDPB Guidelines 01/2021 Case 02).',
            ],
          };
    case 'permanent':
      return severity >= 3
        ? {
            level: 'high',
            reasons: [
              `Data that matters greatly to the people it is about (DPC ${severity} before volume) is lost for good, so its loss may seriously affect them (WP250rev.01 Annex B example iv).`,
            ],
          }
        : {
            level: 'risk',
            reasons: [
              'The data is lost for good and cannot be restored, which is a risk to the people it is about (WP250rev.01 Annex B example iv).',
            ],
          };
    default:
      return {
        level: 'none',
        reasons: [
          'The data was available again within hours, so the loss of availability is unlikely to harm anyone (WP250rev.01 Annex B examples iii and iv; EDPB Guidelines 01/2021 Case 01).',
        ],
      };
  }
}
