/**
 * How `assess` weighs factors that pull in different directions.
 *
 * The ENISA 2013 score (SE = DPC × EI + CB) is always computed and shown, but it is evidence,
 * not the verdict. The breach is looked at in three parts: data seen by someone who should not
 * have seen it (confidentiality), data changed (integrity), data out of reach (availability).
 * Each part gets its own level and the recommendation is the highest, so a mitigation of one
 * part never cancels harm from another: encryption stops a stolen laptop being read, but does
 * not bring back the only copy of what was on it.
 *
 * For confidentiality, named rules are tried from the strongest mitigation to the strongest
 * aggravation, and the first that applies settles the level: unintelligible data (encrypted,
 * key safe) is no risk; a trusted recipient who returned or deleted the data is no risk, or a
 * risk when special category data or a safeguarding concern is involved; a safeguarding risk
 * is high; readable special category or criminal offence data beyond a trusted recipient is
 * high; salted password hashes are no risk, readable credentials in unknown hands are high.
 * Mitigations go first because the guidance treats them as removing the likelihood of harm,
 * however severe that harm would be. When no rule applies the ENISA band decides (low: none,
 * medium: risk, high or very high: high); it is raised to a risk for special category data,
 * for data loose among unknown people and for data held by someone acting deliberately, and
 * lowered to a risk when the only recipient is trusted. Otherwise doubt leans to the higher
 * level: the ICO says serious consequences can make a risk high even when they are unlikely.
 *
 * For integrity and availability the level follows how long the data is wrong or gone and how
 * much it matters to one person, not DPC × EI, which measures the harm of data being seen.
 * Art. 34(3) exemptions are weighed only when the risk is high, and only against the part that
 * made it high; getting the data back never lifts the duty to tell someone facing a
 * safeguarding risk. Every factor that moves the result adds a sentence to `reasons`.
 * It recommends; people decide.
 */
import { type Assessment, type DimensionRisk, type RiskLevel, higherOf, isAbove } from './assessment';
import type { BreachFacts, BreachType } from './breach-facts';
import { confidentialityRisk, levelForBand } from './confidentiality-risk';
import { enisaAssessment } from './enisa';
import { availabilityRisk, integrityRisk } from './integrity-availability-risk';
import { subjectsExemption } from './subjects-exemption';

export function assess(facts: BreachFacts): Assessment {
  const enisa = enisaAssessment(facts);
  const reasons: string[] = [...enisa.reasons];

  const parts: [BreachType, DimensionRisk | null][] = [
    ['confidentiality', confidentialityRisk(facts, enisa)],
    ['integrity', integrityRisk(facts, enisa)],
    ['availability', availabilityRisk(facts, enisa)],
  ];
  let riskLevel: RiskLevel = 'none';
  const highFrom = new Set<BreachType>();
  for (const [type, part] of parts) {
    if (part === null) continue;
    reasons.push(...part.reasons);
    riskLevel = higherOf(riskLevel, part.level);
    if (part.level === 'high') highFrom.add(type);
  }
  const assessed = parts.filter((p): p is [BreachType, DimensionRisk] => p[1] !== null);
  if (assessed.length > 1) {
    const list = assessed.map(([type, part]) => `${type} ${part.level}`).join(', ');
    reasons.push(`Overall ${riskLevel}: the highest of the levels for each kind of breach (${list}).`);
  }
  if (enisa.exposure.level === 'none' && isAbove(levelForBand(enisa.score.band), riskLevel)) {
    reasons.push(
      'The ENISA score measures the harm if the data were seen; nobody outside the group saw it, so the recommendation follows the loss or alteration of the data instead.',
    );
  }

  const notifyIco = riskLevel !== 'none';
  reasons.push(icoReason(riskLevel));

  let subjectsExemptionFound: Assessment['subjectsExemption'] = null;
  if (riskLevel === 'high') {
    const finding = subjectsExemption(facts, enisa.exposure, highFrom);
    subjectsExemptionFound = finding.exemption;
    reasons.push(...finding.reasons);
  }
  const notifySubjects = riskLevel === 'high' && subjectsExemptionFound === null;
  reasons.push(...subjectsReasons(riskLevel, notifySubjects, facts.safeguardingRisk));
  reasons.push('This is a recommendation: the DPO decides, and records the decision and any difference from it.');

  return {
    riskLevel,
    notifyIco,
    notifySubjects,
    subjectsExemption: subjectsExemptionFound,
    enisa: enisa.score,
    reasons,
  };
}

function icoReason(level: RiskLevel): string {
  switch (level) {
    case 'none':
      return "Recommendation: the breach is unlikely to result in a risk to people's rights and freedoms, so it need not be reported to the ICO; record it and these reasons in the breach register (Art. 33(1) and 33(5)).";
    case 'risk':
      return 'Recommendation: report to the ICO without undue delay and within 72 hours of becoming aware, because a risk to people is likely (Art. 33(1)).';
    default:
      return 'Recommendation: report to the ICO without undue delay and within 72 hours of becoming aware (Art. 33(1)); with a high risk, sooner is better (EDPB Guidelines 01/2021).';
  }
}

function subjectsReasons(level: RiskLevel, notifySubjects: boolean, safeguarding: boolean): string[] {
  if (level !== 'high') {
    return [
      'Telling the people affected is not required because the risk is not high (Art. 34(1)); it may still be good practice where they could protect themselves.',
    ];
  }
  if (!notifySubjects) return [];
  const reasons = [
    'Tell the people affected without undue delay, in clear and plain language: what happened, the likely consequences, what has been done and who to contact (Art. 34(1) and 34(2)).',
  ];
  if (safeguarding) {
    reasons.push(
      'Reach the person at risk by a route they have agreed, or through their support worker, never one the person who may harm them could see.',
    );
  }
  return reasons;
}
