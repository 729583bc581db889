import { ERASED, newIncidentKey, seal, unseal } from './personal-data-codec';

describe('crypto-shredding of personal fields', () => {
  const data = {
    reference: 'BR-2027-0001',
    report: {
      summary: 'Jo Bloggs’ support plan',
      howDiscovered: 'Phone call',
      containmentSoFar: '',
      dataCategories: ['health'],
    },
  };

  it('seals the free text and nothing else', () => {
    const sealed = seal('IncidentReported', data, newIncidentKey()) as typeof data;
    expect(sealed.report.summary).toMatch(/^enc:v1:/);
    expect(JSON.stringify(sealed)).not.toContain('Bloggs');
    expect(sealed.report.containmentSoFar).toBe('');
    expect(sealed.reference).toBe('BR-2027-0001');
    expect(sealed.report.dataCategories).toEqual(['health']);
  });

  it('opens with the key and reads [erased] without it', () => {
    const key = newIncidentKey();
    const sealed = seal('IncidentReported', data, key);
    expect(unseal('IncidentReported', sealed, key)).toEqual(data);
    const erased = unseal('IncidentReported', sealed, undefined) as typeof data;
    expect(erased.report.summary).toBe(ERASED);
    expect(erased.report.dataCategories).toEqual(['health']);
  });

  it('reaches into lists, and refuses a tampered field', () => {
    const key = newIncidentKey();
    const lessons = {
      narrative: 'n',
      changes: 'c',
      rootCause: 'other',
      actions: [{ id: 'a', description: 'Call Jo' }],
    };
    const sealed = seal('LessonsLearntRecorded', lessons, key) as typeof lessons;
    expect(sealed.actions[0].description).toMatch(/^enc:v1:/);
    expect(unseal('LessonsLearntRecorded', sealed, key)).toEqual(lessons);
    const tampered = { ...sealed, narrative: sealed.narrative.slice(0, -4) + 'AAA=' };
    expect(() => unseal('LessonsLearntRecorded', tampered, key)).toThrow();
  });
});
