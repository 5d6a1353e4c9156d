import { describe, expect, it } from 'vitest';
import { DEMO_POLICY_SPEC } from '../../examples/shared/demo-policy.js';
import { definePolicy, formatViolation, validatePassword } from '../../src/index.js';
import { chromiumBinary, screenshot } from './support/browser.js';
import { DEMO_PASSWORD } from './support/demo.js';
import { signIn, useDemoBrowser } from './support/demo-browser.js';

const ACCOUNT = 'dave@example.net';
const NAME = 'Dave Müller';
const WEAK = 'dave2024';

describe.skipIf(chromiumBinary === undefined)('user panel: Password → Change in a real browser', () => {
  const env = useDemoBrowser();
  const newPage = () => env.newPage({ locale: 'en-GB' });

  it('changes the password with current + new + confirm and ends the other sessions', async () => {
    const base = env.demo.urls.userPanel;
    const { page, problems } = await newPage();
    await signIn(page, base, ACCOUNT, DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, 'user-panel-01-overview');

    const other = await newPage();
    await other.page.goto(`${env.demo.urls.webmail}/login`);
    await other.page.fill('#login-user', ACCOUNT);
    await other.page.fill('#login-password', DEMO_PASSWORD);
    await Promise.all([other.page.waitForEvent('load'), other.page.click('button[type=submit]')]);
    expect(new URL(other.page.url()).pathname).toBe('/');

    await Promise.all([
      page.waitForURL(`${base}/password`),
      page.click('.sidebar-nav a:has-text("Password")'),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Change password');
    await screenshot(page, 'user-panel-02-password-form');

    const input = page.locator('input[data-role="new"]');
    await page.click('[data-action="generate"]');
    const generated = await input.inputValue();
    const policy = definePolicy(DEMO_POLICY_SPEC);
    expect(validatePassword(policy, generated, { account: ACCOUNT }).ok).toBe(true);
    await screenshot(page, 'user-panel-03-generated');

    // Weak password with a mismatching confirmation → the confirmation error; then weak + matching → every violation.
    await page.fill('#current-password', DEMO_PASSWORD);
    await input.fill(WEAK);
    await page.fill('input[data-role="confirm"]', `${WEAK}x`);
    await expect(page.locator('[data-role="match"]').textContent()).resolves.toContain('do not match');
    await page.fill('input[data-role="confirm"]', WEAK);
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Change")')]);
    const expected = validatePassword(policy, WEAK, { account: ACCOUNT, displayName: NAME }).violations.map(
      (v) => formatViolation(v, { locale: 'en' }),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    await expect(page.locator('.notice-error .violations li').allTextContents()).resolves.toEqual(expected);
    await screenshot(page, 'user-panel-04-weak-refused');

    // Wrong current password.
    await page.fill('#current-password', 'Not-The-Password-9');
    await page.click('[data-action="generate"]');
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Change")')]);
    await expect(page.locator('.notice-error').textContent()).resolves.toContain(
      'current password is not correct',
    );

    // The good one.
    await page.fill('#current-password', DEMO_PASSWORD);
    await page.click('[data-action="generate"]');
    const fresh = await input.inputValue();
    await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Change")')]);
    await expect(page.locator('.notice-success').textContent()).resolves.toContain('password was changed');
    await screenshot(page, 'user-panel-05-changed');

    // This panel continues in a fresh session; the webmail session of the other browser is gone.
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    await other.page.reload();
    expect(new URL(other.page.url()).pathname).toBe('/login');

    // Old refused, new accepted.
    const again = await newPage();
    await signIn(again.page, base, ACCOUNT, DEMO_PASSWORD);
    expect(new URL(again.page.url()).pathname).toBe('/login');
    await signIn(again.page, base, ACCOUNT, fresh);
    expect(new URL(again.page.url()).pathname).toBe('/');
    expect(problems).toEqual([]);
  }, 90_000);
});
