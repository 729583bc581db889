import { type BreachFacts, parseFacts } from './breach-facts';

const VALID: BreachFacts = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-email',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers', 'contact', 'health'],
  subjectCategories: ['tenants', 'vulnerable-adults'],
  approxSubjects: 12,
  protection: 'none',
  disclosure: 'known-recipients',
  dataExfiltrated: false,
  recoveredOrDeleted: false,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: true,
  safeguardingRisk: false,
};

function errorsFor(input: unknown): readonly string[] {
  const result = parseFacts(input);
  if (result.ok) throw new Error('expected the facts to be refused');
  return result.errors;
}

describe('parseFacts', () => {
  it('accepts a complete report and returns a copy the caller cannot change afterwards', () => {
    const input = { ...VALID, dataCategories: [...VALID.dataCategories] };
    const result = parseFacts(input);
    expect(result).toEqual({ ok: true, facts: VALID });
    input.dataCategories.push('financial');
    expect(result.ok && result.facts.dataCategories).toEqual(['basic-identifiers', 'contact', 'health']);
  });

  it('accepts null for the facts that may not be known yet', () => {
    const result = parseFacts({ ...VALID, approxSubjects: null, dataExfiltrated: null, backupAvailable: null });
    expect(result.ok).toBe(true);
  });

  it.each([null, [], 'facts', 42])('refuses %p as a whole', (input) => {
    expect(errorsFor(input)).toEqual([expect.stringMatching(/^facts: must be a JSON object/)]);
  });

  it('names an unknown field, so a typo is not silently ignored', () => {
    expect(errorsFor({ ...VALID, safeGuardingRisk: true })).toEqual(['safeGuardingRisk: unknown field']);
  });

  it('does not repeat a field name that could be personal data', () => {
    const errors = errorsFor({ ...VALID, 'Jane Smith, 12 Acacia Avenue': true });
    expect(errors).toEqual(['unknown field (name not shown)']);
  });

  it('names each missing field', () => {
    const { cause: _cause, safeguardingRisk: _safeguarding, ...rest } = VALID;
    expect(errorsFor(rest)).toEqual(['cause: is required', 'safeguardingRisk: is required']);
  });

  it.each(['breachTypes', 'dataCategories', 'subjectCategories'] as const)('refuses an empty %s', (field) => {
    expect(errorsFor({ ...VALID, [field]: [] })).toEqual([`${field}: must not be empty`]);
  });

  it('points at the bad entry in a list and lists what is allowed', () => {
    const [error] = errorsFor({ ...VALID, dataCategories: ['basic-identifiers', 'contact', 'heath'] });
    expect(error).toMatch(
      /^dataCategories\[2\]: must be one of basic-identifiers, contact, .*criminal-offence \(got "heath"\)$/,
    );
  });

  it('refuses duplicates, which would make counts and reports wrong', () => {
    expect(errorsFor({ ...VALID, breachTypes: ['confidentiality', 'confidentiality'] })).toEqual([
      'breachTypes[1]: "confidentiality" is listed more than once',
    ]);
  });

  it('never echoes a value longer than an allowed word, which could be personal data', () => {
    const secret = 'Mrs Smith at 12 Acacia Avenue has a support plan';
    const errors = errorsFor({ ...VALID, cause: secret, dataCategories: ['health', secret] });
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).not.toContain('Smith');
    expect(errors[0]).toMatch(/^cause: must be one of .* \(got a text value\)$/);
  });

  it.each([
    ['maliciousIntent', 'yes', 'maliciousIntent: must be true or false (got "yes")'],
    ['containedQuickly', null, 'containedQuickly: must be true or false (got null)'],
    ['dataExfiltrated', 'no', 'dataExfiltrated: must be true, false or null when unknown (got "no")'],
    ['approxSubjects', 0, 'approxSubjects: must be a whole number of at least 1, or null when unknown (got a number)'],
    [
      'approxSubjects',
      2.5,
      'approxSubjects: must be a whole number of at least 1, or null when unknown (got a number)',
    ],
    ['approxSubjects', '40', 'approxSubjects: must be a whole number of at least 1, or null when unknown (got "40")'],
    [
      'breachTypes',
      'confidentiality',
      'breachTypes: must be a list of confidentiality, integrity, availability (got "confidentiality")',
    ],
  ])('refuses %s = %p', (field, value, message) => {
    expect(errorsFor({ ...VALID, [field]: value })).toEqual([message]);
  });

  it('reports every problem at once, so the reporter fixes them in one go', () => {
    const errors = errorsFor({ ...VALID, breachTypes: [], cause: 'flood', approxSubjects: -3, extra: 1 });
    expect(errors).toHaveLength(4);
  });

  describe('refuses a report that contradicts itself', () => {
    it('copied out, but no loss of confidentiality', () => {
      expect(
        errorsFor({
          ...VALID,
          breachTypes: ['availability'],
          availabilityLoss: 'hours',
          disclosure: 'none',
          dataExfiltrated: true,
        }),
      ).toEqual(['dataExfiltrated: true needs "confidentiality" in breachTypes']);
    });

    it('disclosed, but no loss of confidentiality', () => {
      expect(errorsFor({ ...VALID, breachTypes: ['integrity'], disclosure: 'public' })).toEqual([
        'disclosure: "public" needs "confidentiality" in breachTypes',
      ]);
    });

    it('unavailable for days, but no loss of availability', () => {
      expect(errorsFor({ ...VALID, availabilityLoss: 'days' })).toEqual([
        'availabilityLoss: "days" needs "availability" in breachTypes',
      ]);
    });

    it('a loss of availability that lasted no time at all', () => {
      expect(errorsFor({ ...VALID, breachTypes: ['confidentiality', 'availability'] })).toEqual([
        'availabilityLoss: must say how long the data was unavailable when breachTypes includes "availability"',
      ]);
    });
  });
});
