import { Actor, ReportFacts } from '#libs/incidents';
import { DEMO_PEOPLE } from '#libs/directory';

const HOUR = 3_600_000;

/** Chris Jones, a colleague at HHL (the demo directory's sixth person). */
export const COLLEAGUE = DEMO_PEOPLE[5];
export const COLLEAGUE_ACTOR: Actor = { id: COLLEAGUE.id, roles: COLLEAGUE.roles, partnerId: COLLEAGUE.partnerId };

/** The same valid report as test/support/api.ts's `aReport()`: no personal data in the free text. */
export function reportBody(discovered = new Date(Date.now() - 2 * HOUR)) {
  return {
    summary: 'A spreadsheet of rent arrears was emailed to the wrong housing officer at a partner.',
    howDiscovered: 'The recipient replied to say they had received it in error.',
    containmentSoFar: 'Asked the recipient to delete it.',
    occurredAt: new Date(discovered.getTime() - HOUR).toISOString(),
    discoveredAt: discovered.toISOString(),
    entityId: 'HHL',
    dataCategories: ['basic-identifiers', 'financial'],
    subjectCategories: ['tenants'],
    approxSubjects: 40,
    approxRecords: 40,
    specialCategory: false,
    criminalOffence: false,
  };
}

/** The report as the aggregate takes it (what the command handler builds from the body). */
export function reportFacts(discovered?: Date): ReportFacts {
  return { ...reportBody(discovered), processorFor: [] };
}
