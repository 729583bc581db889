/**
 * What a refusal means to the caller; each app maps it to an HTTP status once.
 * - `not-found`: it does not exist *or you may not see it* (404, never 403, for objects).
 * - `conflict`: someone changed it first (409).
 * - `rule`: a business rule refuses the command (422).
 * - `forbidden`: your role may not do this (403).
 * - `unauthenticated`: no valid sign-in (401).
 * - `invalid`: the request itself is malformed (400).
 * - `rate-limited`: too many requests; `details.retryAfterSeconds` says when to come back (429).
 */
export type DomainErrorKind =
  'not-found' | 'conflict' | 'rule' | 'forbidden' | 'unauthenticated' | 'invalid' | 'rate-limited';

/** A refusal with a stable code. Messages and details never carry personal data. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'incident') {
    super(`${what}_not_found`, `No such ${what}, or you may not see it.`, 'not-found');
  }
}

export class ConcurrentChangeError extends DomainError {
  constructor() {
    super('concurrent_change', 'Someone changed this incident first. Reload it and try again.', 'conflict');
  }
}
