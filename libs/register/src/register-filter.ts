import { DomainError } from '#libs/shared';
import type { RegisterView } from './register-row.types';

/** A period of reported-at times, `from` inclusive and `to` exclusive, and a group entity. */
export interface RegisterFilter {
  from: string | null;
  to: string | null;
  entityId: string | null;
}

export function registerFilter(input: { from?: string; to?: string; entity?: string }): RegisterFilter {
  const filter = { from: input.from ?? null, to: input.to ?? null, entityId: input.entity ?? null };
  if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to)) {
    throw new DomainError('invalid_period', 'The period must end after it starts (`to` after `from`).', 'invalid');
  }
  return filter;
}

const FULL = new Set(['dpo', 'governance']);
const ANONYMISED = new Set(['emt', 'auditor']);

/**
 * DESIGN.md: the register for `emt` and `auditor` holds no personal data; the DPO and the Head
 * of Governance see everything. Someone holding both kinds of role gets the full register.
 */
export function registerViewFor(roles: readonly string[]): RegisterView | null {
  if (roles.some((r) => FULL.has(r))) return 'full';
  if (roles.some((r) => ANONYMISED.has(r))) return 'anonymised';
  return null;
}
