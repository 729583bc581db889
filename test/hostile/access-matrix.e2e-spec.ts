import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApi, TestApi, Who } from '../support/api';
import { dbFingerprint } from '../support/db-fingerprint';
import { fillPath, isPageRoute, liveRoutes } from '../support/live-routes';
import { PageSession, pageSession } from '../support/page-session';
import { makeObjects } from './fixtures';
import { canSeeObject, Ctx, ROLE_OF, ROUTE_TABLE, RouteRow, rowParams } from './route-table';

jest.setTimeout(60_000);

/** The demo people (bearer token for the API, session cookie for the pages), the partner's API key, nobody. */
type Caller = Who | 'partner key' | 'signed out';
type Outcome = 'signed out' | 'forbidden' | 'not found' | 'allowed' | `status ${number}`;

const PEOPLE: Who[] = ['dpo', 'governance', 'emt', 'auditor', 'admin', 'chris', 'priya', 'partner'];

/** What the table says this caller gets: the whole matrix is derived from ROUTE_TABLE. */
function expected(row: RouteRow, caller: Caller): Outcome {
  if (!Array.isArray(row.access)) return `status ${(row.access as { public: number }).public}`;
  if (caller === 'signed out') return 'signed out';
  if (!row.access.includes(ROLE_OF[caller === 'partner key' ? 'partner' : caller])) return 'forbidden';
  if (row.object && !canSeeObject(caller, row.object)) return 'not found';
  return 'allowed';
}

/** What the app did, in the same words. Pages answer with redirects and HTML, the API with `{ code }`. */
function outcome(row: RouteRow, page: boolean, res: Response): Outcome {
  if (!Array.isArray(row.access)) return `status ${res.status}`;
  const code = (res.body as { code?: string } | undefined)?.code;
  const signedOut = page
    ? res.status === 303 && String(res.headers.location).startsWith('/sign-in')
    : res.status === 401 && code === 'unauthenticated';
  if (signedOut) return 'signed out';
  if (res.status === 403 && (page || code === 'forbidden')) return 'forbidden';
  if (res.status === 404 && (page || /^(incident|lessons)_not_found$/.test(code ?? ''))) return 'not found';
  return 'allowed';
}

describe('the authorisation matrix: every route × every role × own and other objects', () => {
  let api: TestApi;
  let db: DataSource;
  let ctx: Ctx;
  const sessions = new Map<Who, PageSession>();

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    ctx = await makeObjects(api);
    for (const who of PEOPLE) sessions.set(who, await pageSession(api, who));
  });
  afterAll(() => api.close());

  async function call(route: string, row: RouteRow, caller: Caller): Promise<Response> {
    const [method, path] = route.split(' ');
    const page = isPageRoute(path);
    const req = api.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](
      fillPath(path, rowParams(row, ctx)),
    );
    const session = caller === 'signed out' || caller === 'partner key' ? undefined : sessions.get(caller);
    if (caller === 'partner key') req.set('Authorization', `ApiKey ${ctx.partnerKey}`);
    else if (caller !== 'signed out' && page) req.set('Cookie', session!.cookie);
    else if (caller !== 'signed out') req.set('Authorization', `Bearer ${await api.token(caller)}`);
    if (method === 'GET' || method === 'DELETE') return req;
    const body = row.body?.(ctx) ?? {};
    return page ? req.type('form').send({ ...body, ...(session && { _csrf: session.csrf }) }) : req.send(body);
  }

  it('has a row for every route the app serves, and no row for a route it does not', () => {
    expect(liveRoutes(api.app)).toEqual(Object.keys(ROUTE_TABLE).sort());
  });

  it.each(Object.entries(ROUTE_TABLE))('%s', async (route, row) => {
    const page = isPageRoute(route.split(' ')[1]);
    // API keys are for the JSON API; people use the pages through their session.
    const signedIn: Caller[] = page ? PEOPLE : [...PEOPLE, 'partner key'];
    const callers: Caller[] = Array.isArray(row.access) ? ['signed out', ...signedIn] : ['signed out'];
    // Refusals first, so the state they must not have changed is the state before them.
    const refusedFirst = [...callers].sort(
      (a, b) => +(expected(row, a) === 'allowed') - +(expected(row, b) === 'allowed'),
    );
    const want: Record<string, Outcome> = {};
    const got: Record<string, Outcome> = {};
    const before = await dbFingerprint(db);
    let afterRefusals = before;
    for (const caller of refusedFirst) {
      if (expected(row, caller) === 'allowed' && afterRefusals === before) afterRefusals = await dbFingerprint(db);
      const res = await call(route, row, caller);
      expect({ caller, serverError: res.status >= 500 }).toEqual({ caller, serverError: false });
      want[caller] = expected(row, caller);
      got[caller] = outcome(row, page, res);
    }
    expect(got).toEqual(want);
    if (afterRefusals === before) afterRefusals = await dbFingerprint(db);
    if (Array.isArray(row.access)) expect(afterRefusals).toEqual(before);
  });
});
