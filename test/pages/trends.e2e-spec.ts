import { aReport, TestApi } from '../support/api';
import { BrowserContextFactory, expectAccessible, servePages, signIn, snap } from '../support/browser';

jest.setTimeout(60_000);

/** "2026-11": this month in the UK, as the trends name months. */
function thisMonth(): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}`;
}

describe('the trends and register pages, in Chromium', () => {
  let api: TestApi;
  let base: string;
  let browser: BrowserContextFactory;
  let close: () => Promise<void>;
  let reference: string;

  beforeAll(async () => {
    ({ api, base, browser, close } = await servePages());
    const reported = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    reference = (reported.body as { reference: string }).reference;
  });
  afterAll(() => close?.());

  it('shows the EMT the trends as charts and tables', async () => {
    const { page, context } = await browser.person();
    await signIn(page, base, 'Erin Shaw (EMT)');
    await page.getByRole('link', { name: 'Trends' }).click();
    expect(page.url()).toBe(`${base}/trends`);
    expect(await page.locator('h1').textContent()).toBe('Trends');
    expect(await page.locator('main figure svg[role="img"]').count()).toBe(4);
    const row = page.locator(`#months-table tr[data-month="${thisMonth()}"]`);
    expect(Number(await row.locator('td.total').textContent())).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'trends');
    await snap(page, '20-trends');

    // The form narrows the period and the entity, and keeps them.
    await page.getByLabel('Part of the group').selectOption('HHL');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(new URL(page.url()).searchParams.get('entity')).toBe('HHL');
    expect(await page.getByLabel('Part of the group').inputValue()).toBe('HHL');
    expect(Number(await row.locator('td.total').textContent())).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('shows the auditor the anonymised register with its downloads', async () => {
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Ali Khan (internal audit)');
    await page.getByRole('link', { name: 'Register' }).click();
    expect(await page.locator('h1').textContent()).toBe('Breach register');
    expect(await page.locator('table.register').textContent()).toContain(reference);
    // Anonymised: no free text.
    expect(await page.locator('main').textContent()).not.toContain('spreadsheet of rent arrears');
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/v1\/register\?format=csv&from=/);
    const download = await context.request.get(`${base}${csv}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain(reference);
    await expectAccessible(page, 'register');
    await snap(page, '21-register');
    await context.close();
  });

  it('shows a colleague the 403 page on the trends', async () => {
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Priya Patel');
    const response = await page.goto(`${base}/trends`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('You cannot do this');
    await expectAccessible(page, '403');
    await snap(page, '22-trends-forbidden');
    await context.close();
  });
});
