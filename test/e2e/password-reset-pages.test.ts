import { describe, expect, it } from 'vitest';
import type { PasswordNotification } from '../../src/index.js';
import { chromiumBinary, screenshot } from './support/browser.js';
import { signIn, useDemoBrowser } from './support/demo-browser.js';

const ACCOUNT = 'erin@example.net';
const NEW = 'Quartz-Meadow-63!p';

const resetLinks = (sent: readonly PasswordNotification[], account: string): string[] =>
  sent.flatMap((n) => (n.kind === 'password_reset_requested' && n.account === account ? [n.url] : []));

describe.skipIf(chromiumBinary === undefined && process.env.CI !== 'true')(
  'Forgot password? in a real browser',
  () => {
    const env = useDemoBrowser();

    it('webmail: asks for a link, opens it, sets a policy-compliant password and signs in with it', async () => {
      const base = env.demo.urls.webmail;
      const { page, problems } = await env.newPage();
      await page.goto(`${base}/login`);
      await screenshot(page, 'password-reset-01-sign-in');
      await Promise.all([page.waitForEvent('load'), page.click('text=Forgot password?')]);
      expect(new URL(page.url()).pathname).toBe('/forgot');
      await screenshot(page, 'password-reset-02-request');

      await page.fill('#reset-account', ACCOUNT);
      await Promise.all([page.waitForEvent('load'), page.click('button[type=submit]')]);
      expect(await page.textContent('h1')).toBe('Check your mail');
      await screenshot(page, 'password-reset-03-mail-sent');

      await expect.poll(() => resetLinks(env.demo.notifications.sent, ACCOUNT).length).toBe(1);
      const [link = ''] = resetLinks(env.demo.notifications.sent, ACCOUNT);
      await page.goto(link);
      expect(await page.textContent('h1')).toBe('Choose a new password');
      expect(await page.locator('passrotate-password').count()).toBe(1);
      await page.fill('#reset-password-new', 'erin');
      await screenshot(page, 'password-reset-04-form-weak');
      await page.fill('#reset-password-new', NEW);
      await page.fill('#reset-password-confirm', NEW);
      await screenshot(page, 'password-reset-05-form-ready');
      await Promise.all([page.waitForEvent('load'), page.click('form button[type=submit]')]);
      expect(await page.locator('.notice').allTextContents()).toEqual([
        expect.stringContaining('Your password was reset'),
      ]);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.textContent('.notice')).toContain('Your password was reset');
      await screenshot(page, 'password-reset-06-done');

      await signIn(page, base, ACCOUNT, NEW);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.goto(link);
      expect(await page.textContent('.notice')).toContain('not valid any more');
      await screenshot(page, 'password-reset-07-link-used');
      expect(problems).toEqual([]);
    });

    it('user panel: the same pages in German, with the same answer for an unknown address', async () => {
      const base = env.demo.urls.userPanel;
      const { page, problems } = await env.newPage({ locale: 'de-DE' });
      await page.goto(`${base}/login`);
      await Promise.all([page.waitForEvent('load'), page.click('text=Passwort vergessen?')]);
      await screenshot(page, 'password-reset-08-request-de');
      await page.fill('#reset-account', 'niemand@example.org');
      await Promise.all([page.waitForEvent('load'), page.click('button[type=submit]')]);
      expect(await page.textContent('h1')).toBe('Sehen Sie in Ihr Postfach');
      await screenshot(page, 'password-reset-09-mail-sent-de');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(env.demo.notifications.sent.filter((n) => n.account === 'niemand@example.org')).toEqual([]);
      expect(resetLinks(env.demo.notifications.sent, 'niemand@example.org')).toEqual([]);
      expect(problems).toEqual([]);
    });
  },
);
