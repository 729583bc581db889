import { RISK_LEVELS, type RiskLevel } from './assessment';
import { assess } from './assess';
import { type BreachFacts, type DataCategory, DISCLOSURES, PROTECTIONS, parseFacts } from './breach-facts';

const BASE: BreachFacts = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-email',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers', 'contact'],
  subjectCategories: ['tenants'],
  approxSubjects: 20,
  protection: 'none',
  disclosure: 'known-recipients',
  dataExfiltrated: false,
  recoveredOrDeleted: false,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: false,
  safeguardingRisk: false,
};

const with_ = (facts: Partial<BreachFacts>): BreachFacts => ({ ...BASE, ...facts });
const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

// A grid of confidentiality breaches across every protection and disclosure, with and without
// the factors the rules turn on: enough to check the promises that must hold everywhere.
const CATEGORY_SETS: DataCategory[][] = [
  ['basic-identifiers'],
  ['basic-identifiers', 'financial'],
  ['contact', 'health'],
  ['credentials'],
];
const GRID: BreachFacts[] = PROTECTIONS.flatMap((protection) =>
  DISCLOSURES.flatMap((disclosure) =>
    CATEGORY_SETS.flatMap((dataCategories) =>
      [false, true].flatMap((safeguardingRisk) =>
        [false, true].flatMap((recoveredOrDeleted) =>
          [false, true].map((maliciousIntent) =>
            with_({
              protection,
              disclosure,
              dataCategories,
              safeguardingRisk,
              recoveredOrDeleted,
              maliciousIntent,
              containedQuickly: recoveredOrDeleted,
            }),
          ),
        ),
      ),
    ),
  ),
);

describe('assess', () => {
  it('is checked against valid facts only', () => {
    expect(GRID.every((facts) => parseFacts(facts).ok)).toBe(true);
  });

  it('recommends reporting to the ICO exactly when there is some risk (Art. 33(1))', () => {
    for (const facts of GRID) {
      const { riskLevel, notifyIco } = assess(facts);
      expect(notifyIco).toBe(riskLevel !== 'none');
    }
  });

  it('never recommends telling people without a high risk, or despite an exemption (Art. 34)', () => {
    for (const facts of GRID) {
      const { riskLevel, notifySubjects, subjectsExemption } = assess(facts);
      if (riskLevel !== 'high') expect(subjectsExemption).toBeNull();
      expect(notifySubjects).toBe(riskLevel === 'high' && subjectsExemption === null);
    }
  });

  it('treats a safeguarding risk as high unless the data was unintelligible or a trusted recipient gave it back', () => {
    for (const facts of GRID.filter((f) => f.safeguardingRisk && f.disclosure !== 'none')) {
      const exception =
        facts.protection === 'encrypted-key-safe' ||
        (facts.disclosure === 'trusted-recipient' && facts.recoveredOrDeleted);
      expect({ facts, level: assess(facts).riskLevel }).toEqual({
        facts,
        level: exception ? expect.not.stringMatching('high') : 'high',
      });
    }
  });

  it('never lowers the risk when a safeguarding risk or special category data is added', () => {
    for (const facts of GRID) {
      const before = rank(assess(facts).riskLevel);
      expect(rank(assess({ ...facts, safeguardingRisk: true }).riskLevel)).toBeGreaterThanOrEqual(before);
      const withHealth = [...new Set<DataCategory>([...facts.dataCategories, 'health'])];
      expect(rank(assess({ ...facts, dataCategories: withHealth }).riskLevel)).toBeGreaterThanOrEqual(before);
    }
  });

  it('never raises the risk because the data was got back quickly', () => {
    for (const facts of GRID.filter((f) => !f.recoveredOrDeleted)) {
      const recovered = assess({ ...facts, recoveredOrDeleted: true, containedQuickly: true });
      expect(rank(recovered.riskLevel)).toBeLessThanOrEqual(rank(assess(facts).riskLevel));
    }
  });

  it('never rates a wider disclosure lower: trusted, then known, then unknown recipients', () => {
    const order = ['trusted-recipient', 'known-recipients', 'unknown-recipients'] as const;
    for (const facts of GRID.filter((f) => f.disclosure === 'none')) {
      const levels = order.map((disclosure) => rank(assess({ ...facts, disclosure }).riskLevel));
      expect(levels).toEqual([...levels].sort());
    }
  });

  it('is deterministic and leaves the facts untouched', () => {
    const facts = Object.freeze(with_({ dataCategories: Object.freeze(['health']) as DataCategory[] }));
    expect(assess(facts)).toEqual(assess(facts));
  });

  it('writes reasons as sentences with no input text, ending with who decides', () => {
    for (const facts of GRID.slice(0, 50)) {
      const { reasons } = assess(facts);
      for (const reason of reasons) expect(reason).toMatch(/^[A-Z].*\.$/);
      expect(reasons.at(-1)).toBe(
        'This is a recommendation: the DPO decides, and records the decision and any difference from it.',
      );
    }
  });

  it('does not let a trusted recipient cancel the risk unless the breach was also contained quickly', () => {
    const facts = with_({ disclosure: 'trusted-recipient', recoveredOrDeleted: true });
    expect(assess({ ...facts, containedQuickly: true }).riskLevel).toBe('none');
    expect(assess(facts).riskLevel).toBe('risk');
  });

  it('only assumes data was copied out after a cyber attack, not after an accident', () => {
    const outage = {
      breachTypes: ['availability'],
      disclosure: 'none',
      availabilityLoss: 'hours',
      dataExfiltrated: null,
    } as const;
    const accident = assess(with_({ ...outage, cause: 'system-error', dataCategories: ['health'] }));
    const attack = assess(with_({ ...outage, cause: 'malware', maliciousIntent: true, dataCategories: ['health'] }));
    expect(accident.riskLevel).toBe('none');
    expect(attack.riskLevel).toBe('high');
  });

  it('says which kind of breach set the level when several are involved', () => {
    const result = assess(
      with_({
        breachTypes: ['confidentiality', 'availability'],
        protection: 'encrypted-key-safe',
        disclosure: 'unknown',
        dataCategories: ['basic-identifiers', 'health'],
        backupAvailable: false,
        availabilityLoss: 'permanent',
      }),
    );
    expect(result.riskLevel).toBe('high');
    expect(result.reasons).toContain(
      'Overall high: the highest of the levels for each kind of breach (confidentiality none, availability high).',
    );
    // Encryption answers "was it seen?", not "is it gone?": people still need to be told.
    expect(result.notifySubjects).toBe(true);
    expect(result.reasons.join(' ')).toContain('Art. 34(3)(a)');
  });
});

