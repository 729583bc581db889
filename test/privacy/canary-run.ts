import { DEMO_EXTERNAL_CONTROLLER } from '#libs/directory';
import { personId } from '../support/api';
import { waitFor } from '../support/processes';
import type { RemoteApi } from '../support/remote-api';
import { FACTS } from '../hostile/valid-bodies';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const hoursAhead = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

const report = (text: string, overrides: object = {}) => ({
  summary: text,
  howDiscovered: text,
  containmentSoFar: text,
  occurredAt: hoursAgo(81),
  discoveredAt: hoursAgo(80),
  entityId: 'HHL',
  dataCategories: ['basic-identifiers', 'financial'],
  subjectCategories: ['tenants'],
  approxSubjects: 40,
  approxRecords: 40,
  specialCategory: false,
  criminalOffence: false,
  ...overrides,
});

/**
 * A breach found 80 hours ago, so every timer is already due: escalations, the missed ICO and
 * controller deadlines and an action reminder all fire at once. The group is processor for a
 * council; the ICO hears late (with reasons); lessons are circulated, read, settled; it closes,
 * reopens and closes again. `text` goes into every free-text field on the way.
 */
export async function wholeLife(api: RemoteApi, text: string): Promise<string> {
  const { id } = (
    await api.ok(
      'chris',
      'POST',
      '/api/v1/incidents',
      report(text, { processorForControllerIds: [DEMO_EXTERNAL_CONTROLLER.id] }),
    )
  ).body as { id: string };
  const url = `/api/v1/incidents/${id}`;
  await api.ok('chris', 'POST', `${url}/information`, { note: text });
  // The timers fire at once (the 72 hours ran out long ago) and record themselves while nobody acts.
  const fired = ['EscalationRaised', 'DeadlineReminderRaised', 'IcoDeadlineMissed', 'ControllerDeadlineMissed'];
  await waitFor(
    async () => {
      const { entries } = (await api.ok('dpo', 'GET', `${url}/timeline`)).body as { entries: { type: string }[] };
      return fired.every((type) => entries.some((e) => e.type === type));
    },
    30_000,
    `the timers of ${id} to fire`,
  );
  await api.ok('dpo', 'POST', `${url}/acknowledge`);
  await api.ok('dpo', 'POST', `${url}/awareness`, { awareAt: hoursAgo(79), justification: text });
  await api.ok('dpo', 'POST', `${url}/containment`, { actions: text, findings: text });
  const view = { riskLevel: 'high', likelihood: 'likely', severity: 'serious', rationale: text };
  await api.ok('dpo', 'POST', `${url}/assessments`, { facts: FACTS, assessorView: view });
  await api.ok('dpo', 'POST', `${url}/decision`, {
    notifyIco: true,
    icoReasons: text,
    notifySubjects: true,
    subjectsExemption: null,
    subjectsReasons: text,
    justification: text,
  });
  const ico = { submittedAt: hoursAgo(0.1), icoReference: 'IC-424242-CNRY', phased: true, delayReasons: text };
  await api.ok('dpo', 'POST', `${url}/ico-submissions`, ico);
  await api.ok('dpo', 'POST', `${url}/ico-submissions/supplementary`, { submittedAt: hoursAgo(0.05), summary: text });
  await api.ok('dpo', 'POST', `${url}/subjects-notified`, { notifiedAt: hoursAgo(0.05), method: 'letter', count: 40 });
  const controller = { controllerId: DEMO_EXTERNAL_CONTROLLER.id, notifiedAt: hoursAgo(0.05), method: 'email' };
  await api.ok('governance', 'POST', `${url}/controller-notified`, controller);
  await api.ok('dpo', 'POST', `${url}/lessons`, {
    rootCause: 'misdirected-email-or-post',
    narrative: text,
    changes: text,
    actions: [{ description: text, ownerId: personId('governance'), dueAt: hoursAhead(2) }],
  });
  await api.ok('dpo', 'POST', `${url}/lessons/circulate`, { personIds: [personId('priya')], roles: ['emt'] });
  await api.ok('priya', 'POST', `/api/v1/lessons/${id}/acknowledge`);
  const detail = (await api.ok('dpo', 'GET', url)).body as { lessons: { actions: { id: string }[] } };
  await api.ok('dpo', 'POST', `${url}/lessons/actions/${detail.lessons.actions[0].id}`, {
    status: 'accepted',
    reason: text,
  });
  for (const kind of ['ico-report', 'subjects-letter']) {
    await api.ok('dpo', 'GET', `${url}/documents/${kind}?format=text`);
  }
  await api.ok('dpo', 'POST', `${url}/close`, { summary: text });
  await api.ok('governance', 'POST', `${url}/reopen`, { reason: text });
  await api.ok('dpo', 'POST', `${url}/close`, { summary: text });
  return id;
}

