import { randomUUID } from 'node:crypto';
import { DATA_CATEGORIES, SUBJECT_CATEGORIES } from '#libs/assessment';
import { DEMO_PEOPLE, type DemoPerson } from '#libs/directory';
import { type Actor, Incident, outstandingObligations, type Recommendation, ROOT_CAUSES } from '#libs/incidents';

/**
 * Reproducible incidents for the trends test and the register benchmark, built by driving the
 * real aggregate with explicit past times, so every rule of the domain holds for them. Each
 * incident draws from its own seeded generator: the same seed and index give the same incident
 * whatever order they are built in. The free text is fixed and holds no personal data.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Skewed like real registers (misdirection dominates), so small periods have rare causes seen once.
const ROOT_CAUSE_WEIGHTS = [40, 18, 14, 10, 8, 6, 3, 1];

/**
 * One formatter for every incident: `londonYear` from #libs/shared builds an Intl.DateTimeFormat
 * per call, whose ICU memory V8 does not count, and 50,000 calls grew this process past 1.5 GB.
 */
const LONDON_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' });

const actorOf = (p: DemoPerson): Actor => ({ id: p.id, roles: p.roles, partnerId: p.partnerId });
const DPO = actorOf(DEMO_PEOPLE[0]);
const GOVERNANCE = actorOf(DEMO_PEOPLE[1]);
const REPORTERS = [actorOf(DEMO_PEOPLE[5]), actorOf(DEMO_PEOPLE[6])];

export interface SyntheticOptions {
  seed: number;
  count: number;
  /** Reported at or after this time... */
  from: Date;
  /** ...and before this one; later steps may follow up to a few weeks after. */
  to: Date;
  entities: readonly string[];
}

export interface SyntheticIncident {
  /** The UK year of the report, for the reference counter. */
  year: number;
  build(reference: string): Incident;
}

/** mulberry32: tiny, fast, and good enough to spread test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function syntheticIncidents(o: SyntheticOptions): SyntheticIncident[] {
  return Array.from({ length: o.count }, (_, i) => {
    const reportedMs = reportedAt(seededRandom(o.seed * 1_000_003 + i), o, i);
    return {
      year: Number(LONDON_YEAR.format(new Date(reportedMs))),
      build: (reference: string) => buildIncident(seededRandom(o.seed * 7_919 + i), o, i, reportedMs, reference),
    };
  });
}

/** Mostly uniform; one in 25 lands within an hour of a UTC month end, where UK months differ in summer. */
function reportedAt(rnd: () => number, o: SyntheticOptions, i: number): number {
  const from = o.from.getTime();
  const span = o.to.getTime() - from;
  if (i % 25 === 7) {
    const d = new Date(from + Math.floor(rnd() * span));
    const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const candidate = monthEnd - Math.floor(rnd() * 2 * HOUR) + HOUR;
    if (candidate >= from && candidate < o.to.getTime()) return candidate;
  }
  return from + Math.floor(rnd() * span);
}

