import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_PEOPLE } from '#libs/directory';
import { startApi, TestApi } from '../support/api';
import { BrowserContextFactory, expectAccessible, launchBrowser, snap } from '../support/browser';
import { freePort } from '../support/captured-process';
import { FakeIdp } from '../support/fake-idp';

jest.setTimeout(60_000);

const DPO = DEMO_PEOPLE[0];
const CLIENT_ID = 'breach-desk-test';
const CLIENT_SECRET = 'a-client-secret-for-the-tests-only';

/**
 * Sign-in for people against an OpenID Connect provider (a fake one, speaking the protocol):
 * authorisation code with PKCE, the ID token's app roles mapped to Breach Desk roles, and a
 * server-side session.
 */
describe('signing in with the group identity provider, in Chromium', () => {
  let idp: FakeIdp;
  let api: TestApi;
  let base: string;
  let browser: BrowserContextFactory;
  let closeBrowser: () => Promise<void>;
  const saved = { ...process.env };

  beforeAll(async () => {
    idp = await new FakeIdp(CLIENT_ID, CLIENT_SECRET).start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    Object.assign(process.env, {
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      PUBLIC_URL: base,
    });
    api = await startApi();
    await api.app.listen(port, '127.0.0.1');
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    process.env = saved;
    await closeBrowser?.();
    await api?.close();
    await idp?.close();
  });

  const sessionsOf = async (personId: string): Promise<number> => {
    const [{ n }]: { n: number }[] = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM web_sessions WHERE person_id = $1', [personId]);
    return n;
  };

  it('signs the DPO in with PKCE and maps the app role to the DPO queue', async () => {
    idp.nextUser = { oid: DPO.id, name: 'Dana P (from the provider)', roles: ['dpo', 'Some.Other.Role'] };
    const { page } = await browser.person();
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/sign-in`);
    await expectAccessible(page, 'sign-in with the identity provider');
    await snap(page, '30-sign-in-oidc');

    await page.getByRole('link', { name: 'Sign in with your work account' }).click();
    await page.waitForURL(`${base}/queue`);

    // Back from the provider, signed in as the DPO: the queue, under the directory's name for them.
    expect(await page.locator('h1').textContent()).toBe('Open incidents');
    expect(await page.locator('.who').textContent()).toBe(DPO.displayName);
    await snap(page, '31-signed-in-with-oidc');

    // The provider saw a PKCE S256 challenge, a state and a nonce, and the client proved the
    // challenge with its verifier at the token endpoint (the fake refuses a wrong one).
    const authorize = idp.authorizeRequests.at(-1)!;
    const token = idp.tokenRequests.at(-1)!;
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('state')).toBeTruthy();
    expect(authorize.get('nonce')).toBeTruthy();
    expect(authorize.get('redirect_uri')).toBe(`${base}/auth/callback`);
    expect(createHash('sha256').update(token.get('code_verifier')!).digest('base64url')).toBe(
      authorize.get('code_challenge'),
    );
    expect(await sessionsOf(DPO.id)).toBeGreaterThanOrEqual(1);
  });

  it('refuses an account with no Breach Desk role, and starts no session', async () => {
    const stranger = '0b7c0000-0000-4000-8000-000000000099';
    idp.nextUser = { oid: stranger, name: 'No Role', roles: ['Some.Other.Role'] };
    const { page } = await browser.person();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with your work account' }).click();

    expect(await page.locator('h1').textContent()).toBe('You could not be signed in');
    expect(await page.locator('main').textContent()).toContain('Your account has no Breach Desk role');
    await expectAccessible(page, 'sign-in refused');
    expect(await sessionsOf(stranger)).toBe(0);
    // Still signed out: the queue sends them back to sign in.
    await page.goto(`${base}/queue`);
    expect(page.url()).toMatch(new RegExp(`^${base}/sign-in`));
  });

  it('refuses an answer whose state was not the one it sent (a forged or replayed callback)', async () => {
    idp.nextUser = { oid: DPO.id, name: 'Dana', roles: ['dpo'] };
    idp.tamperState = true;
    try {
      const { page } = await browser.person();
      const tokensBefore = idp.tokenRequests.length;
      await page.goto(`${base}/sign-in`);
      await page.getByRole('link', { name: 'Sign in with your work account' }).click();
      expect(await page.locator('main').textContent()).toContain('The identity provider did not complete the sign-in');
      // The code was never exchanged: the state check comes first.
      expect(idp.tokenRequests.length).toBe(tokensBefore);
      expect((await page.context().cookies()).map((c) => c.name)).not.toContain('bd_session');
    } finally {
      idp.tamperState = false;
    }
  });

  it.each([
    ['a forged signature', 'signature'],
    ['another client as its audience', 'audience'],
    ['another issuer', 'issuer'],
    ['a nonce this sign-in never sent', 'nonce'],
    ['an expiry in the past', 'expired'],
  ] as const)('refuses an ID token with %s, and starts no session', async (_, tamper) => {
    idp.nextUser = { oid: DPO.id, name: 'Dana', roles: ['dpo'] };
    idp.tamperIdToken = tamper;
    try {
      const { page, context } = await browser.person();
      await page.goto(`${base}/sign-in`);
      await page.getByRole('link', { name: 'Sign in with your work account' }).click();
      expect(await page.locator('main').textContent()).toContain('The identity provider did not complete the sign-in');
      expect((await context.cookies()).map((c) => c.name)).not.toContain('bd_session');
      await context.close();
    } finally {
      idp.tamperIdToken = undefined;
    }
  });

  it('refuses a callback that no sign-in in this browser started', async () => {
    const { page } = await browser.person();
    await page.goto(`${base}/auth/callback?code=stolen&state=whatever`);
    expect(await page.locator('main').textContent()).toContain('started in another window');
  });
});