/** Priya's report that turns out not to be a personal data breach. */
export async function notABreach(api: RemoteApi, text: string): Promise<string> {
  const { id } = (await api.ok('priya', 'POST', '/api/v1/incidents', report(text, { entityId: 'SSHA' }))).body;
  await api.ok('governance', 'POST', `/api/v1/incidents/${id}/close-as-not-breach`, { reason: text });
  await api.ok('governance', 'GET', `/api/v1/incidents/${id}/documents/register-entry?format=html`);
  return id as string;
}

/** A partner's report of special category and criminal-offence data, found just now: its timers lie ahead. */
export async function partnersSpecialReport(api: RemoteApi, text: string): Promise<string> {
  const special = { specialCategory: true, criminalOffence: true, dataCategories: ['health', 'criminal-offence'] };
  const { id } = (
    await api.ok(
      'partner',
      'POST',
      '/api/v1/incidents',
      report(text, { ...special, discoveredAt: hoursAgo(1), occurredAt: null }),
    )
  ).body;
  await api.ok('partner', 'POST', `/api/v1/incidents/${id}/information`, { note: text });
  await api.ok('dpo', 'POST', `/api/v1/incidents/${id}/acknowledge`);
  return id as string;
}

/** Requests refused on the way in, each carrying the text where a person might have typed it. */
export async function refusals(api: RemoteApi, text: string, ids: { open: string; closed: string }): Promise<void> {
  const refused = async (
    who: Parameters<RemoteApi['as']>[0],
    method: string,
    path: string,
    body?: unknown,
    headers = {},
  ) => {
    const res = await api.as(who, method, path, body, headers);
    if (res.status < 400) throw new Error(`${method} ${path} should have been refused, got ${res.status}`);
  };
  const open = `/api/v1/incidents/${ids.open}`;
  await refused('chris', 'POST', '/api/v1/incidents', report('x', { approxSubjects: text }));
  await refused('chris', 'POST', '/api/v1/incidents', report('x', { entityId: text.slice(0, 20) }));
  await refused('chris', 'POST', '/api/v1/incidents', report('x', { dataCategories: [text] }));
  await refused('chris', 'POST', '/api/v1/incidents', report(text, { discoveredAt: hoursAhead(5), occurredAt: null }));
  await refused('chris', 'POST', '/api/v1/incidents', report(text, { summary: `${text} ${'x'.repeat(200_000)}` }));
  await refused('priya', 'POST', `${open}/information`, { note: text });
  await refused('emt', 'POST', `${open}/decision`, {
    notifyIco: true,
    icoReasons: text,
    notifySubjects: false,
    subjectsReasons: text,
  });
  await refused('dpo', 'POST', `${open}/close`, { summary: text });
  await refused('dpo', 'POST', `${open}/reopen`, { reason: text });
  await refused('dpo', 'POST', `${open}/awareness`, { awareAt: hoursAhead(1), justification: text });
  await refused('dpo', 'POST', `${open}/containment`, { actions: text, findings: text }, { 'if-match': `"${text}"` });
  await refused('dpo', 'POST', `${open}/containment`, { actions: text, findings: 7 });
  await refused('dpo', 'POST', `/api/v1/incidents/${ids.closed}/close-as-not-breach`, { reason: text });
  await refused('dpo', 'POST', '/api/v1/assessments/preview', { facts: { ...FACTS, cause: text } });
  await refused('admin', 'POST', '/api/v1/admin/webhooks', { url: text, eventTypes: [text] });
  await refused('dpo', 'GET', `/api/v1/incidents?status=${encodeURIComponent(text)}`);
  const malformed = await api.send('POST', '/api/v1/incidents', {
    raw: `{"summary": "${text}", `,
    headers: { authorization: `Bearer ${await api.token('chris')}` },
  });
  if (malformed.status !== 400) throw new Error(`malformed JSON got ${malformed.status}`);
  await api.send('GET', '/api/v1/incidents', { headers: { authorization: `Bearer ${text}` } });
}
