import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotBinary } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { chromiumBinary, launchBrowser, screenshot, type TestBrowser, watchPage } from './support/browser.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';

const ACCOUNT = 'dave@example.net';

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms),
    ),
  ]);
}

describe.skipIf(dovecotBinary === undefined || chromiumBinary === undefined)(
  'app passwords made in the webmail log in to the demo’s Dovecot until revoked',
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

    it('creates one in the browser (shown once), logs in over IMAP with it, and revokes it', async () => {
      const port = demo.dovecot?.port ?? 0;
      expect(port).toBeGreaterThan(0);
      const context = await chromium.browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${demo.urls.webmail}/login`);
      await page.fill('#login-user', ACCOUNT);
      await page.fill('#login-password', DEMO_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.click('button[type=submit]')]);
      await page.goto(`${demo.urls.webmail}/account`);
      await page.locator('#devices').scrollIntoViewIfNeeded();
      await screenshot(page, 'app-passwords-00-webmail-form');
      await page.fill('#device-name', 'Phone');
      await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Create app password")')]);
      const password = (await page.locator('#new-app-password').textContent()) ?? '';
      expect(password).toMatch(/^[a-z]{4}(?:-[a-z]{4}){3}$/);
      await page.locator('#devices').scrollIntoViewIfNeeded();
      await screenshot(page, 'app-passwords-01-created');
      expect(await page.locator('.app-password-list td').first().textContent()).toBe('Phone');

      // Dovecot accepts the app password (and caches it); a mail client stays connected with it.
      expect(await imapLoginWorks(port, ACCOUNT, password)).toBe(true);
      expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(true);
      const held = await connectImap(port);
      expect((await held.login(ACCOUNT, password)).status).toBe('OK');
      expect((await held.command('SELECT INBOX')).status).toBe('OK');

      await page.goto(`${demo.urls.webmail}/account`);
      expect(await page.locator('#new-app-password').count()).toBe(0); // never shown again
      await page.locator('#devices').scrollIntoViewIfNeeded();
      await screenshot(page, 'app-passwords-01b-webmail-list');
      await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Revoke")')]);
      await screenshot(page, 'app-passwords-02-revoked');
      expect(await page.locator('.app-password-list').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();

      await within(held.closed, 10_000, 'the IMAP connection on the revoked app password being dropped');
      expect(await imapLoginWorks(port, ACCOUNT, password)).toBe(false);
      expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(true);
    }, 90_000);

    it('user panel: the Devices page, its form, the password shown once, and the list', async () => {
      const context = await chromium.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${demo.urls.userPanel}/login`);
      await page.fill('#login-user', 'erin@example.net');
      await page.fill('#login-password', DEMO_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.click('button[type=submit]')]);
      await Promise.all([page.waitForEvent('load'), page.click('.sidebar-nav a:has-text("Devices")')]);
      expect(new URL(page.url()).pathname).toBe('/devices');
      await screenshot(page, 'app-passwords-03-user-panel-form');

      for (const device of ['Laptop', 'Phone']) {
        await page.fill('#device-name', device);
        await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Create app password")')]);
      }
      const password = (await page.locator('#new-app-password').textContent()) ?? '';
      expect(password).toMatch(/^[a-z]{4}(?:-[a-z]{4}){3}$/);
      await screenshot(page, 'app-passwords-04-user-panel-created');

      await page.goto(`${demo.urls.userPanel}/devices`);
      expect(await page.locator('#new-app-password').count()).toBe(0);
      expect(await page.locator('.app-password-list tbody tr td:first-child').allTextContents()).toEqual([
        'Laptop',
        'Phone',
      ]);
      await screenshot(page, 'app-passwords-05-user-panel-list');
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  },
);
