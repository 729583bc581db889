import type { Response } from 'supertest';
import type { TestApi, Who } from './api';
import { personId } from './api';

/** A signed-in browser, reduced to what a request needs: its cookies and a form's CSRF token. */
export interface PageSession {
  cookie: string;
  csrf: string;
}

const csrfOf = (res: Response): string => {
  const match = /name="_csrf" value="([^"]+)"/.exec(res.text);
  if (!match) throw new Error(`No CSRF token on ${res.status} ${res.text.slice(0, 200)}`);
  return match[1];
};

function mergeCookies(jar: Map<string, string>, res: Response): void {
  const set = res.headers['set-cookie'] as unknown as string[] | undefined;
  for (const line of set ?? []) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in on the development sign-in page, as a person would, and keeps a token for the next form. */
export async function pageSession(api: TestApi, who: Who): Promise<PageSession> {
  const jar = new Map<string, string>();
  const signInPage = await api.http.get('/sign-in').expect(200);
  mergeCookies(jar, signInPage);
  const signedIn = await api.http
    .post('/sign-in/demo')
    .set('Cookie', header(jar))
    .type('form')
    .send({ personId: personId(who), _csrf: csrfOf(signInPage) });
  if (signedIn.status !== 303) throw new Error(`Page sign-in as ${who} failed: ${signedIn.status}`);
  mergeCookies(jar, signedIn);
  // A token bound to the new session, from any page with the layout's sign-out form.
  const page = await api.http.get('/sign-in').set('Cookie', header(jar)).expect(200);
  mergeCookies(jar, page);
  return { cookie: header(jar), csrf: csrfOf(page) };
}
