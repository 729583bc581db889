import type { BreachFacts, Cause } from './breach-facts';

/**
 * How far the data may have travelled, from nobody to anybody. It drives both the ENISA
 * confidentiality element and the confidentiality rules in the assessment.
 * - none: nobody outside the group saw or could have seen it;
 * - possible: nobody is known to have seen it, but someone could have (a lost file, an attack
 *   whose exfiltration is not ruled out);
 * - trusted: one recipient under a duty of confidence (EDPB 01/2021 Case 09);
 * - known: identified recipients;
 * - wide: unknown recipients, the public, or copied out to an unknown place.
 */
export type ExposureLevel = 'none' | 'possible' | 'trusted' | 'known' | 'wide';

export interface Exposure {
  readonly level: ExposureLevel;
  /** True when `possible` is an assumption: a cyber attack whose exfiltration is not ruled out. */
  readonly assumed: boolean;
}

// Attacks where copying the data out is a usual aim (EDPB 01/2021 §2–3, ransomware and
// exfiltration cases), so "not known" must be read as "possible".
const CYBER_ATTACKS: readonly Cause[] = ['ransomware', 'malware', 'hacking', 'credential-stuffing', 'phishing'];

export function exposureOf(facts: BreachFacts): Exposure {
  switch (facts.disclosure) {
    case 'public':
    case 'unknown-recipients':
      return { level: 'wide', assumed: false };
    case 'known-recipients':
      return { level: 'known', assumed: false };
    case 'trusted-recipient':
      return { level: 'trusted', assumed: false };
    default:
      break;
  }
  if (facts.dataExfiltrated === true) return { level: 'wide', assumed: false };
  if (facts.disclosure === 'unknown') return { level: 'possible', assumed: false };
  if (facts.dataExfiltrated === null && facts.maliciousIntent && CYBER_ATTACKS.includes(facts.cause)) {
    return { level: 'possible', assumed: true };
  }
  return { level: 'none', assumed: false };
}
