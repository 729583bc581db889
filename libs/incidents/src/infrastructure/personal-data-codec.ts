import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Crypto-shredding. Every free-text field of an event (where a person's details may be
 * written) is sealed with the incident's own key before it is stored. Erasing the incident
 * deletes the key: the events stay, replay still works, and those fields read `[erased]`.
 * Ids, categories, counts, times and decisions stay readable for the register.
 */
export const ERASED = '[erased]';

const PERSONAL_PATHS: Record<string, string[]> = {
  IncidentReported: ['report.summary', 'report.howDiscovered', 'report.containmentSoFar'],
  InformationAdded: ['note'],
  IncidentClosedAsNotBreach: ['reason'],
  AwarenessConfirmed: ['justification'],
  ContainmentRecorded: ['actions', 'findings'],
  AssessmentRecorded: ['assessorView.rationale'],
  DecisionRecorded: ['icoReasons', 'subjectsReasons', 'justification'],
  IcoNotified: ['delayReasons'],
  IcoSupplementarySubmitted: ['summary'],
  LessonsLearntRecorded: ['narrative', 'changes', 'actions[].description'],
  LessonActionUpdated: ['reason'],
  IncidentClosed: ['summary'],
  IncidentReopened: ['reason'],
};

const PREFIX = 'enc:v1:';

export const newIncidentKey = (): Buffer => randomBytes(32);

export function hasPersonalFields(type: string): boolean {
  return (PERSONAL_PATHS[type] ?? []).length > 0;
}

/** A copy of `data` with its personal fields sealed (AES-256-GCM, a fresh IV per field). */
export function seal(type: string, data: unknown, key: Buffer): unknown {
  return transform(type, data, (plain) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
  });
}

/** A copy of `data` with its personal fields opened, or `[erased]` once the key is gone. */
export function unseal(type: string, data: unknown, key: Buffer | undefined): unknown {
  return transform(type, data, (stored) => {
    if (!stored.startsWith(PREFIX)) return stored;
    if (!key) return ERASED;
    const [iv, tag, body] = stored
      .slice(PREFIX.length)
      .split('.')
      .map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  });
}

function transform(type: string, data: unknown, change: (value: string) => string): unknown {
  const paths = PERSONAL_PATHS[type];
  if (!paths) return data;
  const copy = structuredClone(data);
  for (const path of paths) visit(copy, path.split('.'), change);
  return copy;
}

function visit(node: unknown, [head, ...rest]: string[], change: (value: string) => string): void {
  if (node === null || typeof node !== 'object' || head === undefined) return;
  const record = node as Record<string, unknown>;
  const isList = head.endsWith('[]');
  const key = isList ? head.slice(0, -2) : head;
  if (isList) {
    for (const item of (record[key] as unknown[] | undefined) ?? []) visit(item, rest, change);
  } else if (rest.length) {
    visit(record[key], rest, change);
  } else if (typeof record[key] === 'string' && record[key] !== '') {
    record[key] = change(record[key]);
  }
}
