import type { DimensionRisk, RiskLevel } from './assessment';
import { type BreachFacts, type DataCategory, hasBreachType, sensitiveCategoriesIn } from './breach-facts';
import type { EnisaAssessment, EnisaBand } from './enisa';
import { labelList } from './labels';

const LEVEL_FOR_BAND: { readonly [B in EnisaBand]: RiskLevel } = {
  low: 'none',
  medium: 'risk',
  high: 'high',
  'very-high': 'high',
};

export function levelForBand(band: EnisaBand): RiskLevel {
  return LEVEL_FOR_BAND[band];
}

const LEVEL_WORDS: { readonly [L in RiskLevel]: string } = {
  none: 'a breach unlikely to result in a risk',
  risk: 'a risk to people',
  high: 'a high risk to people',
};

// Identifiers plus salted password hashes: what EDPB 01/2021 Case 06 found not notifiable.
const HASHED_LOGIN_DATA: readonly DataCategory[] = ['credentials', 'basic-identifiers', 'contact'];

/**
 * The risk from people seeing data they should not. The rules run from the strongest
 * mitigation to the strongest aggravation; the first that settles the level returns, and the
 * ENISA band decides only what no rule settles.
 */
export function confidentialityRisk(facts: BreachFacts, enisa: EnisaAssessment): DimensionRisk | null {
  const { level: exposure, assumed } = enisa.exposure;
  if (exposure === 'none') {
    if (!hasBreachType(facts, 'confidentiality')) return null;
    return {
      level: 'none',
      reasons: ['Nobody outside the group saw or could have seen the data, so its confidentiality adds no risk.'],
    };
  }
  const reasons: string[] = [];
  const settle = (level: RiskLevel, why: string): DimensionRisk => ({ level, reasons: [...reasons, why] });
  if (assumed) {
    reasons.push(
      'Exfiltration has not been ruled out after a cyber attack, so the data is treated as possibly copied until the investigation shows otherwise (EDPB Guidelines 01/2021, ransomware cases).',
    );
  }
  if (facts.protection === 'encrypted-key-safe') {
    return settle(
      'none',
      'The data was encrypted and the key is safe, so it is unintelligible to whoever has it and its confidentiality is not at risk (WP250rev.01 Annex B example i; EDPB Guidelines 01/2021 Case 10; Art. 34(3)(a)).',
    );
  }
  if (facts.protection === 'encrypted-key-compromised') {
    reasons.push(
      'The data was encrypted but the key was compromised too, so it is treated as unprotected (WP250rev.01 Annex B example i).',
    );
  }
  const sensitive = sensitiveCategoriesIn(facts);
  if (exposure === 'trusted' && facts.recoveredOrDeleted) {
    if (facts.containedQuickly && sensitive.length === 0 && !facts.safeguardingRisk) {
      return settle(
        'none',
        'The only recipient was trusted, the data was got back or deleted before any misuse, and the breach was contained quickly, so harm is unlikely (EDPB Guidelines 01/2021 Case 09).',
      );
    }
    const but = facts.safeguardingRisk
      ? 'the safeguarding risk means harm cannot be called unlikely'
      : sensitive.length > 0
        ? `${labelList(sensitive)} data is involved, so damage should be considered likely (WP250rev.01 §IV)`
        : 'it was not contained quickly, so a risk cannot be ruled out';
    return settle(
      'risk',
      `The only recipient was trusted and the data was got back or deleted before any misuse, which keeps the risk from being high, but ${but}.`,
    );
  }
  if (facts.safeguardingRisk) {
    return settle(
      'high',
      'There is a safeguarding risk: the data could reach someone who may harm the person, such as an abusive ex-partner learning a safe address. Physical harm is among the gravest consequences (UK GDPR Recital 75), so the risk is high (ICO warning on breaches affecting domestic abuse victims, 2023).',
    );
  }
  const readable = facts.protection === 'none' || facts.protection === 'encrypted-key-compromised';
  if (sensitive.length > 0 && readable && exposure !== 'trusted') {
    return settle(
      'high',
      `Special category or criminal offence data (${labelList(sensitive)}) was or may have been seen in readable form by someone other than a trusted recipient, so damage should be considered likely and serious (WP250rev.01 §IV; UK GDPR Recital 75).`,
    );
  }
  if (facts.protection === 'hashed-salted' && facts.dataCategories.every((c) => HASHED_LOGIN_DATA.includes(c))) {
    return settle(
      'none',
      'Only login identifiers and salted password hashes were exposed; the passwords cannot practically be recovered, so a risk is unlikely (EDPB Guidelines 01/2021 Case 06). Asking users to change their passwords is still good practice.',
    );
  }
  if (facts.dataCategories.includes('credentials') && readable && exposure === 'wide') {
    return settle(
      'high',
      'Credentials were exposed in readable form to unknown people, who can use them to enter accounts, including others where a password is reused (WP250rev.01 Annex B example vi; EDPB Guidelines 01/2021 Case 07).',
    );
  }

  let level = levelForBand(enisa.score.band);
  reasons.push(`The ENISA band for this breach is ${enisa.score.band}, which points to ${LEVEL_WORDS[level]}.`);
  if (level === 'none' && sensitive.length > 0) {
    level = 'risk';
    reasons.push(
      `Raised to a risk: ${labelList(sensitive)} data is involved, so damage should be considered likely (WP250rev.01 §IV).`,
    );
  }
  if (level === 'none' && exposure === 'wide' && readable) {
    level = 'risk';
    reasons.push(
      'Raised to a risk: the data reached unknown people or the public in readable form and cannot be recalled (WP250rev.01 Annex B examples ii and ix).',
    );
  }
  if (level === 'none' && facts.maliciousIntent && readable) {
    level = 'risk';
    reasons.push(
      'Raised to a risk: someone acting deliberately has or may have the data, and their intentions cannot be known, so further misuse cannot be ruled out (EDPB Guidelines 01/2021 Case 08).',
    );
  }
  if (level === 'high' && exposure === 'trusted') {
    level = 'risk';
    reasons.push(
      'Lowered to a risk: the only recipient is trusted and bound to keep it confidential, so misuse is unlikely even before deletion is confirmed (EDPB Guidelines 01/2021 Case 09).',
    );
  }
  return { level, reasons };
}
