import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { startApi, TestApi } from './api';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * Debian's Chromium, driven by playwright-core, which never downloads a browser of its own.
 * A fresh profile per run, so nothing from an earlier run (cookies, cache) leaks in: Playwright
 * refuses a `--user-data-dir` argument and makes a new temporary one itself for every launch
 * (removed on close); each person then gets their own incognito-like context within it.
 */
export async function launchBrowser(): Promise<{ browser: BrowserContextFactory; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser: new BrowserContextFactory(browser),
    close: () => browser.close(),
  };
}

export class BrowserContextFactory {
  constructor(readonly browser: Browser) {}

  /** A person's own browser: separate cookies; phone-sized when asked; JavaScript on or off. */
  async person(
    options: { javaScript?: boolean; phone?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      viewport: options.phone ? { width: 360, height: 740 } : { width: 1100, height: 900 },
      acceptDownloads: true,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    const page = await context.newPage();
    if (options.javaScript === false) withoutJavaScript.add(page);
    return { context, page };
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Pages whose own scripts are off: axe needs them on, so it checks a copy of what they show. */
const withoutJavaScript = new WeakSet<Page>();

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the pages' CSP (rightly) refuses inline script.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
}

/**
 * Runs axe-core on what the page shows and fails on any serious or critical violation,
 * naming each. A page with JavaScript off is checked as a copy of its DOM, served at the
 * same address in a scripted page of the same size (axe cannot run where scripts cannot).
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  let violations: AxeViolation[];
  if (withoutJavaScript.has(page)) {
    const html = await page.content();
    const copy = await page.context().browser()!.newPage({ viewport: page.viewportSize() });
    await copy.route(page.url(), (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await copy.goto(page.url());
    violations = await runAxe(copy);
    await copy.close();
  } else {
    violations = await runAxe(page);
  }
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const listed = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect({ page: name, violations: listed }).toEqual({ page: name, violations: [] });
}

/** A full-page screenshot in test/artifacts, for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in on the development sign-in page as the demo person with this name. */
export async function signIn(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(name).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Whether the page fits its viewport's width: nothing to scroll sideways on a phone. */
export const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });

/** What every browser suite starts with: the real API on a loopback port, and Chromium to drive it. */
export interface PagesUnderTest {
  api: TestApi;
  base: string;
  browser: BrowserContextFactory;
  close(): Promise<void>;
}

export async function servePages(): Promise<PagesUnderTest> {
  const api = await startApi();
  const base = await api.listen();
  const chromium = await launchBrowser();
  return {
    api,
    base,
    browser: chromium.browser,
    close: async () => {
      await chromium.close();
      await api.close();
    },
  };
}
