import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, or another one named by CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium for a browser test, saying how to get it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

/**
 * A page in a fresh browser profile (own cookies) that collects uncaught script errors, so a test
 * can assert the page ran cleanly. Contexts are pushed to `contexts` for the test's cleanup.
 */
export async function newTrackedPage(
  browser: Browser,
  contexts: BrowserContext[],
  { width = 1280, timeoutMs = 20_000 } = {},
): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/**
 * Closes the contexts a test opened (and forgets them). Serial files call it after each test, so a
 * test's viewers stop drawing before the next test begins: a click once waited 30 s for a frame
 * while an earlier test's two viewers were still open. That they caused the wait is not proven;
 * they were the one competitor for frames found.
 */
export async function closeContexts(contexts: BrowserContext[]): Promise<void> {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
}

/** Opens `path`, is sent to the login page, logs in with the keyboard and lands back on `path`. */
export async function logInAt(page: Page, baseUrl: string, path: string, email: string, password: string) {
  await page.goto(`${baseUrl}${path}`);
  // Anonymous visitors are sent on to the login page; a locator wait rides over that navigation
  // (waitForURL can see it aborted and replaced under load).
  await page.getByLabel('邮箱', { exact: true }).waitFor();
  if (new URL(page.url()).pathname !== '/login')
    throw new Error(`expected the login page, got ${page.url()}`);
  await page.getByLabel('邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await landOn(page, path);
}

/**
 * Waits until the page shows `path` after a login. The login page sends the browser back, and the
 * page may replace the address once more (waitForURL then reports the first load aborted): watch
 * the address instead, then let the page load.
 */
export async function landOn(page: Page, path: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (new URL(page.url()).pathname !== path) {
    if (Date.now() > deadline) throw new Error(`did not land on ${path}: ${page.url()}`);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState('load');
}
