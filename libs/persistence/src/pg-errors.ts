import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/**
 * PostgreSQL went away (restart, failover, a terminated backend): the command did not
 * commit, and retrying it is safe. Not the client's fault, so not a 4xx.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: a QueryFailedError wraps the driver's error, a pool error arrives bare.
  const candidate = (error as { driverError?: unknown } | undefined)?.driverError ?? error;
  const { code, message } = (candidate ?? {}) as { code?: string; message?: string };
  // TypeORM's own word for a query runner whose connection the failure already released.
  if ((error as Error | undefined)?.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    /Connection terminated|connection error and is not queryable/i.test(message ?? '')
  );
}
