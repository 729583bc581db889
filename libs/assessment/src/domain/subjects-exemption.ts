import type { SubjectsExemption } from './assessment';
import { type BreachFacts, type BreachType, hasBreachType } from './breach-facts';
import type { Exposure } from './exposure';

/** Above this, writing to everyone may be disproportionate when we hold no way to reach them. */
export const DISPROPORTIONATE_EFFORT_SUBJECTS = 10_000;

export interface ExemptionFinding {
  readonly exemption: SubjectsExemption | null;
  readonly reasons: readonly string[];
}

/**
 * Art. 34(3), looked at only when the risk is high. `highFrom` says which kinds of breach made
 * it high: an exemption must remove the risk that exists, not a different one.
 *
 * (a) "unintelligible" is not offered here. Encryption with a safe key already makes the
 * confidentiality risk unlikely (WP250rev.01 Annex B example i), so a high risk can only come
 * from lost or altered data, which encryption does not help with. The value stays in the
 * contract for a DPO's decision that takes a different view.
 */
export function subjectsExemption(
  facts: BreachFacts,
  exposure: Exposure,
  highFrom: ReadonlySet<BreachType>,
): ExemptionFinding {
  const reasons: string[] = [];
  if (
    facts.protection === 'encrypted-key-safe' &&
    hasBreachType(facts, 'confidentiality') &&
    !highFrom.has('confidentiality')
  ) {
    reasons.push(
      'Because the data was encrypted with the key safe, people need not be told that it may have been seen (Art. 34(3)(a)), but they do need to be told about the data that was lost or altered.',
    );
  }

  if (facts.recoveredOrDeleted && facts.containedQuickly) {
    const blocker = subsequentMeasuresBlocker(facts, exposure, highFrom);
    if (blocker === null) {
      reasons.push(
        'The data was got back, or the recipient confirmed deletion, quickly and before any misuse, so the high risk is no longer likely to materialise and telling people is not required (Art. 34(3)(b)). Keep the evidence of recovery or deletion with the register entry.',
      );
      return { exemption: 'subsequent-measures', reasons };
    }
    reasons.push(`${blocker} (Art. 34(3)(b) not relied on).`);
  }

  const unknownOrMany = facts.approxSubjects === null || facts.approxSubjects >= DISPROPORTIONATE_EFFORT_SUBJECTS;
  if (unknownOrMany && !facts.dataCategories.includes('contact')) {
    const who =
      facts.approxSubjects === null
        ? 'who was affected is not known'
        : `${DISPROPORTIONATE_EFFORT_SUBJECTS.toLocaleString('en-GB')} or more people are affected`;
    reasons.push(
      `Telling each person may involve disproportionate effort: ${who} and the breached data holds no contact details. A public communication or an equally effective measure is needed instead (Art. 34(3)(c)). If the group holds their contact details elsewhere, such as tenancy records, tell them directly.`,
    );
    return { exemption: 'disproportionate-effort', reasons };
  }
  return { exemption: null, reasons };
}

function subsequentMeasuresBlocker(
  facts: BreachFacts,
  exposure: Exposure,
  highFrom: ReadonlySet<BreachType>,
): string | null {
  if (highFrom.has('availability') || highFrom.has('integrity')) {
    return 'Getting the data back quickly does not undo the loss or alteration that makes the risk high';
  }
  if (facts.safeguardingRisk) {
    // Only the person can judge a threat to their safety and plan around it, and nobody can be
    // sure what a recipient remembers: they are told even if the data was got back.
    return 'The data was got back quickly, but with a safeguarding risk the person must be told so they can act on their own safety';
  }
  if (exposure.level === 'wide') {
    return 'Data that reached unknown people or the public cannot be shown to be gone';
  }
  if (facts.maliciousIntent && facts.dataExfiltrated === true) {
    return 'A promise to delete from someone who took the data deliberately cannot be relied on';
  }
  return null;
}
