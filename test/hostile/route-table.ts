import { DEMO_PARTNER, Role } from '#libs/directory';
import { personId, Who } from '../support/api';
import { DEFAULT_POLICY_BODY, validBodies } from './valid-bodies';

/** Ids made in the test's setup: an incident Chris reported, with lessons circulated to all but Priya. */
export interface Ctx {
  incident: string;
  /** Another of Chris's incidents, whose lessons went to everyone but Priya; no command touches it. */
  circulated: string;
  action: string;
  webhook: string;
  /** The partner organisation's API key the matrix calls with, and another key's id to revoke. */
  partnerKey: string;
  spareKey: string;
}

export interface RouteRow {
  /** The roles that may call the route, or, for a public route, the status an anonymous caller gets. */
  access: readonly Role[] | { public: number };
  /** What the route acts on: a role that may call it still gets 404 for an object it may not see. */
  object?: 'incident' | 'lessons';
  /** Path parameters (already URL-safe); by default `:id` is the incident and `:actionId` its action. */
  params?: (ctx: Ctx) => Record<string, string>;
  /** A body the route accepts in some state (JSON for the API, a form for the pages). */
  body?: (ctx: Ctx) => object;
}

const TEAM = ['dpo', 'governance'] as const;
const READERS = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor'] as const;
const REPORTERS = ['colleague', 'partner', 'dpo', 'governance', 'emt'] as const;
const POLICY_READERS = ['admin', 'dpo', 'governance', 'auditor'] as const;
const EVERYONE = ['colleague', 'partner', 'dpo', 'governance', 'emt', 'auditor', 'admin'] as const;

export const ROLE_OF: Record<Who, Role> = {
  dpo: 'dpo',
  governance: 'governance',
  emt: 'emt',
  auditor: 'auditor',
  admin: 'admin',
  chris: 'colleague',
  priya: 'colleague',
  partner: 'partner',
};

/**
 * Chris reported the incident; the partner organisation and Priya are strangers to it. The lessons
 * circular went to the people of the directory but Priya (a partner's API key is not a person).
 */
export function canSeeObject(who: Who | 'partner key', object: 'incident' | 'lessons'): boolean {
  if (object === 'lessons') return who !== 'priya' && who !== 'partner key';
  return ['dpo', 'governance', 'emt', 'auditor', 'chris'].includes(who);
}

const body = validBodies();
const command = (step: keyof typeof body, roles: readonly Role[] = TEAM): RouteRow => ({
  access: roles,
  object: 'incident',
  body: () => body[step],
});
const page = (roles: readonly Role[], object?: 'incident'): RouteRow => ({ access: roles, object, body: () => ({}) });
const incidentPage = (roles: readonly Role[] = TEAM) => page(roles, 'incident');
const publicRoute = (status: number): RouteRow => ({ access: { public: status } });

/**
 * Who may call every route the app serves. One row per route: the access matrix test checks
 * each against every role, signed out, and an object the caller may not see; the hostile-input
 * test throws random requests at each. A route the app serves without a row here fails both.
 */
