import request from 'supertest';
import { aReport, personId, startApi, TestApi } from '../support/api';

/** A browser's cookie jar, as far as these tests need one. */
class Jar {
  private readonly cookies = new Map<string, string>();

  take(res: request.Response): void {
    const set = res.headers['set-cookie'] as unknown as string[] | undefined;
    for (const line of set ?? []) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('page sessions and the guard', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  /** Signs in through the demo sign-in form, as a browser would. */
  async function signIn(who: Parameters<typeof personId>[0]): Promise<Jar> {
    const jar = new Jar();
    const page = await api.http.get('/sign-in').expect(200);
    jar.take(page);
    const res = await api.http
      .post('/sign-in/demo')
      .set('Cookie', jar.header)
      .type('form')
      .send({ _csrf: csrfOf(page.text), personId: personId(who), next: '/' })
      .expect(303);
    jar.take(res);
    return jar;
  }

  it('keeps only a hash of the session id, with an HttpOnly, SameSite cookie', async () => {
    const page = await api.http.get('/sign-in');
    const jar = new Jar();
    jar.take(page);
    const res = await api.http
      .post('/sign-in/demo')
      .set('Cookie', jar.header)
      .type('form')
      .send({ _csrf: csrfOf(page.text), personId: personId('dpo') });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('bd_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const id = cookie.slice('bd_session='.length, cookie.indexOf(';'));
    const dataSource = api.app.get(await import('typeorm').then((m) => m.DataSource));
    const rows: { id_hash: string }[] = await dataSource.query('SELECT id_hash FROM web_sessions');
    expect(rows.map((r) => r.id_hash)).not.toContain(id);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses a form without its CSRF token, and a cross-site one with a stolen token from another session', async () => {
    const jar = await signIn('chris');
    const res = await api.http.post('/reports').set('Cookie', jar.header).type('form').send({ summary: 'x' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('The form has expired');
    const other = await signIn('priya');
    const form = await api.http.get('/reports/new').set('Cookie', other.header);
    const mixed = await api.http
      .post('/reports')
      .set('Cookie', jar.header)
      .type('form')
      .send({ _csrf: csrfOf(form.text), summary: 'x' });
    expect(mixed.status).toBe(403);
  });

  it('lets a session cookie read the JSON API but never write to it; bearer tokens work as before', async () => {
    const jar = await signIn('dpo');
    await api.http.get('/api/v1/incidents').set('Cookie', jar.header).expect(200);
    const write = await api.http.post('/api/v1/incidents').set('Cookie', jar.header).send(aReport());
    expect(write.status).toBe(401);
    await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    // A bad Authorization header is a 401 even when a good cookie rides along.
    await api.http.get('/api/v1/incidents').set('Cookie', jar.header).set('Authorization', 'Basic x').expect(401);
  });

  it('sends a signed-out person to the sign-in page, and back afterwards', async () => {
    const res = await api.http.get('/queue').expect(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fqueue');
    const page = await api.http.get('/sign-in?next=//evil.example').expect(200);
    expect(page.text).toContain('name="next" value="/"');
  });

  it('ends the session on sign-out, so the cookie no longer works', async () => {
    const jar = await signIn('dpo');
    const queue = await api.http.get('/queue').set('Cookie', jar.header).expect(200);
    jar.take(queue); // the first signed-in page replaces the sign-in page's CSRF cookie
    const cookie = jar.header;
    await api.http
      .post('/sign-out')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(queue.text) })
      .expect(303);
    await api.http.get('/api/v1/incidents').set('Cookie', cookie).expect(401);
    expect((await api.http.get('/queue').set('Cookie', cookie)).status).toBe(303);
  });

  it("forbids a page the person's role may not use", async () => {
    const jar = await signIn('chris');
    const res = await api.http.get('/admin/people').set('Cookie', jar.header);
    expect(res.status).toBe(403);
    expect(res.text).toContain('You cannot do this');
  });
});
