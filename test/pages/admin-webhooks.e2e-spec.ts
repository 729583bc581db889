import { verifyWebhook, WebhookSubscriptions } from '#libs/notifications';
import { aReport, startApi, TestApi } from '../support/api';
import { BrowserContextFactory, expectAccessible, fitsWidth, launchBrowser, signIn, snap } from '../support/browser';
import { CapturedRequest, startHttpCapture } from '../support/http-capture';
import { waitFor } from '../support/processes';
import { startWorker, TestWorker } from '../support/worker';

jest.setTimeout(90_000);

describe('webhooks pages for administrators, in Chromium', () => {
  let api: TestApi;
  let worker: TestWorker;
  let base: string;
  let browser: BrowserContextFactory;
  let closeBrowser: () => Promise<void>;
  let receiver: { url: string; requests: CapturedRequest[]; stop: () => Promise<void> };
  /** The webhook the first test adds; the others look at it. */
  let added: { id: string; url: string };

  beforeAll(async () => {
    api = await startApi();
    base = await api.listen();
    worker = await startWorker();
    // Events earlier suites left unrelayed go out now, before this suite's receiver subscribes.
    await worker.drain();
    receiver = await startHttpCapture();
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await worker?.close();
    await api?.close();
    await receiver?.stop();
  });

  const deliveriesOf = (id: string) => api.app.get(WebhookSubscriptions).deliveries(id);

  it('an administrator adds a webhook without JavaScript, sees its secret once, its deliveries, and removes it', async () => {
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Sam Admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    expect(page.url()).toBe(`${base}/admin/webhooks`);
    expect(await page.locator('h1').textContent()).toBe('Webhooks');
    await expectAccessible(page, 'webhooks');
    await snap(page, '60-webhooks');

    // Not a web address: the form comes back saying so, with what was typed and ticked kept.
    await page.getByLabel("The receiver's web address").fill('hooks dot example');
    await page.getByLabel('IncidentReported: a breach is reported').check();
    await page.getByLabel('IcoDeadlineMissed: the ICO deadline passed').check();
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    expect(await page.title()).toMatch(/^Error: Webhooks/);
    expect(await page.locator('.error-summary').textContent()).toContain('Enter the full web address of the receiver');
    expect(await page.getByLabel("The receiver's web address").inputValue()).toBe('hooks dot example');
    expect(await page.getByLabel('IncidentReported: a breach is reported').isChecked()).toBe(true);
    expect(await page.getByLabel('IcoDeadlineMissed: the ICO deadline passed').isChecked()).toBe(true);
    expect(await page.getByLabel('DecisionRecorded: notification decision recorded').isChecked()).toBe(false);
    // The summary's link lands on the field it names.
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#webhook-url');
    await expectAccessible(page, 'webhooks with errors');
    await snap(page, '61-webhooks-errors');

    // Put right: added, and its signing secret shown, once, with the warning.
    await page.getByLabel("The receiver's web address").fill(receiver.url);
    await page.getByLabel('IcoDeadlineMissed: the ICO deadline passed').uncheck();
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    const addedAt = new URL(page.url());
    expect(addedAt.pathname).toBe('/admin/webhooks');
    added = { id: addedAt.searchParams.get('added')!, url: receiver.url };
    const notice = page.locator('#webhook-added');
    expect(await notice.locator('h2').textContent()).toBe('Webhook added: copy its signing secret now');
    expect(await notice.textContent()).toContain('It will not be shown again');
    const secret = (await notice.locator('.secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const row = page.locator(`#webhook-${added.id}`);
    expect(await row.locator('td').nth(0).textContent()).toBe(receiver.url);
    expect(await row.locator('td').nth(1).textContent()).toBe('IncidentReported');
    expect(await row.locator('td').nth(2).textContent()).toBe('Active');
    expect(await row.locator('td').nth(3).textContent()).toMatch(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} (GMT|BST)/);
    await expectAccessible(page, 'webhook added, secret shown');
    await snap(page, '62-webhook-secret-shown-once');

    // Reloaded (or opened again): the secret is gone for good, and the page says so.
    await page.reload();
    expect(await page.locator('#webhook-added').textContent()).toContain('cannot be shown again');
    expect(await page.content()).not.toContain(secret);
    await page.goto(`${base}/admin/webhooks`);
    expect(await page.content()).not.toContain(secret);
    expect(await page.locator('#webhook-added').count()).toBe(0);

    // A colleague reports a breach: the receiver gets a post signed with that very secret.
    const summary = 'Tenancy files for a named tenant were left on a train.';
    const report = (await (await api.as('chris')).post('/api/v1/incidents', aReport({ summary })).expect(201)).body as {
      id: string;
      reference: string;
    };
    await worker.drain();
    await waitFor(async () => receiver.requests.some((r) => r.body.includes(report.id)), 30_000, 'the post');
    const post = receiver.requests.find((r) => r.body.includes(report.id))!;
    const timestamp = Number(post.headers['x-breach-desk-timestamp']);
    expect(verifyWebhook(secret, timestamp, post.body, String(post.headers['x-breach-desk-signature']))).toBe(true);
    await waitFor(
      async () => (await deliveriesOf(added.id)).some((d) => d.incidentId === report.id && d.status === 'delivered'),
      30_000,
      'the delivery recorded',
    );

    // Its deliveries: event, incident, outcome and times; never what was posted, nor the breach itself.
    await page.getByRole('link', { name: `Deliveries to ${receiver.url}` }).click();
    expect(page.url()).toBe(`${base}/admin/webhooks/${added.id}`);
    expect(await page.locator('h1').textContent()).toBe('Webhook deliveries');
    const delivery = page.locator('tbody tr', { hasText: report.reference });
    const cells = await delivery.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['IncidentReported', report.reference, 'Delivered', '1', '204']);
    expect(cells[5]).toMatch(/(GMT|BST)$/);
    expect(cells[6]).toMatch(/(GMT|BST)$/);
    const shown = (await page.locator('main').textContent())!;
    expect(shown).not.toContain(summary);
    expect(shown).not.toContain('deliveryId');
    await expectAccessible(page, 'webhook deliveries');
    await snap(page, '63-webhook-deliveries');

    // Removed: marked so, no button to remove it again, and the next event is not sent to it.
    await page.getByRole('link', { name: 'Back to webhooks' }).click();
    await page.getByRole('button', { name: `Remove the webhook to ${receiver.url}` }).click();
    expect(page.url()).toBe(`${base}/admin/webhooks?removed=${added.id}`);
    expect(await page.locator('.notice').textContent()).toContain('Webhook removed. It will receive nothing more.');
    expect(await page.locator(`#webhook-${added.id} td`).nth(2).textContent()).toBe('Removed');
    expect(await page.getByRole('button', { name: `Remove the webhook to ${receiver.url}` }).count()).toBe(0);
    await expectAccessible(page, 'webhook removed');
    await snap(page, '64-webhook-removed');
    const later = (await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201)).body as {
      id: string;
    };
    await worker.drain(); // plans every delivery of the new events before it returns
    expect((await deliveriesOf(added.id)).filter((d) => d.incidentId === later.id)).toEqual([]);
    expect(receiver.requests.filter((r) => r.body.includes(later.id))).toEqual([]);
    await context.close();
  });

  it('fits a 360-pixel phone, with JavaScript on', async () => {
    const { page, context } = await browser.person({ phone: true });
    await signIn(page, base, 'Sam Admin');
    await page.goto(`${base}/admin/webhooks`);
    expect(await page.locator('h1').textContent()).toBe('Webhooks');
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'webhooks on a phone');
    await snap(page, '65-webhooks-phone');
    await page.goto(`${base}/admin/webhooks/${added.id}`);
    expect(await page.locator('h1').textContent()).toBe('Webhook deliveries');
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'webhook deliveries on a phone');
    await snap(page, '66-webhook-deliveries-phone');
    await context.close();
  });

  it('shows the DPO the 403 page, and an administrator the 404 page for a webhook that is not there', async () => {
    const dpo = await browser.person({ javaScript: false });
    await signIn(dpo.page, base, 'Dana Price (DPO)');
    expect(
      await dpo.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).count(),
    ).toBe(0);
    for (const path of ['/admin/webhooks', `/admin/webhooks/${added.id}`]) {
      const response = await dpo.page.goto(`${base}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 403 });
      expect(await dpo.page.locator('h1').textContent()).toBe('You cannot do this');
      expect(await dpo.page.content()).not.toContain(receiver.url);
    }
    await expectAccessible(dpo.page, 'webhooks forbidden');
    await snap(dpo.page, '67-webhooks-forbidden');
    await dpo.context.close();

    const admin = await browser.person({ javaScript: false });
    await signIn(admin.page, base, 'Sam Admin');
    for (const id of ['7a1e0000-0000-4000-8000-00000000ffff', 'not-a-webhook']) {
      const response = await admin.page.goto(`${base}/admin/webhooks/${id}`);
      expect({ id, status: response?.status() }).toEqual({ id, status: 404 });
      expect(await admin.page.locator('h1').textContent()).toBe('Page not found');
    }
    await admin.context.close();
  });
});
