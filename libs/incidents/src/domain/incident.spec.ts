import { DomainError } from '#libs/shared';
import { Incident } from './incident';
import { IncidentEvent } from './incident.events';
import type { Actor, ReportFacts } from './incident.types';

const colleague: Actor = { id: 'c-1', roles: ['colleague'], partnerId: null };
const dpo: Actor = { id: 'd-1', roles: ['dpo'], partnerId: null };
const emt: Actor = { id: 'e-1', roles: ['emt'], partnerId: null };
const at = (iso: string) => new Date(iso);

const report = (overrides: Partial<ReportFacts> = {}): ReportFacts => ({
  summary: 'Letter sent to the wrong address.',
  howDiscovered: 'Returned by the recipient.',
  containmentSoFar: '',
  occurredAt: '2027-03-25T09:00:00.000Z',
  discoveredAt: '2027-03-27T10:00:00.000Z',
  entityId: 'HHL',
  processorFor: [],
  dataCategories: ['basic-identifiers'],
  subjectCategories: ['tenants'],
  approxSubjects: 1,
  approxRecords: 1,
  specialCategory: false,
  criminalOffence: false,
  ...overrides,
});

const recommendation = {
  riskLevel: 'risk' as const,
  notifyIco: true,
  notifySubjects: false,
  subjectsExemption: null,
  reasons: [],
};
const view = {
  riskLevel: 'risk' as const,
  likelihood: 'possible' as const,
  severity: 'significant' as const,
  rationale: 'r',
};

function reported(facts = report(), now = at('2027-03-27T12:00:00Z')): Incident {
  const incident = new Incident('i-1');
  incident.report({ reference: 'BR-2027-0001', report: facts, actor: colleague, now });
  return incident;
}

