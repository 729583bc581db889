import { DEMO_PARTNER } from '#libs/directory';
import { TestApi } from '../support/api';
import { BrowserContextFactory, expectAccessible, fitsWidth, servePages, signIn, snap } from '../support/browser';

jest.setTimeout(60_000);

describe('partner API keys pages for administrators, in Chromium', () => {
  let api: TestApi;
  let base: string;
  let browser: BrowserContextFactory;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ api, base, browser, close } = await servePages());
  });
  afterAll(() => close?.());

  /** What the partner's systems get when they call the API with this key. */
  const callWith = (key: string) => api.http.get('/api/v1/incidents').set('Authorization', `ApiKey ${key}`);

  it('an administrator issues a key without JavaScript, sees it once, and revokes it', async () => {
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Sam Admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner API keys' }).click();
    expect(page.url()).toBe(`${base}/admin/partners`);
    expect(await page.locator('h1').textContent()).toBe('Partner API keys');
    const partner = page.locator(`#partner-${DEMO_PARTNER.id}`);
    expect(await partner.locator('h2').textContent()).toBe(DEMO_PARTNER.name);
    await expectAccessible(page, 'partner keys');
    await snap(page, '70-partner-keys');

    // No name: the form says so, on the right partner's form.
    const labelField = () => page.getByLabel(`Name of a new key for ${DEMO_PARTNER.name}`);
    await labelField().fill('   ');
    await page.getByRole('button', { name: `Issue a key for ${DEMO_PARTNER.name}` }).click();
    expect(await page.title()).toMatch(/^Error: Partner API keys/);
    const summaryLink = page.locator('.error-summary a').first();
    expect(await summaryLink.textContent()).toBe('Enter a name for the key, up to 100 characters');
    expect(await summaryLink.getAttribute('href')).toBe(`#partner-${DEMO_PARTNER.id}-label`);
    await expectAccessible(page, 'partner keys with errors');
    await snap(page, '71-partner-keys-errors');

    // Issued: the key shown once, beside its row.
    const label = `Repairs portal ${Date.now()}`;
    await labelField().fill(label);
    await page.getByRole('button', { name: `Issue a key for ${DEMO_PARTNER.name}` }).click();
    const issuedId = new URL(page.url()).searchParams.get('issued')!;
    const notice = partner.locator('.notice');
    expect(await notice.locator('h3').textContent()).toBe('Key issued: copy it now');
    expect(await notice.textContent()).toContain('It will not be shown again');
    const key = (await notice.locator('.secret').textContent())!.trim();
    expect(key).toMatch(new RegExp(`^bdk_${issuedId.replaceAll('-', '')}_[A-Za-z0-9_-]{43}$`));
    const row = page.locator(`#key-${issuedId}`);
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe(label);
    expect(cells[1]).toBe(`bdk_${issuedId.replaceAll('-', '').slice(0, 8)}…`);
    expect(cells[3]).toBe('never');
    expect(cells[4]).toContain('In use');
    await expectAccessible(page, 'partner key issued');
    await snap(page, '72-partner-key-shown-once');

    // It works for the partner's systems; the page then says when it was last used.
    expect((await callWith(key)).status).toBe(200);
    await page.reload();
    expect(await page.content()).not.toContain(key);
    expect(await partner.locator('.notice').textContent()).toContain('cannot be shown again');
    expect(await row.locator('td').nth(3).textContent()).toMatch(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} (GMT|BST)/);

    // Revoked: marked so, and the partner's systems are turned away.
    await row.getByRole('button', { name: `Revoke the key “${label}”` }).click();
    expect(await partner.locator('.notice').textContent()).toContain(`Key “${label}” revoked. It no longer works.`);
    expect(await row.locator('td').nth(4).textContent()).toMatch(/^\s*Revoked \d{1,2} \w+ \d{4}/);
    expect(await row.getByRole('button').count()).toBe(0);
    expect((await callWith(key)).status).toBe(401);
    await expectAccessible(page, 'partner key revoked');
    await snap(page, '73-partner-key-revoked');
    await context.close();
  });

  it('fits a 360-pixel phone, and shows the DPO the 403 page', async () => {
    const phone = await browser.person({ phone: true });
    await signIn(phone.page, base, 'Sam Admin');
    await phone.page.goto(`${base}/admin/partners`);
    expect(await fitsWidth(phone.page)).toBe(true);
    await expectAccessible(phone.page, 'partner keys on a phone');
    await snap(phone.page, '74-partner-keys-phone');
    await phone.context.close();

    const dpo = await browser.person({ javaScript: false });
    await signIn(dpo.page, base, 'Dana Price (DPO)');
    const response = await dpo.page.goto(`${base}/admin/partners`);
    expect(response?.status()).toBe(403);
    expect(await dpo.page.locator('h1').textContent()).toBe('You cannot do this');
    expect(await dpo.page.getByRole('link', { name: 'Partner API keys' }).count()).toBe(0);
    await expectAccessible(dpo.page, 'partner keys forbidden');
    await dpo.context.close();
  });
});
