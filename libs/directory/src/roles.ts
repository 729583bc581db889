/** The roles of DESIGN.md "Who uses it". */
export const ROLES = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