function replay(incident: Incident): Incident {
  return Incident.fromHistory(incident.id, incident.getUncommittedEvents() as IncidentEvent[]);
}

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Incident', () => {
  it('runs a provisional clock from discovery until the DPO confirms awareness', () => {
    const incident = reported();
    expect(incident.state.awareAt).toBe('2027-03-27T10:00:00.000Z');
    expect(incident.state.awareConfirmed).toBe(false);
    incident.confirmAwareness(
      '2027-03-27T11:30:00.000Z',
      'Manager confirmed the letter held arrears details.',
      dpo,
      at('2027-03-27T13:00:00Z'),
    );
    expect(incident.state).toMatchObject({ awareAt: '2027-03-27T11:30:00.000Z', awareConfirmed: true });
    expect(incident.state.awarenessHistory[0].previousAwareAt).toBe('2027-03-27T10:00:00.000Z');
  });

  it('refuses impossible times with a code naming the rule', () => {
    expect(codeOf(() => reported(report({ discoveredAt: '2027-03-28T10:00:00.000Z' })))).toBe('time_in_future');
    expect(codeOf(() => reported(report({ occurredAt: '2027-03-27T11:00:00.000Z' })))).toBe('times_out_of_order');
    const incident = reported();
    expect(
      codeOf(() => incident.confirmAwareness('2027-03-27T09:00:00.000Z', 'x', dpo, at('2027-03-27T13:00:00Z'))),
    ).toBe('times_out_of_order');
    expect(
      codeOf(() => incident.confirmAwareness('2027-03-27T12:00:00.000Z', ' ', dpo, at('2027-03-27T13:00:00Z'))),
    ).toBe('reason_required');
  });

  it('marks special category data from the categories even when the flag was left unticked', () => {
    expect(reported(report({ dataCategories: ['health'] })).state.report.specialCategory).toBe(true);
    expect(reported(report({ dataCategories: ['criminal-offence'] })).state.report.criminalOffence).toBe(true);
  });

  it('requires a justification when the decision differs from the recommendation', () => {
    const incident = reported();
    incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
    incident.recordAssessment({}, recommendation, view, dpo, at('2027-03-27T12:20:00Z'));
    const differing = {
      notifyIco: false,
      icoReasons: 'r',
      notifySubjects: false,
      subjectsExemption: null,
      subjectsReasons: 'r',
      justification: null,
    };
    expect(codeOf(() => incident.recordDecision(differing, dpo, at('2027-03-27T12:30:00Z')))).toBe(
      'justification_required',
    );
    incident.recordDecision(
      { ...differing, justification: 'Recipient is a solicitor bound by confidentiality.' },
      dpo,
      at('2027-03-27T12:30:00Z'),
    );
    expect(incident.state.decision?.differsFromRecommendation).toBe(true);
  });

  it('lets an EMT member decide only the DPO and Head of Governance may decide before escalation', () => {
    const incident = reported();
    incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
    incident.recordAssessment({}, recommendation, view, dpo, at('2027-03-27T12:20:00Z'));
    const decision = {
      notifyIco: true,
      icoReasons: 'r',
      notifySubjects: false,
      subjectsExemption: null,
      subjectsReasons: 'r',
      justification: null,
    };
    expect(codeOf(() => incident.recordDecision(decision, emt, at('2027-03-27T12:30:00Z')))).toBe(
      'not_entitled_to_decide',
    );
  });

  it('demands reasons for a late ICO notification (Art. 33(1)) and marks it late', () => {
    const incident = reported();
    incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
    incident.recordAssessment({}, recommendation, view, dpo, at('2027-03-27T12:20:00Z'));
    incident.recordDecision(
      {
        notifyIco: true,
        icoReasons: 'r',
        notifySubjects: false,
        subjectsExemption: null,
        subjectsReasons: 'r',
        justification: null,
      },
      dpo,
      at('2027-03-27T12:30:00Z'),
    );
    const now = at('2027-04-01T00:00:00Z');
    const late = { submittedAt: '2027-03-30T10:00:01.000Z', icoReference: 'IC-1', phased: false, delayReasons: null };
    expect(codeOf(() => incident.recordIcoSubmission(late, dpo, now))).toBe('delay_reasons_required');
    const onTime = { ...late, submittedAt: '2027-03-30T10:00:00.000Z' };
    incident.recordIcoSubmission(onTime, dpo, now);
    expect(incident.state.icoSubmission?.late).toBe(false);
  });

  it('will not close while an obligation is unmet, and lists each one', () => {
    const incident = reported(
      report({ processorFor: [{ controllerId: 'k-1', name: 'A Council', notifyWithinHours: 24 }] }),
    );
    incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
    incident.recordAssessment({}, recommendation, view, dpo, at('2027-03-27T12:20:00Z'));
    incident.recordDecision(
      {
        notifyIco: true,
        icoReasons: 'r',
        notifySubjects: true,
        subjectsExemption: null,
        subjectsReasons: 'r',
        justification: 'j',
      },
      dpo,
      at('2027-03-27T12:30:00Z'),
    );
    try {
      incident.close('', dpo, at('2027-03-27T13:00:00Z'));
      throw new Error('closed');
    } catch (error) {
      expect((error as DomainError).details?.missing).toEqual([
        'the ICO has not been notified',
        'the data subjects have not been told',
        'the controller A Council has not been told',
        'lessons learnt have not been recorded',
      ]);
    }
  });

  it('rebuilds the same state from its events alone', () => {
    const incident = reported();
    incident.acknowledge(dpo, at('2027-03-27T12:10:00Z'));
    incident.confirmAwareness('2027-03-27T11:00:00.000Z', 'j', dpo, at('2027-03-27T12:20:00Z'));
    incident.closeAsNotBreach('No personal data involved.', dpo, at('2027-03-27T12:30:00Z'));
    const copy = replay(incident);
    expect(copy.state).toEqual(incident.state);
    expect(copy.version).toBe(4);
    expect(copy.status).toBe('closed-not-breach');
  });
});
