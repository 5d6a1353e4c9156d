import { describe, expect, it } from 'vitest';
import { DEMO_POLICY_SPEC } from '../../examples/shared/demo-policy.js';
import { definePolicy, formatViolation, validatePassword } from '../../src/index.js';
import { chromiumBinary, screenshot } from './support/browser.js';
import { DEMO_PASSWORD } from './support/demo.js';
import { signIn, useDemoBrowser } from './support/demo-browser.js';

const ACCOUNT = 'alice@example.org';
const NAME = 'Alice Martin';
const WEAK = 'password';

describe.skipIf(chromiumBinary === undefined)('webmail: My account → Password in a real browser', () => {
  const env = useDemoBrowser();
  const newPage = (locale = 'en-US') => env.newPage({ locale });

  it('changes the password, logs out everywhere, and only the new password works afterwards', async () => {
    const base = env.demo.urls.webmail;
    const { page, problems } = await newPage();

    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'webmail-01-login');

    await signIn(page, base, ACCOUNT, 'Wrong-Password-1!');
    await expect(page.locator('.notice-error').textContent()).resolves.toContain(
      'email address or password is incorrect',
    );
    await signIn(page, base, 'nobody@example.org', 'Wrong-Password-1!');
    await expect(page.locator('.notice-error').textContent()).resolves.toContain(
      'email address or password is incorrect',
    );
    await screenshot(page, 'webmail-02-login-refused');

    await signIn(page, base, ACCOUNT, DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, 'webmail-03-inbox');

    // Other sessions of the same mailbox: the user panel (shares the session store) and a second webmail.
    const panel = await newPage();
    await signIn(panel.page, env.demo.urls.userPanel, ACCOUNT, DEMO_PASSWORD);
    expect(new URL(panel.page.url()).pathname).toBe('/');
    const second = await newPage();
    await signIn(second.page, base, ACCOUNT, DEMO_PASSWORD);
    expect(new URL(second.page.url()).pathname).toBe('/');

    // User menu (top right) → My account → Account tab → Password section.
    await page.click('.user-menu > summary');
    await screenshot(page, 'webmail-04-user-menu');
    await Promise.all([
      page.waitForURL(`${base}/account`),
      page.click('.user-menu-panel a:has-text("My account")'),
    ]);
    await expect(page.locator('.tabs a[aria-current="page"]').textContent()).resolves.toBe('Account');
    await expect(page.locator('#password-heading').textContent()).resolves.toBe('Password');

    const input = page.locator('input[data-role="new"]');
    const policy = definePolicy(DEMO_POLICY_SPEC);
    await expect(input.getAttribute('minlength')).resolves.toBe(String(policy.minLength));
    await expect(input.getAttribute('passwordrules')).resolves.toContain('required: upper');
    await expect(input.getAttribute('autocomplete')).resolves.toBe('new-password');
    const lines = page.locator('ul[data-role="requirements"] li');
    const lineCount = await lines.count();
    expect(lineCount).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'webmail-05-password-form');

    // Live ticking as the user types.
    await input.fill('abc');
    await expect(page.locator('li.met[data-codes~="missing_lowercase"]').count()).resolves.toBe(1);
    await expect(page.locator('li.unmet[data-codes~="too_short"]').count()).resolves.toBe(1);
    await expect(page.locator('li.unmet[data-codes~="missing_digit"]').count()).resolves.toBe(1);
    await screenshot(page, 'webmail-06-typing-weak');
    // The common-password list arrives as its own chunk after focus, then the line is judged too.
    await input.fill('Password2024!');
    await page.waitForSelector('li.unmet[data-codes~="common_password"]');

    // The generate button fills a compliant password (generated in the browser) and ticks every line it can judge.
    await page.click('[data-action="generate"]');
    const generated = await input.inputValue();
    expect(validatePassword(policy, generated, { account: ACCOUNT }).ok).toBe(true);
    await expect(page.locator('input[data-role="confirm"]').inputValue()).resolves.toBe(generated);
    await expect(input.getAttribute('type')).resolves.toBe('text');
    await expect(page.locator('ul[data-role="requirements"] li.unmet').count()).resolves.toBe(0);
    await screenshot(page, 'webmail-07-generated');
    await page.click('[data-action="toggle"]');
    await expect(input.getAttribute('type')).resolves.toBe('password');

    // A weak password: the server lists every unmet requirement.
    await page.fill('#current-password', DEMO_PASSWORD);
    await input.fill(WEAK);
    await page.fill('input[data-role="confirm"]', WEAK);
    await Promise.all([
      page.waitForEvent('load'),
      page.click('button:has-text("Update password and log me out from everywhere")'),
    ]);
    const expected = validatePassword(policy, WEAK, { account: ACCOUNT, displayName: NAME }).violations.map(
      (v) => formatViolation(v, { locale: 'en' }),
    );
    expect(expected.length).toBeGreaterThanOrEqual(4);
    await expect(page.locator('.notice-error .violations li').allTextContents()).resolves.toEqual(expected);
    await screenshot(page, 'webmail-08-weak-refused');

    // A good one: changed, logged out everywhere, back on the login page.
    await page.fill('#current-password', DEMO_PASSWORD);
    await page.click('[data-action="generate"]');
    const fresh = await input.inputValue();
    await Promise.all([
      page.waitForURL(/\/login$/),
      page.click('button:has-text("Update password and log me out from everywhere")'),
    ]);
    await expect(page.locator('.notice-success').textContent()).resolves.toContain('signed out everywhere');
    await screenshot(page, 'webmail-09-changed-login');

    // The other sessions are gone.
    await panel.page.reload();
    expect(new URL(panel.page.url()).pathname).toBe('/login');
    await second.page.goto(`${base}/account`);
    expect(new URL(second.page.url()).pathname).toBe('/login');

    // Old password refused, new one accepted.
    await signIn(page, base, ACCOUNT, DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.locator('.notice-error').count()).resolves.toBe(1);
    await signIn(page, base, ACCOUNT, fresh);
    expect(new URL(page.url()).pathname).toBe('/');

    expect(problems).toEqual([]);
  }, 90_000);

  it('speaks the browser language among en, de, fr, nl and es', async () => {
    for (const [locale, signInLabel] of [
      ['de-DE', 'Anmelden'],
      ['fr-FR', 'Se connecter'],
      ['nl-NL', 'Inloggen'],
      ['es-ES', 'Iniciar sesión'],
      ['ja-JP', 'Sign in'],
    ] as const) {
      const { page, problems } = await newPage(locale);
      await page.goto(`${env.demo.urls.webmail}/login`);
      await expect(page.locator('h1').textContent()).resolves.toBe(signInLabel);
      expect(problems).toEqual([]);
    }
    const { page } = await newPage('de-DE');
    await signIn(page, env.demo.urls.webmail, 'bob@example.org', DEMO_PASSWORD);
    await page.goto(`${env.demo.urls.webmail}/account`);
    await expect(page.locator('button[type=submit]:has-text("überall abmelden")').count()).resolves.toBe(1);
    await screenshot(page, 'webmail-10-account-de');
  }, 90_000);
});