function buildIncident(rnd: () => number, o: SyntheticOptions, i: number, reportedMs: number, reference: string) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const iso = (ms: number) => new Date(ms).toISOString();
  const discoveredMs = reportedMs - Math.floor(rnd() * 72 * HOUR);
  let t = reportedMs;
  /** Moves the story on by up to `maxHours` and returns the new time. */
  const later = (maxHours: number): Date => {
    t += Math.floor((0.05 + rnd() * maxHours) * HOUR);
    return new Date(t);
  };
  const categories = shuffled(rnd, DATA_CATEGORIES).slice(0, 1 + Math.floor(rnd() * 3));
  const incident = new Incident(randomUUID());
  incident.report({
    reference,
    report: {
      summary: 'Synthetic incident for the register and trends figures.',
      howDiscovered: 'Synthetic: found in a routine check.',
      containmentSoFar: 'Synthetic: access withdrawn.',
      occurredAt: rnd() < 0.3 ? null : iso(discoveredMs - Math.floor(rnd() * 48 * HOUR)),
      discoveredAt: iso(discoveredMs),
      entityId: pick(o.entities),
      processorFor: [],
      dataCategories: categories,
      subjectCategories: [pick(SUBJECT_CATEGORIES)],
      approxSubjects: rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 500),
      approxRecords: rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 2000),
      specialCategory: false,
      criminalOffence: false,
    },
    actor: pick(REPORTERS),
    now: new Date(reportedMs),
    policyVersion: 1,
  });
  if (rnd() < 0.06) return incident; // never acknowledged: undecided
  const owner = rnd() < 0.8 ? DPO : GOVERNANCE;
  incident.acknowledge(owner, later(6));
  if (rnd() < 0.1) {
    incident.closeAsNotBreach('Synthetic: no personal data was involved.', owner, later(48));
    // A few are reopened, which makes them undecided again.
    if (rnd() < 0.1) incident.reopen('Synthetic: more came to light.', owner, later(24));
    return incident;
  }
  if (rnd() < 0.7) {
    const confirmAt = later(24);
    const awareMs = discoveredMs + Math.floor(rnd() * (confirmAt.getTime() - discoveredMs));
    incident.confirmAwareness(iso(awareMs), 'Synthetic: the extent was confirmed.', owner, confirmAt);
  }
  if (rnd() < 0.5) incident.recordContainment('Synthetic containment.', 'Synthetic findings.', owner, later(12));
  if (rnd() < 0.08) return incident; // not yet assessed
  const notifyIco = rnd() < 0.45;
  const notifySubjects = rnd() < 0.2;
  const recommendation: Recommendation = {
    riskLevel: notifySubjects ? 'high' : notifyIco ? 'risk' : 'none',
    notifyIco: rnd() < 0.85 ? notifyIco : !notifyIco,
    notifySubjects,
    subjectsExemption: null,
    reasons: ['Synthetic reason.'],
  };
  const view = { riskLevel: recommendation.riskLevel, likelihood: 'possible', severity: 'significant' } as const;
  const facts = { breachTypes: ['confidentiality'], cause: 'misdirected-email' };
  incident.recordAssessment(facts, recommendation, { ...view, rationale: 'Synthetic view.' }, owner, later(48));
  if (rnd() < 0.08) return incident; // assessed, not yet decided
  const awareMs = Date.parse(incident.state.awareAt);
  t = Math.max(t + HOUR, awareMs + Math.floor(rnd() * 120 * HOUR));
  const differs = recommendation.notifyIco !== notifyIco;
  incident.recordDecision(
    {
      notifyIco,
      icoReasons: 'Synthetic ICO reasons.',
      notifySubjects,
      subjectsExemption: null,
      subjectsReasons: 'Synthetic subjects reasons.',
      justification: differs ? 'Synthetic justification.' : null,
    },
    owner,
    new Date(t),
  );
  if (notifyIco && rnd() < 0.85) {
    const deadline = awareMs + 72 * HOUR;
    // One in 50 exactly on the deadline, which is still within it.
    const submittedMs = i % 50 === 3 ? Math.max(t, deadline) : Math.max(t, awareMs + Math.floor(rnd() * 110 * HOUR));
    t = submittedMs;
    const late = submittedMs > deadline;
    incident.recordIcoSubmission(
      {
        submittedAt: iso(submittedMs),
        icoReference: `IC-SYN-${i}`,
        phased: rnd() < 0.3,
        delayReasons: late ? 'Synthetic delay reasons.' : null,
      },
      owner,
      later(2),
    );
  }
  if (notifySubjects && rnd() < 0.7) {
    const notifiedAt = iso(t);
    incident.recordSubjectsNotified(
      { notifiedAt, method: 'letter', count: 1 + Math.floor(rnd() * 50) },
      owner,
      later(24),
    );
  }
  if (rnd() < 0.7) recordLessons(rnd, incident, owner, later);
  if (outstandingObligations(incident.state).length === 0 && rnd() < 0.6) {
    incident.close('Synthetic: every obligation met.', owner, later(48));
  }
  return incident;
}

function recordLessons(rnd: () => number, incident: Incident, owner: Actor, later: (maxHours: number) => Date) {
  const at = later(240);
  const actions = Array.from({ length: Math.floor(rnd() * 4) }, () => ({
    id: randomUUID(),
    description: 'Synthetic action.',
    ownerId: GOVERNANCE.id,
    // Most fall due in the past (overdue now if still open); some not until 2027.
    dueAt: new Date(
      rnd() < 0.15 ? Date.UTC(2027, 0, 1) + Math.floor(rnd() * 365 * DAY) : at.getTime() + (7 + rnd() * 113) * DAY,
    ).toISOString(),
  }));
  incident.recordLessons(
    { rootCause: weighted(rnd), narrative: 'Synthetic narrative.', changes: 'Synthetic changes.', actions },
    owner,
    at,
  );
  for (const action of actions) {
    const r = rnd();
    if (r < 0.4) incident.updateLessonAction(action.id, 'done', null, owner, later(72));
    else if (r < 0.5) incident.updateLessonAction(action.id, 'accepted', 'Synthetic: accepted.', owner, later(72));
  }
  if (rnd() < 0.6) {
    const recipients = shuffled(rnd, DEMO_PEOPLE).slice(0, 1 + Math.floor(rnd() * 5));
    incident.circulateLessons(
      recipients.map((p) => p.id),
      owner,
      later(24),
    );
    for (const person of recipients) if (rnd() < 0.55) incident.acknowledgeLessons(actorOf(person), later(72));
  }
}

function weighted(rnd: () => number): string {
  const total = ROOT_CAUSE_WEIGHTS.reduce((a, b) => a + b, 0);
  let r = rnd() * total;
  for (let k = 0; k < ROOT_CAUSES.length; k++) {
    r -= ROOT_CAUSE_WEIGHTS[k];
    if (r < 0) return ROOT_CAUSES[k];
  }
  return ROOT_CAUSES[ROOT_CAUSES.length - 1];
}

function shuffled<T>(rnd: () => number, xs: readonly T[]): T[] {
  const copy = [...xs];
  for (let k = copy.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [copy[k], copy[j]] = [copy[j], copy[k]];
  }
  return copy;
}
