import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_EXTERNAL_CONTROLLER } from '#libs/directory';
import { utcToLondonLocal } from '../../apps/api/src/pages/forms/london-local';
import { aReport, TestApi } from '../support/api';
import { BrowserContextFactory, expectAccessible, servePages, signIn, snap } from '../support/browser';
import { validBodies } from '../hostile/valid-bodies';

jest.setTimeout(60_000);

const inDaysLocal = (days: number) => utcToLondonLocal(new Date(Date.now() + days * 86_400_000));

/**
 * The later steps on the incident page (with JavaScript off, as a DPO on a locked-down laptop
 * might have it): further information to the ICO, telling the controller the group works for,
 * lessons learnt with actions, their circulation and acknowledgement, and settling the actions.
 */
describe('lessons learnt and the later steps, in Chromium', () => {
  let api: TestApi;
  let base: string;
  let browser: BrowserContextFactory;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ api, base, browser, close } = await servePages());
  });
  afterAll(() => close?.());

  /** A report where the group is the council's processor, decided "notify the ICO", the ICO told. */
  async function submittedToIco(): Promise<{ id: string; reference: string }> {
    const body = validBodies('Nothing personal here.');
    const dpo = await api.as('dpo');
    const report = aReport({ processorForControllerIds: [DEMO_EXTERNAL_CONTROLLER.id] });
    const { id, reference } = (await (await api.as('chris')).post('/api/v1/incidents', report).expect(201)).body as {
      id: string;
      reference: string;
    };
    const url = `/api/v1/incidents/${id}`;
    await dpo.post(`${url}/acknowledge`).expect(200);
    await dpo.post(`${url}/assessments`, body.assessments).expect(200);
    await dpo.post(`${url}/decision`, body.decision).expect(200);
    await dpo.post(`${url}/ico-submissions`, body['ico-submissions']).expect(200);
    return { id, reference };
  }

  it('records further ICO information, the controller told, lessons with actions; a colleague reads them', async () => {
    const incident = await submittedToIco();
    const { page, context } = await browser.person({ javaScript: false });
    await signIn(page, base, 'Dana Price (DPO)');
    await page.goto(`${base}/incidents/${incident.id}`);
    const outstanding = page.locator('.summary-list').first();
    expect(await outstanding.textContent()).toContain('lessons learnt have not been recorded');
    expect(await page.locator('main').textContent()).toContain('Not yet told.');

    // Art. 33(4): information sent to the ICO in phases.
    const supplementary = page.locator('#ico-supplementary-form');
    await supplementary.getByLabel('What was sent').fill('The results of the mailbox audit.');
    await supplementary.getByRole('button', { name: 'Record' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Further information to the ICO recorded');
    expect(await page.locator('main').textContent()).toContain('The results of the mailbox audit.');

    // The controller the group works for, told within its contract's hours.
    const controller = page.locator('#controller-notified-form');
    await controller.getByLabel('Controller').selectOption(DEMO_EXTERNAL_CONTROLLER.id);
    await controller.getByLabel('How').selectOption('email');
    await controller.getByRole('button', { name: 'Record' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Recorded that the controller was told');
    expect(await page.locator('main').textContent()).not.toContain('Not yet told.');

    // Lessons with a half-filled action row: refused, said where, nothing typed lost.
    const lessons = page.locator('#lessons-form');
    await lessons.getByLabel('Root cause').selectOption('misdirected-email-or-post');
    await lessons.getByLabel('What happened and why').fill('Autocomplete picked an external address.');
    await lessons.getByLabel('What changes as a result').fill('External addresses are confirmed before sending.');
    await lessons.locator('#lessons-action-0-description').fill('Turn off autocomplete for external addresses');
    await lessons.locator('#lessons-action-0-ownerId').selectOption({ label: 'Gareth Hughes (Head of Governance)' });
    await lessons.locator('#lessons-action-0-dueAt').fill(inDaysLocal(14));
    await lessons.locator('#lessons-action-1-description').fill('Refresher training for the rents team');
    await lessons.getByRole('button', { name: 'Record lessons learnt' }).click();
    const summary = (await page.locator('.error-summary').textContent())!;
    expect(summary).toContain('Action 2: choose who owns it');
    expect(summary).toContain('Action 2: enter when it is due');
    expect(await page.locator('#lessons-action-0-description').inputValue()).toBe(
      'Turn off autocomplete for external addresses',
    );
    expect(await page.locator('#lessons-action-1-description').inputValue()).toBe(
      'Refresher training for the rents team',
    );
    await expectAccessible(page, 'lessons form with errors');
    await snap(page, '40-lessons-errors');

    await page.locator('#lessons-action-1-ownerId').selectOption({ label: 'Dana Price (DPO)' });
    await page.locator('#lessons-action-1-dueAt').fill(inDaysLocal(30));
    await page.locator('#lessons-form').getByRole('button', { name: 'Record lessons learnt' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Lessons learnt recorded');
    const actions = page.locator('table.actions tbody tr');
    expect(await actions.count()).toBe(2);
    expect(await actions.nth(0).textContent()).toContain('Gareth Hughes (Head of Governance)');
    expect(await actions.nth(1).textContent()).toContain('Open');
    expect(await page.locator('main').textContent()).toContain('Not circulated yet.');

    // The circular to send round by other means: the DPO's words, the actions, none of the report.
    const circularLink = page.locator('.documents li', { hasText: 'Lessons-learnt circular' }).getByRole('link', {
      name: 'preview',
    });
    await circularLink.click();
    expect(await page.locator('h1').textContent()).toBe('Lessons learnt from a data breach');
    expect(await page.locator('main').textContent()).toContain('Turn off autocomplete for external addresses');
    await snap(page, '44-lessons-circular');
    await page.goBack();

    // Circulated to Priya and the executive team.
    const circulate = page.locator('#lessons-circulate-form');
    await circulate.getByLabel('The executive team').check();
    await circulate.getByLabel('Priya Patel').check();
    await circulate.getByRole('button', { name: 'Circulate' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Lessons circulated');
    const notRead = await page.locator('dt:has-text("Have not read them yet") + dd').textContent();
    expect(notRead).toContain('Priya Patel');
    expect(notRead).toContain('Erin Shaw (EMT)');
    await expectAccessible(page, 'incident with lessons');
    await snap(page, '41-incident-lessons');

    // Priya reads them on her own list and says so.
    const priya = await browser.person({ javaScript: false, phone: true });
    await signIn(priya.page, base, 'Priya Patel');
    await priya.page.getByRole('link', { name: 'Lessons learnt' }).click();
    const circular = priya.page.locator('article.circular', { hasText: incident.reference });
    expect(await circular.textContent()).toContain('External addresses are confirmed before sending.');
    await expectAccessible(priya.page, 'my lessons');
    await snap(priya.page, '42-my-lessons');
    await circular.getByRole('button', { name: `I have read the lessons from ${incident.reference}` }).click();
    expect(await priya.page.locator('.notice').textContent()).toContain('recorded that you have read them');
    expect(await priya.page.locator('article.circular', { hasText: incident.reference }).count()).toBe(0);
    expect(await priya.page.locator('main ul.list').textContent()).toContain(incident.reference);
    await priya.context.close();

    await page.reload();
    expect(await page.locator('dt:has-text("Have read them") + dd').textContent()).toContain('Priya Patel');
    expect(await page.locator('dt:has-text("Have not read them yet") + dd').textContent()).not.toContain('Priya Patel');

    // The actions: accepting one without doing it needs a reason.
    const first = page.locator('form.action-form').first();
    await first.getByRole('button', { name: 'Mark as done' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Action updated');
    const second = page.locator('form.action-form').first();
    await second.getByRole('button', { name: 'Accept without doing it' }).click();
    expect(await page.locator('.error-summary').textContent()).toMatch(/reason/i);
    await page
      .locator('form.action-form')
      .first()
      .getByLabel('Reason, if accepting it without doing it')
      .fill('Covered by the annual training already booked.');
    await page.locator('form.action-form').first().getByRole('button', { name: 'Accept without doing it' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Action updated');
    expect(await actions.nth(0).textContent()).toContain('Done');
    expect(await actions.nth(1).textContent()).toContain('Accepted without doing it: Covered by the annual training');
    expect(await page.locator('form.action-form').count()).toBe(0);
    // Every obligation met: nothing left before closing.
    expect(await page.locator('main').textContent()).not.toContain('Still needed before closing');
    await context.close();
  });

  it('shows the recommendation as the DPO answers, and with the Preview button when JavaScript is off', async () => {
    const { id } = (await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201)).body as {
      id: string;
    };
    await (await api.as('dpo')).post(`/api/v1/incidents/${id}/acknowledge`).expect(200);

    const answer = async (page: Page) => {
      const form = page.locator('#assessment-form');
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
    };

    // JavaScript on: no button pressed, the recommendation appears, then follows a changed answer.
    const live = await browser.person();
    await signIn(live.page, base, 'Dana Price (DPO)');
    await live.page.goto(`${base}/incidents/${id}`);
    const shown = live.page.locator('#assessment-recommendation');
    const reads = async () => {
      const [{ n }]: { n: number }[] = await api.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM incident_access_log WHERE incident_id = $1', [id]);
      return n;
    };
    const readsWhenOpened = await reads();
    await live.page.locator('#assessment-form').getByLabel('Confidentiality').check();
    await shown.getByText('once every question above is answered').waitFor();
    await answer(live.page);
    await shown.getByText('The system recommends').waitFor();
    expect(live.page.url()).toBe(`${base}/incidents/${id}`);
    // Financial data, unprotected, to known recipients: tell the ICO. Strongly encrypted with the
    // key safe: unlikely to result in a risk, and the recommendation follows the changed answer.
    expect(await shown.textContent()).toContain('Notify the ICO.');
    await live.page
      .locator('#assessment-form')
      .getByLabel('How was the data protected?')
      .selectOption('encrypted-key-safe');
    await shown.getByText('No need to notify the ICO.').waitFor();
    // The live recommendation reads nothing of the incident: the access log holds the page view alone.
    expect(await reads()).toBe(readsWhenOpened);
    await expectAccessible(live.page, 'live recommendation');
    await snap(live.page, '43-live-recommendation');
    // The background previews leave the form's CSRF token good: recording still works.
    const form = live.page.locator('#assessment-form');
    await form.locator('#assessment-riskLevel').check();
    await form.locator('#assessment-likelihood').check();
    await form.locator('#assessment-severity').check();
    await form.getByLabel('Your reasons').fill('Encrypted, and the key never left the group.');
    await form.getByRole('button', { name: 'Record the assessment' }).click();
    expect(await live.page.locator('.notice').textContent()).toContain('Assessment recorded');
    await live.context.close();

    // JavaScript off: the Preview button does the same with a page load, keeping every answer.
    const still = await browser.person({ javaScript: false });
    await signIn(still.page, base, 'Dana Price (DPO)');
    await still.page.goto(`${base}/incidents/${id}`);
    await answer(still.page);
    await still.page.getByRole('button', { name: 'Preview recommendation' }).click();
    expect(await still.page.locator('#assessment-recommendation').textContent()).toContain('The system recommends');
    expect(await still.page.locator('#assessment-form').getByLabel('Cause').inputValue()).toBe('misdirected-email');
    await still.context.close();
  });
});
