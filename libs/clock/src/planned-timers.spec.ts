import { Incident, ReportFacts } from '#libs/incidents';
import { DEFAULT_POLICY } from './escalation-policy';
import { liveTimers, timerJobId } from './planned-timers';

const dpo = { id: 'd', roles: ['dpo' as const], partnerId: null };
const facts: ReportFacts = {
  summary: 's',
  howDiscovered: 'h',
  containmentSoFar: '',
  occurredAt: null,
  discoveredAt: '2027-03-27T10:00:00.000Z',
  entityId: 'HHL',
  processorFor: [{ controllerId: 'c1', name: 'A Council', notifyWithinHours: 24 }],
  dataCategories: ['contact'],
  subjectCategories: ['tenants'],
  approxSubjects: 3,
  approxRecords: 3,
  specialCategory: false,
  criminalOffence: false,
};

function incident() {
  const i = new Incident('11111111-1111-4111-8111-111111111111');
  i.report({
    reference: 'BR-2027-0001',
    report: facts,
    actor: { id: 'c', roles: ['colleague'], partnerId: null },
    now: new Date('2027-03-27T10:30:00Z'),
  });
  return i;
}

const byName = (i: Incident) =>
  Object.fromEntries(liveTimers(i.state, DEFAULT_POLICY).map((t) => [t.name, t.dueAt.toISOString()]));

describe('the clock', () => {
  it('plans the chain from the report and the awareness time', () => {
    expect(byName(incident())).toEqual({
      'ack-escalation': '2027-03-27T14:30:00.000Z',
      'decision-escalation': '2027-03-29T10:00:00.000Z',
      'reminder-24h': '2027-03-29T10:00:00.000Z',
      'reminder-12h': '2027-03-29T22:00:00.000Z',
      'reminder-4h': '2027-03-30T06:00:00.000Z',
      'ico-deadline': '2027-03-30T10:00:00.000Z',
      'controller-c1': '2027-03-28T10:00:00.000Z',
    });
  });

  it('keeps 72 absolute hours across the change to British Summer Time', () => {
    // Aware 27 March 2027 10:00 GMT; the clocks go forward on 28 March; deadline 30 March 11:00 BST.
    expect(byName(incident())['ico-deadline']).toBe('2027-03-30T10:00:00.000Z');
  });

  it('drops the acknowledgement escalation once acknowledged, and everything once closed as not a breach', () => {
    const i = incident();
    i.acknowledge(dpo, new Date('2027-03-27T11:00:00Z'));
    expect(byName(i)['ack-escalation']).toBeUndefined();
    i.closeAsNotBreach('No personal data.', dpo, new Date('2027-03-27T11:05:00Z'));
    expect(byName(i)).toEqual({});
  });

  it('moves every timer when the awareness time moves, under new job ids', () => {
    const i = incident();
    const before = timerJobId(i.id, 'ico-deadline', i.state.awareAt);
    i.confirmAwareness('2027-03-27T10:20:00.000Z', 'Manager confirmed.', dpo, new Date('2027-03-27T11:00:00Z'));
    expect(byName(i)['ico-deadline']).toBe('2027-03-30T10:20:00.000Z');
    const after = timerJobId(i.id, 'ico-deadline', i.state.awareAt);
    expect(after).not.toBe(before);
    expect(after).toMatch(/^inc_[0-9a-f-]{36}_ico-deadline_\d+$/);
    expect(after).not.toContain(':');
  });

  it('does not plan a timer that has already fired for this awareness time', () => {
    const i = incident();
    i.raiseTimer(
      'ack-escalation',
      new Date('2027-03-27T14:30:00Z'),
      { kind: 'escalation', to: 'governance' },
      new Date('2027-03-27T14:30:01Z'),
    );
    expect(byName(i)['ack-escalation']).toBeUndefined();
    expect(i.raiseTimer('ack-escalation', new Date(), { kind: 'escalation', to: 'governance' }, new Date())).toBe(
      false,
    );
  });
});
