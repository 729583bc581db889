import type { Actor } from '../domain/incident.types';
import type { IncidentState } from '../domain/incident-state';

const READ_ALL = new Set(['dpo', 'governance', 'emt', 'auditor']);
/** Art. 9/10 free text is for the DPO and the Head of Governance only (DESIGN.md). */
const SPECIAL_TEXT = new Set(['dpo', 'governance']);

/** Object-level access: whether this actor may see this incident at all. */
export function canSee(actor: Actor, incident: Pick<IncidentState, 'reportedBy' | 'partnerId'>): boolean {
  if (actor.roles.some((r) => READ_ALL.has(r))) return true;
  if (actor.roles.includes('colleague') && incident.reportedBy === actor.id) return true;
  return actor.roles.includes('partner') && actor.partnerId !== null && incident.partnerId === actor.partnerId;
}

export function canReadSpecialCategoryText(actor: Actor): boolean {
  return actor.roles.some((r) => SPECIAL_TEXT.has(r));
}
