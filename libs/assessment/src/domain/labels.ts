import type { DataCategory } from './breach-facts';

/** Plain-English names for reasons a DPO pastes into the register. */
export const CATEGORY_LABELS: { readonly [C in DataCategory]: string } = {
  'basic-identifiers': 'basic identifiers',
  contact: 'contact details',
  'date-of-birth': 'date of birth',
  'identity-documents': 'identity documents',
  'national-id': 'national identifiers',
  credentials: 'credentials',
  financial: 'financial data',
  location: 'location data',
  behavioural: 'behavioural data',
  health: 'health',
  'racial-ethnic-origin': 'racial or ethnic origin',
  'political-opinions': 'political opinions',
  'religious-beliefs': 'religious or philosophical beliefs',
  'trade-union': 'trade union membership',
  genetic: 'genetic data',
  biometric: 'biometric data',
  'sex-life': 'sex life',
  'sexual-orientation': 'sexual orientation',
  'criminal-offence': 'criminal offence data',
};

/** "health", "health and sex life", "health, sex life and criminal offence data". */
export function labelList(categories: readonly DataCategory[]): string {
  const labels = categories.map((c) => CATEGORY_LABELS[c]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels.join('');
}
