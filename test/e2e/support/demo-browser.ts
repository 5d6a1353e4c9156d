/** @module One demo + one chromium per browser test file, with fresh contexts and a shared sign-in step. */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser, watchPage } from './browser.js';
import { startTestDemo, type TestDemo } from './demo.js';

/** A page in its own browser context, with the console/CSP problems `watchPage` collects. */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
}

/** What a browser test file gets from `useDemoBrowser`; valid inside its tests. */
export interface DemoBrowser {
  /** The running demo servers. */
  readonly demo: TestDemo;
  /** A page in a new context (1280×860), e.g. another device of the same user. */
  newPage(options?: { locale?: string; permissions?: string[] }): Promise<WatchedPage>;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start the demo servers and a headless chromium, and
 * close every context, the browser and the demo afterwards.
 *
 * @example
 * ```ts
 * const env = useDemoBrowser();
 * it('signs in', async () => { const { page } = await env.newPage(); await signIn(page, env.demo.urls.webmail, user, pw); });
 * ```
 */
export function useDemoBrowser(): DemoBrowser {
  let demo: TestDemo | undefined;
  let chromium: TestBrowser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    demo = await startTestDemo();
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await demo?.stop();
  });

  return {
    get demo(): TestDemo {
      if (demo === undefined) throw new Error('the demo is not started yet (use it inside a test)');
      return demo;
    },
    async newPage({ locale = 'en-US', permissions = [] } = {}): Promise<WatchedPage> {
      if (chromium === undefined) throw new Error('the browser is not started yet (use it inside a test)');
      const context = await chromium.browser.newContext({
        locale,
        viewport: { width: 1280, height: 860 },
        permissions,
      });
      contexts.push(context);
      const page = await context.newPage();
      return { page, problems: watchPage(page) };
    },
  };
}

/**
 * Signs in on the login form that all three example apps share, and waits for the next page.
 *
 * @example
 * ```ts
 * await signIn(page, demo.urls.webmail, 'alice@example.org', DEMO_PASSWORD);
 * ```
 */
export async function signIn(page: Page, base: string, user: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await Promise.all([page.waitForEvent('load'), page.click('button[type=submit]')]);
}
