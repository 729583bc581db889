import { readFileSync } from 'node:fs';
import { utcToLondonLocal } from '../../apps/api/src/pages/forms/london-local';
import { aReport, TestApi } from '../support/api';
import { BrowserContextFactory, expectAccessible, servePages, signIn, snap } from '../support/browser';

jest.setTimeout(60_000);

const hoursAgoLocal = (h: number) => utcToLondonLocal(new Date(Date.now() - h * 3_600_000));

describe('pages for people, in Chromium', () => {
  let api: TestApi;
  let base: string;
  let browser: BrowserContextFactory;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ api, base, browser, close } = await servePages());
  });
  afterAll(() => close?.());

  it('a colleague reports on a phone without JavaScript; the DPO works it from the top of the queue', async () => {
    // ---- the colleague: phone-sized, JavaScript off -------------------------------------------
    const colleague = await browser.person({ javaScript: false, phone: true });
    const page = colleague.page;
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/sign-in`);
    await expectAccessible(page, 'sign-in');
    await snap(page, '01-sign-in');
    await page.getByLabel('Chris Jones').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.locator('h1').textContent()).toBe('My reports');
    await expectAccessible(page, 'my-reports');

    await page.getByRole('link', { name: 'Report a suspected breach' }).click();
    expect(await page.locator('.warning').textContent()).toContain('Do not type the personal data itself');
    await expectAccessible(page, 'report-form');
    await snap(page, '02-report-form');

    // Half an answer: the form comes back with what was typed and says what is missing.
    const summary = 'Rent arrears spreadsheet emailed to the wrong external address.';
    await page.getByLabel('What happened?').fill(summary);
    await page.getByRole('button', { name: 'Send the report' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Choose at least one kind of information');
    expect(await page.getByLabel('What happened?').inputValue()).toBe(summary);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'report-form with errors');
    await snap(page, '03-report-form-errors');

    // Found a fortnight ago and reported only now: the earliest deadline of any open incident the
    // other suites leave in the shared test database, so it is at the top of the queue.
    await page.getByLabel('When did it happen? (optional)').fill(hoursAgoLocal(14 * 24 + 1));
    await page.getByLabel('When did you find out?').fill(hoursAgoLocal(14 * 24));
    await page.getByLabel('How did you find out?').fill('The recipient replied to say it reached them by mistake.');
    await page.getByLabel('Which part of the group').selectOption('HHL');
    await page.getByLabel('Names, addresses or similar details').check();
    await page.getByLabel('Bank, rent account, benefit').check();
    await page.getByLabel('Tenants').check();
    await page.getByLabel('Roughly how many people? (optional)').fill('40');
    await page.getByLabel('What have you done so far? (optional)').fill('Asked the recipient to delete it.');
    await page.getByRole('button', { name: 'Send the report' }).click();

    expect(await page.locator('h1').textContent()).toBe('Report received');
    const reference = (await page.locator('.reference strong').textContent())!;
    expect(reference).toMatch(/^BR-\d{4}-\d{4}$/);
    expect(await page.locator('main').textContent()).toContain('Dana Price (DPO)');
    await expectAccessible(page, 'report-received');
    await snap(page, '04-report-received');
    await page.getByRole('link', { name: 'My reports' }).first().click();
    expect(await page.locator('table').textContent()).toContain(reference);
    await snap(page, '05-my-reports');

    // ---- the DPO: desktop, JavaScript on ---------------------------------------------------------
    const dpo = await browser.person();
    const desk = dpo.page;
    await signIn(desk, base, 'Dana Price (DPO)');
    expect(desk.url()).toBe(`${base}/queue`);
    const top = desk.locator('tbody tr').first();
    expect(await top.locator('td').first().textContent()).toContain(reference);
    expect(await top.locator('time').textContent()).toMatch(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} (GMT|BST)/);
    // The live countdown (JavaScript) says how long is left, or here how long overdue.
    expect(await top.locator('[data-countdown]').textContent()).toMatch(/^\(overdue by 11 days \d+ hours?\)$/);
    expect(await top.textContent()).toContain('Overdue');
    expect(await top.textContent()).toContain('Acknowledge and take ownership');
    await expectAccessible(desk, 'queue');
    await snap(desk, '06-queue');

    await top.getByRole('link', { name: reference }).click();
    expect(await desk.locator('h1').textContent()).toBe(`Incident ${reference}`);
    await expectAccessible(desk, 'incident (reported)');
    await snap(desk, '07-incident-reported');

    await desk.getByRole('button', { name: 'Acknowledge' }).click();
    expect(await desk.locator('.notice').textContent()).toContain('Acknowledged');

    await desk.getByLabel('Why this moment?').fill('The recipient confirmed they had opened it.');
    await desk.getByRole('button', { name: 'Confirm awareness' }).click();
    expect(await desk.locator('.notice').textContent()).toContain('Awareness time confirmed');
    expect(await desk.locator('.summary-list').nth(1).textContent()).toContain('Confirmed');

    const form = desk.locator('#assessment-form');
    await form.getByLabel('Confidentiality').check();
    await form.getByLabel('Cause').selectOption('misdirected-email');
    await form.locator('#assessment-maliciousIntent-no').check();
    await form.getByLabel('How was the data protected?').selectOption('none');
    await form.getByLabel('Who did it reach?').selectOption('known-recipients');
    await form.locator('#assessment-dataExfiltrated-no').check();
    await form.locator('#assessment-recoveredOrDeleted-no').check();
    await form.locator('#assessment-backupAvailable').check();
    await form.getByLabel('How long was it unavailable?').selectOption('none');
    await form.locator('#assessment-containedQuickly').check();
    await form.locator('#assessment-safeguardingRisk-no').check();
    await form.getByRole('button', { name: 'Preview recommendation' }).click();
    const recommendation = await desk.locator('#assessment-recommendation').textContent();
    expect(recommendation).toContain('The system recommends');
    expect(recommendation).toMatch(/Notify the ICO|No need to notify the ICO/);
    // The preview kept every answer.
    expect(await desk.locator('#assessment-form').getByLabel('Cause').inputValue()).toBe('misdirected-email');
    await expectAccessible(desk, 'assessment preview');
    await snap(desk, '08-assessment-preview');

    await form.locator('#assessment-riskLevel-risk').check();
    await form.locator('#assessment-likelihood-possible').check();
    await form.locator('#assessment-severity-significant').check();
    await form.getByLabel('Your reasons').fill('Financial data to a known recipient who has not confirmed deletion.');
    await form.getByRole('button', { name: 'Record the assessment' }).click();
    expect(await desk.locator('.notice').textContent()).toContain('Assessment recorded');

    const decision = desk.locator('#decision-form');
    await decision.locator('#decision-notifyIco').check();
    await decision.getByLabel('Reasons for the ICO decision').fill('Financial data of 40 tenants left the group.');
    await decision.locator('#decision-notifySubjects-no').check();
    await decision.getByLabel('Reasons for the decision about').fill('A professional recipient; low risk to tenants.');
    await decision.getByLabel('Justification, if the decision').fill('Weighed the professional recipient.');
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    expect(await desk.locator('.notice').textContent()).toContain('Decision recorded');
    await expectAccessible(desk, 'incident (decided)');
    await snap(desk, '09-incident-decided');

    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.locator('.documents li').first().getByRole('link', { name: 'download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(reference);

    await desk.goto(`${base}/api/v1/incidents/${new URL(desk.url()).pathname.split('/')[2]}/documents/ico-report`);
    await snap(desk, '10-ico-report');

    await colleague.context.close();
    await dpo.context.close();
  });

  it('shows the deadline without JavaScript, and flags an overdue incident', async () => {
    const chris = await api.as('chris');
    const old = new Date(Date.now() - 80 * 3_600_000).toISOString();
    const reported = await chris
      .post('/api/v1/incidents', aReport({ occurredAt: null, discoveredAt: old }))
      .expect(201);
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Dana Price (DPO)');
    const top = page.locator('tbody tr', { hasText: (reported.body as { reference: string }).reference });
    expect(await top.getAttribute('class')).toBe('row-overdue');
    // Without JavaScript the countdown is the time left when the page was made.
    expect(await top.textContent()).toContain('Overdue');
    expect(await top.locator('[data-countdown]').textContent()).toMatch(/^\(overdue by \d+ hours? \d+ minutes?\)$/);
    await snap(page, '11-queue-no-js');
    const phone = await browser.person({ javaScript: false, phone: true });
    await signIn(phone.page, base, 'Dana Price (DPO)');
    await snap(phone.page, '12-queue-phone');
    await context.close();
    await phone.context.close();
  });

  it("shows a 404 page when a colleague opens someone else's incident", async () => {
    const reported = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Priya Patel');
    const response = await page.goto(`${base}/incidents/${(reported.body as { id: string }).id}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await expectAccessible(page, '404');
    await snap(page, '13-not-found');
    await context.close();
  });

  it('lets an administrator keep the directory and read the escalation policy', async () => {
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Sam Admin');
    expect(page.url()).toBe(`${base}/admin/people`);
    await expectAccessible(page, 'directory');
    const person = () =>
      page.locator('li.person', { has: page.getByRole('heading', { name: 'Ali Khan (internal audit)' }) });
    const auditor = person();
    await auditor.getByLabel('Away').check();
    await auditor.getByRole('button', { name: /^Save/ }).click();
    const saved = person();
    expect(await saved.locator('.notice').textContent()).toBe('Saved.');
    expect(await saved.getByLabel('Away').isChecked()).toBe(true);
    await snap(page, '14-directory');
    await saved.getByLabel('Away').uncheck();
    await saved.getByRole('button', { name: /^Save/ }).click();

    await page.getByRole('link', { name: 'Escalation policy' }).click();
    expect(await page.locator('h1').textContent()).toBe('Escalation policy');
    expect(await page.getByLabel('Remind the owner').inputValue()).toBe('24, 12, 4');
    await expectAccessible(page, 'escalation policy');
    await snap(page, '15-escalation-policy');
    await context.close();
  });
});
