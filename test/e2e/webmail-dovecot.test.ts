import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotBinary } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { chromiumBinary, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';

const ACCOUNT = 'carol@example.org';

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms),
    ),
  ]);
}

describe.skipIf(dovecotBinary === undefined || chromiumBinary === undefined)(
  'webmail change against a real Dovecot reading the same database',
  () => {
    let demo: TestDemo;
    let chromium: TestBrowser;

    beforeAll(async () => {
      demo = await startTestDemo({ ...(dovecotBinary !== undefined ? { dovecotBinary } : {}) });
      chromium = await launchBrowser();
    });
    afterAll(async () => {
      await chromium?.close();
      await demo?.stop();
    });

    it('IMAP: the new password works, the old one fails, and a held-open connection is dropped', async () => {
      const port = demo.dovecot?.port ?? 0;
      expect(port).toBeGreaterThan(0);
      // The old password works (and lands in Dovecot's auth cache), and a mail client stays connected.
      expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(true);
      const held = await connectImap(port);
      expect((await held.login(ACCOUNT, DEMO_PASSWORD)).status).toBe('OK');
      expect((await held.command('SELECT INBOX')).status).toBe('OK');

      const context = await chromium.browser.newContext({ locale: 'en-US' });
      const page: Page = await context.newPage();
      await page.goto(`${demo.urls.webmail}/login`);
      await page.fill('#login-user', ACCOUNT);
      await page.fill('#login-password', DEMO_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.click('button[type=submit]')]);
      await page.goto(`${demo.urls.webmail}/account`);
      await page.fill('#current-password', DEMO_PASSWORD);
      await page.click('[data-action="generate"]');
      const fresh = await page.locator('input[data-role="new"]').inputValue();
      await Promise.all([
        page.waitForURL(/\/login$/),
        page.click('button:has-text("Update password and log me out from everywhere")'),
      ]);
      await screenshot(page, 'dovecot-01-changed-login');
      await context.close();

      await within(held.closed, 10_000, 'the held IMAP connection being dropped');
      expect(await imapLoginWorks(port, ACCOUNT, fresh)).toBe(true);
      expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(false);
    }, 90_000);
  },
);
