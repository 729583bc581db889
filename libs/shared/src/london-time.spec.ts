import { formatLondon, londonYear } from './london-time';

describe('formatLondon', () => {
  it('names GMT in winter', () => {
    expect(formatLondon(new Date('2027-03-27T10:00:00Z'))).toBe('27 March 2027, 10:00 GMT');
  });

  it('names BST in summer and shifts the hour', () => {
    expect(formatLondon(new Date('2027-03-30T10:00:00Z'))).toBe('30 March 2027, 11:00 BST');
  });
});

describe('londonYear', () => {
  it('is already the new year in London at 00:30 on 1 January', () => {
    expect(londonYear(new Date('2027-01-01T00:30:00Z'))).toBe(2027);
  });

  it('is still the old year at 23:30 UTC on 31 December', () => {
    expect(londonYear(new Date('2026-12-31T23:30:00Z'))).toBe(2026);
  });
});