describe('assess: Art. 34(3) exemptions', () => {
  const healthToNeighbour = with_({ dataCategories: ['basic-identifiers', 'health'], approxSubjects: 1 });

  it('relies on subsequent measures when a known recipient gave the data back quickly', () => {
    const result = assess({ ...healthToNeighbour, recoveredOrDeleted: true, containedQuickly: true });
    expect(result).toMatchObject({
      riskLevel: 'high',
      notifySubjects: false,
      subjectsExemption: 'subsequent-measures',
    });
  });

  it.each([
    ['it was published', { disclosure: 'public' }, 'cannot be shown to be gone'],
    ['it was taken deliberately', { maliciousIntent: true, dataExfiltrated: true }, 'cannot be relied on'],
    ['a safeguarding risk exists', { safeguardingRisk: true }, 'act on their own safety'],
    [
      'the high risk comes from data lost for good',
      { breachTypes: ['confidentiality', 'availability'], backupAvailable: false, availabilityLoss: 'permanent' },
      'does not undo the loss',
    ],
  ] as const)('does not rely on subsequent measures when %s', (_why, facts, because) => {
    const result = assess({ ...healthToNeighbour, ...facts, recoveredOrDeleted: true, containedQuickly: true });
    expect(result).toMatchObject({ riskLevel: 'high', notifySubjects: true, subjectsExemption: null });
    expect(result.reasons.join(' ')).toContain(because);
  });

  it('offers disproportionate effort from 10,000 people when no contact details were involved', () => {
    const published = with_({ disclosure: 'public', dataCategories: ['basic-identifiers', 'health'] });
    expect(assess({ ...published, approxSubjects: 10_000 }).subjectsExemption).toBe('disproportionate-effort');
    expect(assess({ ...published, approxSubjects: 9_999 }).subjectsExemption).toBeNull();
    expect(assess({ ...published, approxSubjects: null }).subjectsExemption).toBe('disproportionate-effort');
  });

  it('does not offer disproportionate effort when the breached data says how to reach people', () => {
    const result = assess(
      with_({ disclosure: 'public', dataCategories: ['contact', 'health'], approxSubjects: 50_000 }),
    );
    expect(result).toMatchObject({ riskLevel: 'high', notifySubjects: true, subjectsExemption: null });
  });

  it('asks for a public communication instead when relying on disproportionate effort', () => {
    const result = assess(
      with_({ disclosure: 'public', dataCategories: ['basic-identifiers', 'health'], approxSubjects: null }),
    );
    expect(result.notifySubjects).toBe(false);
    expect(result.reasons.join(' ')).toContain(
      'A public communication or an equally effective measure is needed instead (Art. 34(3)(c)).',
    );
  });
});
