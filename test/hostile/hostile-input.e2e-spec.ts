import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi } from '../support/api';
import { dbFingerprint } from '../support/db-fingerprint';
import { fillPath, isPageRoute, paramNames } from '../support/live-routes';
import { PageSession, pageSession } from '../support/page-session';
import { internalsIn } from '../support/response-checks';
import { hostileAuthorization, hostileHeaders, hostileQuery, hostileSegment } from './arbitraries';
import {
  deeplyNested,
  everyFieldForm,
  hostileBody,
  hostileForm,
  oneValueChanged,
  RawBody,
  unstorableExamples,
  unstorableFormExamples,
} from './bodies';
import { decidedWithLessons, makeObjects, reportedIncident } from './fixtures';
import { renderedForms } from './page-forms';
import { Ctx, ROUTE_TABLE, RouteRow, rowParams } from './route-table';
import { DEFAULT_POLICY_BODY } from './valid-bodies';

jest.setTimeout(120_000);

/** Runs per route; `HOSTILE_RUNS=500` for a long soak. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);

type Caller = 'dpo' | 'chris' | 'admin' | 'partner key' | 'dpo page' | 'admin page' | 'nobody';

interface HostileRequest {
  caller: Caller;
  authorization?: string;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body?: RawBody;
}

/** Every form field the pages have, read from their templates. */
const FORM_FIELDS = (() => {
  const views = join(__dirname, '../../apps/api/views');
  const files = readdirSync(views, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs'));
  const text = files.map((f) => readFileSync(join(views, f), 'utf8')).join('\n');
  return [...new Set([...text.matchAll(/name="([A-Za-z_]\w*)/g)].map((m) => m[1]))];
})();

const short = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text);

describe('hostile input: random, oversized, nested, mistyped and unicode requests on every route', () => {
  let api: TestApi;
  let db: DataSource;
  let ctx: Ctx;
  const pages = new Map<Caller, PageSession>();
  let forms: Map<string, string[]>;
  let tampered: string;
  const bearer = new Map<Caller, string>();

  // POST /sign-out with a good token ends the session it came with: every route starts signed in afresh.
  async function signInToPages(): Promise<void> {
    pages.set('dpo page', await pageSession(api, 'dpo'));
    pages.set('admin page', await pageSession(api, 'admin'));
  }
  beforeEach(() => signInToPages());

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    ctx = await makeObjects(api);
    await signInToPages();
    // The forms people see: on a decided incident and on one just reported, and the other pages.
    forms = await renderedForms(api, [
      { session: pages.get('dpo page'), url: `/incidents/${ctx.incident}` },
      { session: pages.get('dpo page'), url: `/incidents/${await reportedIncident(api)}` },
      { session: pages.get('dpo page'), url: '/reports/new' },
      { session: pages.get('admin page'), url: '/admin/people' },
      { session: pages.get('admin page'), url: '/admin/escalation-policy' },
      { session: pages.get('admin page'), url: '/admin/webhooks' },
      { session: pages.get('admin page'), url: `/admin/webhooks/${ctx.webhook}` },
      { session: pages.get('admin page'), url: '/admin/partners' },
      { session: undefined, url: '/sign-in' },
    ]);
    for (const who of ['dpo', 'chris', 'admin'] as const) bearer.set(who, `Bearer ${await api.token(who)}`);
    bearer.set('partner key', `ApiKey ${ctx.partnerKey}`);
    // Chris's own token with the payload saying he is the DPO: the signature no longer fits.
    const [head, payload, signature] = (await api.token('chris')).split('.');
    const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['dpo'] };
    tampered = `Bearer ${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  });
  afterAll(async () => {
    // Random bodies may have published a valid policy or changed a retention period: put them back.
    try {
      await (await api.as('admin')).put('/api/v1/admin/escalation-policy', DEFAULT_POLICY_BODY).expect(200);
      await db.query('UPDATE group_entities SET retention_months = 72');
    } finally {
      await api?.close();
    }
  });

  function requests(route: string, row: RouteRow): fc.Arbitrary<HostileRequest> {
    const [method, path] = route.split(' ');
    const pageRoute = isPageRoute(path);
    const defaults = rowParams(row, ctx);
    const param = (name: string) =>
      fc.oneof({ weight: 2, arbitrary: fc.constant(defaults[name]) }, { weight: 3, arbitrary: hostileSegment });
    const valid = row.body?.(ctx);
    // Admin-only pages get hostile forms from an administrator, so their handlers see them too.
    const pageCaller: Caller =
      Array.isArray(row.access) && !row.access.includes('dpo') && row.access.includes('admin')
        ? 'admin page'
        : 'dpo page';
    const body: fc.Arbitrary<RawBody | undefined> =
      method === 'GET' || method === 'DELETE'
        ? fc.option(hostileBody(), { freq: 5, nil: undefined })
        : pageRoute
          ? fc.oneof(
              { weight: 3, arbitrary: hostileForm(pages.get(pageCaller)!.csrf, FORM_FIELDS) },
              hostileBody(valid),
            )
          : hostileBody(valid);
    const callers: Caller[] = pageRoute
      ? [pageCaller, pageCaller, pageCaller, 'dpo', 'nobody']
      : ['dpo', 'dpo', 'dpo', 'chris', 'admin', 'partner key', 'nobody'];
    return fc
      .record({
        caller: fc.constantFrom(...callers),
        authorization: fc.option(hostileAuthorization(tampered), { freq: 4, nil: undefined }),
        params: fc.record(Object.fromEntries(paramNames(path).map((n) => [n, param(n)]))),
        query: hostileQuery,
        headers: hostileHeaders,
        body,
      })
      .map((r) =>
        Object.assign(r, {
          [fc.toStringMethod]: () =>
            `${method} ${short(fillPath(path, r.params) + r.query)} as ${r.caller}` +
            (r.authorization !== undefined ? `, Authorization: ${short(r.authorization, 60)}` : '') +
            `, headers ${short(JSON.stringify(r.headers))}` +
            (r.body ? `, ${r.body.type}${r.body.encoding ? ` (${r.body.encoding})` : ''}: ${short(r.body.text)}` : ''),
        }),
      );
  }

  function send(method: string, path: string, r: HostileRequest): Promise<Response> {
    const req = api.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](
      fillPath(path, r.params) + r.query,
    );
    // A request the service never answers is a finding too, not a hung test run.
    req.timeout({ response: 10_000, deadline: 15_000 });
    for (const [name, value] of Object.entries(r.headers)) req.set(name, value);
    const cookie = [pages.get(r.caller)?.cookie, r.headers.Cookie].filter(Boolean).join('; ');
    if (cookie) req.set('Cookie', cookie);
    const authorization = r.authorization ?? bearer.get(r.caller);
    if (authorization !== undefined) req.set('Authorization', authorization);
    if (!r.body) return req;
    req.set('Content-Type', r.body.type);
    if (r.body.encoding) req.set('Content-Encoding', r.body.encoding);
    return req.send(r.body.text);
  }

  /** Never a 5xx, never the service's insides, always `{ code, message }` from the API, no change when refused. */
  async function expectSurvives(method: string, path: string, r: HostileRequest): Promise<void> {
    const before = await dbFingerprint(db);
    const res = await send(method, path, r);
    const text = res.text ?? '';
    const problems: string[] = [];
    if (res.status >= 500) problems.push(`a ${res.status}`);
    const leak = internalsIn(text);
    if (leak) problems.push(`the response shows ${leak}`);
    const body = res.body as { code?: unknown; message?: unknown } | undefined;
    if (
      !isPageRoute(path) &&
      res.status >= 400 &&
      (typeof body?.code !== 'string' || typeof body?.message !== 'string')
    ) {
      problems.push('the error is not { code, message }');
    }
    const refused = res.status >= 400 || String(res.headers.location ?? '').startsWith('/sign-in');
    if (refused) {
      const after = await dbFingerprint(db);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) problems.push(`a refused request changed ${changed.join(', ')}`);
    }
    if (Object.prototype.hasOwnProperty.call(Object.prototype, 'bdPolluted'))
      problems.push('Object.prototype was polluted');
    if (problems.length) throw new Error(`${problems.join('; ')}. Answer: ${res.status} ${short(text, 300)}`);
  }

  it.each(Object.entries(ROUTE_TABLE))('%s survives random requests', async (route, row) => {
    const [method, path] = route.split(' ');
    // First, for certain: a NUL in every path parameter and in a filter, with a valid body, from an insider.
    const valid = row.body?.(ctx);
    const nul: HostileRequest = {
      caller: insider(route, row),
      params: Object.fromEntries(paramNames(path).map((name) => [name, 'a%00b'])),
      query: '?entity=a%00b',
      headers: {},
      body: valid && !isPageRoute(path) ? { type: 'application/json', text: JSON.stringify(valid) } : undefined,
    };
    await fc.assert(
      fc.asyncProperty(requests(route, row), (r) => expectSurvives(method, path, r)),
      { numRuns: RUNS, examples: [[nul]] },
    );
  });

  /** Someone the route lets in, so that the body reaches the handler. */
  function insider(route: string, row: RouteRow): Caller {
    const page = isPageRoute(route.split(' ')[1]);
    if (!Array.isArray(row.access)) return 'nobody';
    if (row.access.includes('dpo')) return page ? 'dpo page' : 'dpo';
    if (row.access.includes('admin')) return page ? 'admin page' : 'admin';
    return page ? 'nobody' : 'chris';
  }

  const writes = Object.keys(ROUTE_TABLE).filter((route) => !/^(GET|DELETE) /.test(route));

  /** A fresh incident in a state the command accepts, so that what is typed reaches the database. */
  async function freshObjects(route: string): Promise<Ctx> {
    if (!route.includes('/incidents/:id')) return ctx;
    if (/\/(acknowledge|close-as-not-breach|not-a-breach|awareness|information)$/.test(route)) {
      return { ...ctx, incident: await reportedIncident(api) };
    }
    const decided = await decidedWithLessons(api);
    return { ...ctx, incident: decided.id, action: decided.action };
  }

  it.each(writes)('%s, from someone it lets in, takes any value in any field', async (route) => {
    const [method, path] = route.split(' ');
    const row = ROUTE_TABLE[route];
    const caller = insider(route, row);
    const objects = await freshObjects(route);
    const csrf = pages.get(caller)?.csrf ?? '';
    const fields = forms.get(route) ?? FORM_FIELDS;
    const valid = row.body?.(objects) ?? {};
    const body = isPageRoute(path) ? everyFieldForm(csrf, fields) : oneValueChanged(valid);
    // Every text field gets a NUL and a lone surrogate for certain; then random values.
    const examples = (isPageRoute(path) ? unstorableFormExamples(csrf, fields) : unstorableExamples(valid)).map((b) => [
      b,
    ]);
    const base = { caller, params: rowParams(row, objects), query: '', headers: {} };
    await fc.assert(
      fc.asyncProperty(body, (b) => expectSurvives(method, path, { ...base, body: b })),
      { numRuns: RUNS, examples: examples as [RawBody][] },
    );
  });

  it('refuses deeply nested JSON with a 4xx on every route that takes a body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.integer({ min: 10, max: 40_000 }),
        fc.constantFrom('array', 'object'),
        fc.option(fc.constantFrom('summary', 'facts', 'note', 'absent'), { nil: undefined }),
        async (route, depth, shape, field) => {
          const [method, path] = route.split(' ');
          const r = { caller: 'dpo' as const, params: rowParams(ROUTE_TABLE[route], ctx), query: '', headers: {} };
          const body = deeplyNested(depth, shape as 'array' | 'object', field);
          if (body.text.length > 100_000) return; // the body limit answers those (413), as it should
          await expectSurvives(method, path, { ...r, caller: isPageRoute(path) ? 'dpo page' : 'dpo', body });
        },
      ),
      { numRuns: 60 },
    );
  });
});
