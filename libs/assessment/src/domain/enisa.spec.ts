import type { BreachFacts } from './breach-facts';
import { bandOf, enisaAssessment } from './enisa';

const BASE: BreachFacts = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-post',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  protection: 'none',
  disclosure: 'known-recipients',
  dataExfiltrated: false,
  recoveredOrDeleted: false,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: false,
  safeguardingRisk: false,
};

const score = (facts: Partial<BreachFacts>) => enisaAssessment({ ...BASE, ...facts }).score;

describe('ENISA 2013 severity', () => {
  it.each([
    [1.75, 'low'],
    [2, 'medium'],
    [2.75, 'medium'],
    [3, 'high'],
    [3.75, 'high'],
    [4, 'very-high'],
    [6, 'very-high'],
  ] as const)('puts SE %p in the %s band', (se, band) => {
    expect(bandOf(se)).toBe(band);
  });

  it('reports SE = DPC × EI + CB with exactly the five agreed keys', () => {
    const result = score({
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['vulnerable-adults'],
      protection: 'pseudonymised',
      disclosure: 'public',
      maliciousIntent: true,
    });
    expect(result).toEqual({ dpc: 4, ei: 0.5, cb: 1, score: 3, band: 'high' });
  });

  describe('DPC: data processing context', () => {
    it.each([
      [['basic-identifiers', 'contact'], 1],
      [['basic-identifiers', 'location'], 2],
      [['contact', 'financial'], 3],
      [['national-id'], 3],
      [['contact', 'health'], 4],
      [['criminal-offence'], 4],
    ] as const)('takes the most sensitive of %p: %p', (dataCategories, dpc) => {
      expect(score({ dataCategories: [...dataCategories] }).dpc).toBe(dpc);
    });

    it('scores credentials as 2 and says to list what they open', () => {
      const result = enisaAssessment({ ...BASE, dataCategories: ['credentials'] });
      expect(result.score.dpc).toBe(2);
      expect(result.reasons.join(' ')).toContain('list the data the accounts hold');
    });

    it('treats date of birth with names as identity-fraud data (2), but not on its own (1)', () => {
      expect(score({ dataCategories: ['basic-identifiers', 'date-of-birth'] }).dpc).toBe(2);
      expect(score({ dataCategories: ['date-of-birth'] }).dpc).toBe(1);
    });

    it('raises the score once for children or vulnerable adults and once for a safeguarding risk', () => {
      expect(score({ subjectCategories: ['tenants', 'children', 'vulnerable-adults'] }).dpc).toBe(2);
      expect(score({ subjectCategories: ['children'], safeguardingRisk: true }).dpc).toBe(3);
    });

    it('raises the score from 1,000 people, not before, and not for an unknown number', () => {
      expect(score({ approxSubjects: 999 }).dpc).toBe(1);
      expect(score({ approxSubjects: 1000 }).dpc).toBe(2);
      expect(score({ approxSubjects: null }).dpc).toBe(1);
    });

    it('caps at 4, and keeps the harm to one person apart from the volume', () => {
      const result = enisaAssessment({
        ...BASE,
        dataCategories: ['financial'],
        subjectCategories: ['vulnerable-adults'],
        approxSubjects: 5000,
      });
      expect(result.score.dpc).toBe(4);
      expect(result.personalSeverity).toBe(4);
      expect(enisaAssessment({ ...BASE, dataCategories: ['financial'], approxSubjects: 5000 }).personalSeverity).toBe(
        3,
      );
    });
  });

  describe('EI: ease of identification', () => {
    it.each([
      ['encrypted-key-safe', ['basic-identifiers'], 0.25],
      ['hashed-salted', ['basic-identifiers'], 0.5],
      ['pseudonymised', ['health'], 0.5],
      ['none', ['contact'], 1],
      ['encrypted-key-compromised', ['basic-identifiers'], 1],
      ['none', ['health', 'location'], 0.75],
    ] as const)('%s protection of %p: %p', (protection, dataCategories, ei) => {
      expect(score({ protection, dataCategories: [...dataCategories] }).ei).toBe(ei);
    });
  });

  describe('CB: circumstances of the breach', () => {
    it.each([
      [{ disclosure: 'unknown' }, 0],
      [{ disclosure: 'trusted-recipient' }, 0.25],
      [{ disclosure: 'known-recipients' }, 0.25],
      [{ disclosure: 'unknown-recipients' }, 0.5],
      [{ disclosure: 'public' }, 0.5],
      [{ disclosure: 'none', dataExfiltrated: true }, 0.5],
    ] as const)('confidentiality %p adds %p', (facts, cb) => {
      expect(score(facts).cb).toBe(cb);
    });

    it.each([
      [true, 0],
      [null, 0.25],
      [false, 0.5],
    ] as const)('integrity with backup %p adds %p', (backupAvailable, cb) => {
      expect(score({ breachTypes: ['integrity'], disclosure: 'none', backupAvailable }).cb).toBe(cb);
    });

    it.each([
      ['hours', true, 0],
      ['hours', null, 0.25],
      ['days', true, 0.25],
      ['days', false, 0.5],
      ['permanent', true, 0.5],
    ] as const)('availability lost for %s with backup %p adds %p', (availabilityLoss, backupAvailable, cb) => {
      expect(score({ breachTypes: ['availability'], disclosure: 'none', availabilityLoss, backupAvailable }).cb).toBe(
        cb,
      );
    });

    it('adds 0.5 for malicious intent on top of each loss', () => {
      const result = score({
        breachTypes: ['confidentiality', 'integrity', 'availability'],
        disclosure: 'public',
        backupAvailable: false,
        availabilityLoss: 'permanent',
        maliciousIntent: true,
      });
      expect(result.cb).toBe(2);
    });
  });

  it('explains the total first, then each part', () => {
    const { reasons } = enisaAssessment({
      ...BASE,
      dataCategories: ['basic-identifiers', 'financial'],
      maliciousIntent: true,
    });
    expect(reasons[0]).toBe('ENISA 2013 severity: SE = DPC 3 × EI 1 + CB 0.75 = 3.75 (high).');
    expect(reasons.slice(1).map((r) => r.slice(0, 3))).toEqual(['DPC', 'EI ', 'CB ']);
  });
});
