import type { Actor, IncidentState, Recommendation } from '#libs/incidents';
import { Incident } from '#libs/incidents';
import { ANONYMISED_COLUMNS, FULL_COLUMNS } from './register-columns';
import { toAnonymisedRow, toFullRow } from './register-row.mapper';

const MARK = 'MARK-91c3';
const marked = (label: string) => `${label} ${MARK}`;
const reporter: Actor = { id: 'person-reporter-77aa', roles: ['colleague'], partnerId: null };
const dpo: Actor = { id: 'person-dpo-55bb', roles: ['dpo'], partnerId: null };
const HOUR = 3_600_000;
const T0 = Date.parse('2025-06-30T22:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();
const NOW = new Date('2026-11-24T12:00:00.000Z');

const recommendation = (notifyIco: boolean): Recommendation => ({
  riskLevel: notifyIco ? 'risk' : 'none',
  notifyIco,
  notifySubjects: false,
  subjectsExemption: null,
  reasons: ['Generated reason.'],
  enisa: { score: 2.5, band: 'medium' },
});

function reported(): Incident {
  const incident = new Incident('8d8f4a52-8b6e-4a43-9d0e-1f6f0b0a9a01');
  incident.report({
    reference: 'BR-2025-0042',
    report: {
      summary: marked('Summary'),
      howDiscovered: marked('How'),
      containmentSoFar: marked('Contained'),
      occurredAt: iso(-2),
      discoveredAt: iso(-1),
      entityId: 'HHL',
      processorFor: [],
      dataCategories: ['basic-identifiers', 'health'],
      subjectCategories: ['tenants'],
      approxSubjects: 3,
      approxRecords: 5,
      specialCategory: false,
      criminalOffence: false,
    },
    actor: reporter,
    now: at(0),
  });
  return incident;
}

/** Through a decision, every piece of free text marked. */
function decided(notifyIco: boolean, facts: Record<string, unknown> = {}): Incident {
  const incident = reported();
  incident.acknowledge(dpo, at(1));
  incident.confirmAwareness(iso(0), marked('Justified'), dpo, at(2));
  incident.recordContainment(marked('Actions'), marked('Findings'), dpo, at(3));
  const view = {
    riskLevel: 'risk',
    likelihood: 'possible',
    severity: 'significant',
    rationale: marked('Why'),
  } as const;
  const assessed = { breachTypes: ['confidentiality'], cause: 'misdirected-email', ...facts };
  incident.recordAssessment(assessed, recommendation(notifyIco), view, dpo, at(4));
  incident.recordDecision(
    {
      notifyIco,
      icoReasons: marked('ICO'),
      notifySubjects: false,
      subjectsExemption: null,
      subjectsReasons: marked('Subjects'),
      justification: marked('Justification'),
    },
    dpo,
    at(5),
  );
  return incident;
}

function withLessons(incident: Incident): Incident {
  const actions = [
    { id: 'a1', description: marked('Action 1'), ownerId: dpo.id, dueAt: iso(100) },
    { id: 'a2', description: marked('Action 2'), ownerId: dpo.id, dueAt: '2027-01-01T00:00:00.000Z' },
  ];
  incident.recordLessons(
    { rootCause: 'wrong-attachment', narrative: marked('Narrative'), changes: marked('Changes'), actions },
    dpo,
    at(10),
  );
  incident.circulateLessons([dpo.id, reporter.id], dpo, at(11));
  incident.acknowledgeLessons(reporter, at(12));
  return incident;
}

const state = (incident: Incident) => incident.state as IncidentState;

describe('toAnonymisedRow', () => {
  it('holds exactly the anonymised columns and none of the free text or people', () => {
    const s = state(withLessons(decided(false)));
    const row = toAnonymisedRow(s, NOW);
    expect(Object.keys(row)).toEqual([...ANONYMISED_COLUMNS]);
    const text = JSON.stringify(row);
    expect(text).not.toContain(MARK);
    expect(text).not.toContain(reporter.id);
    expect(text).not.toContain(dpo.id);
    expect(row).toMatchObject({
      reference: 'BR-2025-0042',
      outcome: 'not-reported',
      status: 'decided',
      dataCategories: ['basic-identifiers', 'health'],
      specialCategory: true,
      enisaScore: 2.5,
      enisaBand: 'medium',
      rootCause: 'wrong-attachment',
      lessonActions: 2,
      lessonActionsOpen: 2,
      lessonActionsOverdue: 1,
      lessonsCirculatedTo: 2,
      lessonsAcknowledged: 1,
      icoWithin72h: null,
    });
  });

  it('drops assessment facts that are not the enumerated values', () => {
    const row = toAnonymisedRow(
      state(decided(false, { breachTypes: ['confidentiality', marked('x')], cause: 'Bob' })),
      NOW,
    );
    expect(row.breachTypes).toEqual(['confidentiality']);
    expect(row.cause).toBeNull();
  });

  it('never passes on a field it does not name', () => {
    const s = state(decided(false));
    const tampered = { ...s, secret: MARK, report: { ...s.report, secret: MARK } } as IncidentState;
    expect(JSON.stringify(toAnonymisedRow(tampered, NOW))).not.toContain(MARK);
    expect(JSON.stringify(toFullRow(tampered, NOW))).not.toContain(`"secret"`);
  });

  it.each([
    ['undecided', () => reported()],
    ['not-reported', () => decided(false)],
    ['to-report', () => decided(true)],
  ])('classifies %s', (outcome, build) => {
    expect(toAnonymisedRow(state(build()), NOW).outcome).toBe(outcome);
  });

  it('classifies a report closed as not a breach, and undecided again once reopened', () => {
    const incident = reported();
    incident.acknowledge(dpo, at(1));
    incident.closeAsNotBreach(marked('No personal data'), dpo, at(2));
    expect(toAnonymisedRow(state(incident), NOW)).toMatchObject({ outcome: 'not-a-breach', closedAt: iso(2) });
    incident.reopen('Found more', dpo, at(3));
    expect(toAnonymisedRow(state(incident), NOW)).toMatchObject({ outcome: 'undecided', reopenings: 1 });
  });

  it('tells within 72 hours from late, to the millisecond', () => {
    const onTime = decided(true);
    onTime.recordIcoSubmission(
      { submittedAt: iso(72), icoReference: 'IC-1', phased: false, delayReasons: null },
      dpo,
      at(73),
    );
    expect(toAnonymisedRow(state(onTime), NOW)).toMatchObject({
      outcome: 'reported',
      icoWithin72h: true,
      hoursAwareToIco: 72,
      delayReasonsGiven: false,
    });
    const late = decided(true);
    const submittedAt = new Date(T0 + 72 * HOUR + 1).toISOString();
    late.recordIcoSubmission(
      { submittedAt, icoReference: 'IC-2', phased: false, delayReasons: marked('Why') },
      dpo,
      at(73),
    );
    expect(toAnonymisedRow(state(late), NOW)).toMatchObject({ icoWithin72h: false, delayReasonsGiven: true });
  });
});

describe('toFullRow', () => {
  it('adds who and every word, for the DPO and governance', () => {
    const incident = withLessons(decided(true));
    incident.recordIcoSubmission(
      { submittedAt: iso(80), icoReference: marked('IC'), phased: true, delayReasons: marked('Delay') },
      dpo,
      at(81),
    );
    const row = toFullRow(state(incident), NOW);
    expect(Object.keys(row)).toEqual([...FULL_COLUMNS]);
    expect(row).toMatchObject({
      reportedBy: reporter.id,
      decidedBy: dpo.id,
      summary: marked('Summary'),
      howDiscovered: marked('How'),
      effects: marked('Findings'),
      remedialAction: `${marked('Contained')}\n${marked('Actions')}`,
      assessorRationale: marked('Why'),
      recommendationReasons: ['Generated reason.'],
      icoReasons: marked('ICO'),
      subjectsReasons: marked('Subjects'),
      decisionJustification: marked('Justification'),
      icoReference: marked('IC'),
      delayReasons: marked('Delay'),
      lessonsNarrative: marked('Narrative'),
      lessonsChanges: marked('Changes'),
      lessonActionDescriptions: [marked('Action 1'), marked('Action 2')],
      icoWithin72h: false,
    });
  });
});