export const ROUTE_TABLE: Record<string, RouteRow> = {
  // ---- the JSON API: incidents ----------------------------------------------------------------
  'POST /api/v1/incidents': { access: REPORTERS, body: () => body.report },
  'GET /api/v1/incidents': { access: READERS },
  'GET /api/v1/incidents/:id': { access: READERS, object: 'incident' },
  'GET /api/v1/incidents/:id/timeline': { access: READERS, object: 'incident' },
  'POST /api/v1/incidents/:id/information': command('information', ['colleague', 'partner', ...TEAM]),
  'POST /api/v1/incidents/:id/acknowledge': command('acknowledge'),
  'POST /api/v1/incidents/:id/close-as-not-breach': command('close-as-not-breach'),
  'POST /api/v1/incidents/:id/awareness': command('awareness'),
  'POST /api/v1/incidents/:id/containment': command('containment'),
  'POST /api/v1/incidents/:id/assessments': command('assessments'),
  'POST /api/v1/incidents/:id/decision': command('decision', [...TEAM, 'emt']),
  'POST /api/v1/incidents/:id/ico-submissions': command('ico-submissions'),
  'POST /api/v1/incidents/:id/ico-submissions/supplementary': command('ico-submissions/supplementary'),
  'POST /api/v1/incidents/:id/subjects-notified': command('subjects-notified'),
  'POST /api/v1/incidents/:id/controller-notified': command('controller-notified'),
  'POST /api/v1/incidents/:id/lessons': command('lessons'),
  'POST /api/v1/incidents/:id/close': command('close'),
  'POST /api/v1/incidents/:id/reopen': command('reopen'),
  'GET /api/v1/incidents/:id/documents/:kind': { access: TEAM, object: 'incident' },
  // ---- lessons learnt ---------------------------------------------------------------------------
  'POST /api/v1/incidents/:id/lessons/circulate': command('lessons/circulate'),
  'POST /api/v1/incidents/:id/lessons/actions/:actionId': command('lessons/actions'),
  'GET /api/v1/lessons': { access: READERS },
  'POST /api/v1/lessons/:id/acknowledge': {
    access: READERS,
    object: 'lessons',
    params: (c) => ({ id: c.circulated }),
  },
  'POST /api/v1/assessments/preview': {
    access: ['dpo', 'governance', 'emt'],
    body: () => ({ facts: body.assessments }),
  },
  // ---- administration ---------------------------------------------------------------------------
  'GET /api/v1/admin/escalation-policy': { access: POLICY_READERS },
  'GET /api/v1/admin/escalation-policy/versions/:version': { access: POLICY_READERS },
  'PUT /api/v1/admin/escalation-policy': { access: ['admin'], body: () => DEFAULT_POLICY_BODY },
  'GET /api/v1/admin/people': { access: ['admin'] },
  'PATCH /api/v1/admin/people/:id': {
    access: ['admin'],
    params: () => ({ id: personId('priya') }),
    body: () => ({ absent: false }),
  },
  'GET /api/v1/admin/entities': { access: POLICY_READERS },
  'PATCH /api/v1/admin/entities/:id': {
    access: ['admin'],
    params: () => ({ id: 'HHL' }),
    body: () => ({ retentionMonths: 72 }),
  },
  'POST /api/v1/admin/webhooks': {
    access: ['admin'],
    body: () => ({ url: 'http://127.0.0.1:9/never', eventTypes: ['NeverHappens'] }),
  },
  'GET /api/v1/admin/webhooks': { access: ['admin'] },
  'GET /api/v1/admin/webhooks/:id/deliveries': { access: ['admin'], params: (c) => ({ id: c.webhook }) },
  'DELETE /api/v1/admin/webhooks/:id': { access: ['admin'], params: (c) => ({ id: c.webhook }) },
  'GET /api/v1/admin/partners': { access: ['admin'] },
  'GET /api/v1/admin/partners/:id/api-keys': { access: ['admin'], params: () => ({ id: DEMO_PARTNER.id }) },
  'POST /api/v1/admin/partners/:id/api-keys': {
    access: ['admin'],
    params: () => ({ id: DEMO_PARTNER.id }),
    body: () => ({ label: 'Repairs portal' }),
  },
  'DELETE /api/v1/admin/partners/:id/api-keys/:keyId': {
    access: ['admin'],
    params: (c) => ({ id: DEMO_PARTNER.id, keyId: c.spareKey }),
  },
  // ---- the register and trends ------------------------------------------------------------------
  'GET /api/v1/register': { access: ['dpo', 'governance', 'emt', 'auditor'] },
  'GET /api/v1/trends': { access: ['dpo', 'governance', 'emt', 'auditor'] },
  // ---- public: operations, development sign-in, API docs ---------------------------------------
  'GET /health/live': publicRoute(200),
  'GET /health/ready': publicRoute(200),
  'GET /metrics': publicRoute(200),
  'GET /api/v1/dev/people': publicRoute(200),
  'GET /api/v1/dev/mail': publicRoute(200),
  'POST /api/v1/dev/sign-in': { access: { public: 200 }, body: () => ({ personId: personId('chris') }) },
  'GET /api/docs': publicRoute(200),
  'GET /api/docs/': publicRoute(200),
  'GET /api/docs/index.html': publicRoute(200),
  'GET /api/docs/LICENSE': publicRoute(404),
  'GET /api/docs/swagger-ui-init.js': publicRoute(200),
  'GET /api/docs/docs/swagger-ui-init.js': publicRoute(200),
  'GET /api/docs-json': publicRoute(200),
  'GET /api/docs-yaml': publicRoute(200),
  // ---- pages: signing in and out (every write needs the form's CSRF token) ---------------------
  'GET /sign-in': publicRoute(200),
  'POST /sign-in/demo': publicRoute(403),
  'GET /auth/oidc': publicRoute(404),
  'GET /auth/callback': publicRoute(404),
  'POST /sign-out': publicRoute(403),
  // ---- pages for people ---------------------------------------------------------------------------
  'GET /': page(EVERYONE),
  'GET /queue': page(['dpo', 'governance', 'emt', 'auditor']),
  'GET /trends': page(['dpo', 'governance', 'emt', 'auditor']),
  'GET /register': page(['dpo', 'governance', 'emt', 'auditor']),
  'GET /reports': page(['colleague', 'partner']),
  'GET /reports/new': page(REPORTERS),
  'POST /reports': page(REPORTERS),
  'GET /reports/:id/received': page(REPORTERS, 'incident'),
  'GET /incidents/:id': incidentPage(READERS),
  'POST /incidents/:id/information': incidentPage(['colleague', 'partner', ...TEAM]),
  'POST /incidents/:id/acknowledge': incidentPage(),
  'POST /incidents/:id/not-a-breach': incidentPage(),
  'POST /incidents/:id/awareness': incidentPage(),
  'POST /incidents/:id/containment': incidentPage(),
  'POST /incidents/:id/assessment': incidentPage(),
  'POST /incidents/:id/decision': incidentPage([...TEAM, 'emt']),
  'POST /incidents/:id/ico-submission': incidentPage(),
  'POST /incidents/:id/subjects-notified': incidentPage(),
  'POST /incidents/:id/lessons': incidentPage(),
  'POST /incidents/:id/close': incidentPage(),
  'POST /incidents/:id/reopen': incidentPage(),
  'POST /incidents/:id/lessons/circulate': incidentPage(),
  'POST /incidents/:id/lessons/action': incidentPage(),
  'POST /incidents/:id/ico-supplementary': incidentPage(),
  'POST /incidents/:id/controller-notified': incidentPage(),
  'POST /assessment/preview': page(TEAM),
  'GET /lessons': page(READERS),
  'POST /lessons/:id/acknowledge': {
    access: READERS,
    object: 'lessons',
    params: (c) => ({ id: c.circulated }),
    body: () => ({}),
  },
  'GET /admin/people': page(['admin']),
  'POST /admin/people/:id': { ...page(['admin']), params: () => ({ id: personId('priya') }) },
  'GET /admin/escalation-policy': page(POLICY_READERS),
  'POST /admin/escalation-policy': page(['admin']),
  'GET /admin/webhooks': page(['admin']),
  'POST /admin/webhooks': page(['admin']),
  'GET /admin/webhooks/:id': { ...page(['admin']), params: (c) => ({ id: c.webhook }) },
  'POST /admin/webhooks/:id/remove': { ...page(['admin']), params: (c) => ({ id: c.webhook }) },
  'GET /admin/partners': page(['admin']),
  'POST /admin/partners/:id/api-keys': { ...page(['admin']), params: () => ({ id: DEMO_PARTNER.id }) },
  'POST /admin/partners/:id/api-keys/:keyId/revoke': {
    ...page(['admin']),
    params: (c) => ({ id: DEMO_PARTNER.id, keyId: c.spareKey }),
  },
};

/** The path parameters of a row, with the defaults filled in. */
export function rowParams(row: RouteRow, ctx: Ctx): Record<string, string> {
  return { id: ctx.incident, actionId: ctx.action, kind: 'ico-report', version: '1', ...row.params?.(ctx) };
}
