import { type BreachFacts, assess } from '#libs/assessment';
import { DEMO_EXTERNAL_CONTROLLER, GROUP_ENTITIES } from '#libs/directory';
import { type Actor, type DecisionFacts, Incident, type IncidentState, type ReportFacts } from '#libs/incidents';
import type { DocumentContext } from '../document-context';

/** Fixtures for the document specs, built by driving the real aggregate with fixed times. */

export const at = (iso: string) => new Date(iso);

// Ids distinct enough that a test can prove no document leaks them.
export const reporter: Actor = { id: 'person-reporter-5b1e', roles: ['colleague'], partnerId: null };
export const dpo: Actor = { id: 'person-dpo-8c4d', roles: ['dpo'], partnerId: null };

export const ENTITY = GROUP_ENTITIES.find((e) => e.id === 'HHL')!;
/** Aware from discovery at 10:00 GMT on 27 March 2027; the clocks go forward on the 28th. */
export const DEADLINE_UK = '30 March 2027, 11:00 BST';

export const context = (overrides: Partial<DocumentContext> = {}): DocumentContext => ({
  entityName: ENTITY.name,
  dpo: { name: 'Dana Price', email: 'dpo@connexus.example', phone: '01432 000 111' },
  now: at('2027-03-28T09:00:00Z'),
  ...overrides,
});

export const reportFacts = (overrides: Partial<ReportFacts> = {}): ReportFacts => ({
  summary: 'A rent arrears letter was posted to the wrong address.',
  howDiscovered: 'The recipient phoned the repairs line.',
  containmentSoFar: 'Asked the recipient to return the letter.',
  occurredAt: '2027-03-25T09:00:00.000Z',
  discoveredAt: '2027-03-27T10:00:00.000Z',
  entityId: ENTITY.id,
  processorFor: [],
  dataCategories: ['basic-identifiers', 'financial'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  approxRecords: 1,
  specialCategory: false,
  criminalOffence: false,
  ...overrides,
});

export const misdirectedPost: BreachFacts = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-post',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers', 'financial'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  protection: 'none',
  disclosure: 'known-recipients',
  dataExfiltrated: null,
  recoveredOrDeleted: false,
  backupAvailable: null,
  availabilityLoss: 'none',
  containedQuickly: false,
  safeguardingRisk: false,
};

export const ransomware: BreachFacts = {
  ...misdirectedPost,
  breachTypes: ['confidentiality', 'availability'],
  cause: 'ransomware',
  maliciousIntent: true,
  disclosure: 'unknown',
  availabilityLoss: 'days',
  backupAvailable: true,
};

export function reported(overrides: Partial<ReportFacts> = {}): Incident {
  const incident = new Incident('incident-1');
  incident.report({
    reference: 'BR-2027-0042',
    report: reportFacts(overrides),
    actor: reporter,
    now: at('2027-03-27T12:00:00Z'),
  });
  return incident;
}

export function assessed(facts: BreachFacts = misdirectedPost, overrides: Partial<ReportFacts> = {}): Incident {
  const incident = reported(overrides);
  incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
  incident.recordContainment(
    'Recovered the letter unopened.',
    'Wrong address on file.',
    dpo,
    at('2027-03-27T13:00:00Z'),
  );
  const assessment = assess(facts);
  incident.recordAssessment(
    { ...facts },
    { ...assessment, reasons: [...assessment.reasons] },
    {
      riskLevel: assessment.riskLevel,
      likelihood: 'likely',
      severity: 'significant',
      rationale: 'Arrears details could cause distress.',
    },
    dpo,
    at('2027-03-27T14:00:00Z'),
  );
  return incident;
}

export function decided(decision: Partial<DecisionFacts> = {}, incident = assessed()): Incident {
  const recommendation = incident.state.assessments.at(-1)!.recommendation;
  incident.recordDecision(
    {
      notifyIco: recommendation.notifyIco,
      icoReasons: 'A risk to the tenant: report to the ICO.',
      notifySubjects: recommendation.notifySubjects,
      subjectsExemption: null,
      subjectsReasons: 'The tenant should know so they can watch for misuse.',
      justification: null,
      ...decision,
    },
    dpo,
    at('2027-03-27T15:00:00Z'),
  );
  return incident;
}

export function submitted(submittedAt: string, delayReasons: string | null, incident = decided()): IncidentState {
  incident.recordIcoSubmission(
    { submittedAt, icoReference: 'IC-123456-A1B2', phased: false, delayReasons },
    dpo,
    at('2027-04-02T09:00:00Z'),
  );
  return incident.state;
}

export function external(): ReportFacts['processorFor'] {
  return [{ controllerId: DEMO_EXTERNAL_CONTROLLER.id, name: DEMO_EXTERNAL_CONTROLLER.name, notifyWithinHours: 24 }];
}

/** Where each heading sits in a document, by its markup, so order and presence are both checked. */
export function headingPositions(doc: string, format: 'html' | 'text', headings: string[]): number[] {
  return headings.map((h) => doc.indexOf(format === 'html' ? `<h2>${h}</h2>` : `\n${h}\n---`));
}

/** A decided incident with lessons learnt and two actions, the first done. */
export function withLessons(incident = decided()): Incident {
  incident.recordLessons(
    {
      rootCause: 'misdirected-email-or-post',
      narrative: 'The letter went to the previous address held for the tenancy.',
      changes: 'Addresses are now confirmed at every tenancy review.',
      actions: [
        {
          id: 'action-1',
          description: 'Check addresses of all open arrears cases',
          ownerId: dpo.id,
          dueAt: '2027-04-30T16:00:00Z',
        },
        {
          id: 'action-2',
          description: 'Add an address check to the review form',
          ownerId: dpo.id,
          dueAt: '2027-05-14T16:00:00Z',
        },
      ],
    },
    dpo,
    at('2027-03-28T10:00:00Z'),
  );
  incident.updateLessonAction('action-1', 'done', null, dpo, at('2027-04-01T10:00:00Z'));
  return incident;
}
