import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from './pg-errors';

const failed = (driverError: object) => new QueryFailedError('SELECT 1', [], driverError as Error);

describe('PostgreSQL error classification', () => {
  it('treats a terminated backend or a lost connection as unavailable (safe to retry)', () => {
    expect(isDatabaseUnavailable(failed(Object.assign(new Error('terminating connection'), { code: '57P01' })))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(failed(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(
      isDatabaseUnavailable(failed(new Error('Client has encountered a connection error and is not queryable'))),
    ).toBe(true);
  });

  it('does not hide a real bug as unavailability', () => {
    expect(isDatabaseUnavailable(failed(Object.assign(new Error('syntax error'), { code: '42601' })))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });

  it('recognises a unique violation on a named constraint', () => {
    const error = failed(
      Object.assign(new Error('dup'), { code: '23505', constraint: 'incident_events_stream_version' }),
    );
    expect(isUniqueViolation(error, 'incident_events_stream_version')).toBe(true);
    expect(isUniqueViolation(error, 'other')).toBe(false);
  });
});
