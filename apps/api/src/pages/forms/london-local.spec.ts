import { londonLocalToUtc, utcToLondonLocal } from './london-local';

describe('londonLocalToUtc', () => {
  it('reads a winter time as GMT', () => {
    expect(londonLocalToUtc('2027-01-15T09:30')).toBe('2027-01-15T09:30:00.000Z');
  });

  it('reads a summer time as BST, an hour ahead of UTC', () => {
    expect(londonLocalToUtc('2027-07-01T11:00')).toBe('2027-07-01T10:00:00.000Z');
  });

  it('changes offset across the March clock change', () => {
    expect(londonLocalToUtc('2027-03-28T00:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(londonLocalToUtc('2027-03-28T02:30')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses a time the clocks skipped in March', () => {
    expect(londonLocalToUtc('2027-03-28T01:30')).toBeUndefined();
  });

  it('takes the first (BST) reading of the October hour that happens twice', () => {
    expect(londonLocalToUtc('2027-10-31T01:30')).toBe('2027-10-31T00:30:00.000Z');
  });

  it('refuses dates that do not exist and text that is not a time', () => {
    expect(londonLocalToUtc('2027-02-30T10:00')).toBeUndefined();
    expect(londonLocalToUtc('2027-02-10T24:00')).toBeUndefined();
    expect(londonLocalToUtc('yesterday')).toBeUndefined();
  });
});

describe('utcToLondonLocal', () => {
  it('shows the London wall clock, summer and winter', () => {
    expect(utcToLondonLocal('2027-07-01T10:00:00Z')).toBe('2027-07-01T11:00');
    expect(utcToLondonLocal('2027-01-15T09:30:00Z')).toBe('2027-01-15T09:30');
  });

  it('round-trips with londonLocalToUtc', () => {
    const instant = '2027-03-30T10:00:00.000Z';
    expect(londonLocalToUtc(utcToLondonLocal(instant))).toBe(instant);
  });
});
