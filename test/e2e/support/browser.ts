/** @module Launches Debian's chromium through playwright-core for the browser tests (never a downloaded browser). */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Path of Debian's chromium, exported by scripts/services/chromium.sh; browser tests skip when it is
 * absent (CI always sets it).
 */
export const chromiumBinary: string | undefined = process.env.PASSROTATE_TEST_CHROMIUM;

/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = 'test-output/screenshots';

/** A running browser. */
export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts headless chromium with the flags that work as root in a container. Playwright refuses a
 * `--user-data-dir` argument to `launch()` because it already gives every launch a fresh temporary
 * profile of its own (and removes it on close), which is what we want.
 *
 * @example
 * ```ts
 * const { browser, close } = await launchBrowser();
 * ```
 */
export async function launchBrowser(): Promise<TestBrowser> {
  if (chromiumBinary === undefined) throw new Error('PASSROTATE_TEST_CHROMIUM is not set');
  const browser = await chromium.launch({
    executablePath: chromiumBinary,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * Saves a full-page screenshot as `test-output/screenshots/NAME.png`.
 *
 * @example
 * ```ts
 * await screenshot(page, 'webmail-01-login');
 * ```
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Collects console errors (CSP violations among them) and uncaught exceptions of a page, so a test
 * can assert there were none. A 4xx answer to a form is expected (a refused password), not a problem.
 *
 * @example
 * ```ts
 * const problems = watchPage(page); … expect(problems).toEqual([]);
 * ```
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/status of 4\d\d/.test(text)) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
