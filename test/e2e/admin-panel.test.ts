import { describe, expect, it } from 'vitest';
import { DEMO_POLICY_SPEC } from '../../examples/shared/demo-policy.js';
import { definePolicy, formatViolation, validatePassword, verifyLogin } from '../../src/index.js';
import { chromiumBinary, screenshot } from './support/browser.js';
import { DEMO_PASSWORD } from './support/demo.js';
import { signIn, useDemoBrowser } from './support/demo-browser.js';

const TARGET = 'bob@example.org';
const NAME = 'Bob Jansen';
const FOREIGN = 'dave@example.net';

describe.skipIf(chromiumBinary === undefined)(
  'admin panel: Users → domain → edit mailbox in a real browser',
  () => {
    const env = useDemoBrowser();
    const newPage = () => env.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });

    it('sets a mailbox password for a domain it manages, and ends the owner’s sessions', async () => {
      const base = env.demo.urls.adminPanel;
      const owner = await newPage();
      await signIn(owner.page, env.demo.urls.webmail, TARGET, DEMO_PASSWORD);
      expect(new URL(owner.page.url()).pathname).toBe('/');

      const { page, problems } = await newPage();
      await page.goto(`${base}/users`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'admin-panel-01-login');
      await signIn(page, base, 'admin@example.org', DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/users');
      await expect(page.locator('.topbar-nav a[aria-current="page"]').textContent()).resolves.toBe('Users');
      await expect(page.locator('label[for="domain-select"]').textContent()).resolves.toBe('Select domain');
      await expect(page.locator('#domain-select option').allTextContents()).resolves.toEqual(['example.org']);
      await expect(page.locator('.data-table tbody tr').count()).resolves.toBe(3);
      await screenshot(page, 'admin-panel-02-users');

      await Promise.all([page.waitForEvent('load'), page.click(`a[data-edit="${TARGET}"]`)]);
      const dialog = page.locator('dialog[data-edit-dialog]');
      await expect(
        dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal')),
      ).resolves.toBe(true);
      const input = dialog.locator('input[data-role="new"]');
      await expect(input.getAttribute('passwordrules')).resolves.toContain('minlength: 8');
      await expect(dialog.locator('input[name="mustChange"]').isChecked()).resolves.toBe(true);
      await screenshot(page, 'admin-panel-03-dialog');

      // "New" generates a compliant password; "Copy" puts it on the clipboard.
      await dialog.locator('[data-action="generate"]').click();
      const generated = await input.inputValue();
      const policy = definePolicy(DEMO_POLICY_SPEC);
      expect(validatePassword(policy, generated, { account: TARGET }).ok).toBe(true);
      await dialog.locator('[data-action="copy"]').click();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(generated);
      await expect(dialog.locator('[data-role="copy-label"]').textContent()).resolves.toBe('Copied');
      await screenshot(page, 'admin-panel-04-generated-copied');

      // Weak: every unmet requirement, in the dialog.
      const weak = 'bobby';
      await input.fill(weak);
      await Promise.all([
        page.waitForEvent('load'),
        dialog.locator('button:has-text("Update User")').click(),
      ]);
      const expected = validatePassword(policy, weak, { account: TARGET, displayName: NAME }).violations.map(
        (v) => formatViolation(v, { locale: 'en' }),
      );
      expect(expected.length).toBeGreaterThanOrEqual(4);
      await expect(page.locator('dialog .notice-error .violations li').allTextContents()).resolves.toEqual(
        expected,
      );
      await screenshot(page, 'admin-panel-05-weak-refused');

      // Good, temporary.
      await page.locator('dialog [data-action="generate"]').click();
      const fresh = await page.locator('dialog input[data-role="new"]').inputValue();
      await Promise.all([
        page.waitForEvent('load'),
        page.locator('dialog button:has-text("Update User")').click(),
      ]);
      await expect(page.locator('.notice-success').textContent()).resolves.toContain(TARGET);
      await expect(page.locator(`tr:has-text("${TARGET}") .badge-warn`).textContent()).resolves.toBe(
        'Must change',
      );
      await screenshot(page, 'admin-panel-06-updated');

      // The owner's session is gone; the old password is refused; the new one must be changed at once.
      await owner.page.reload();
      expect(new URL(owner.page.url()).pathname).toBe('/login');
      await signIn(owner.page, env.demo.urls.webmail, TARGET, DEMO_PASSWORD);
      expect(new URL(owner.page.url()).pathname).toBe('/login');
      await signIn(owner.page, env.demo.urls.webmail, TARGET, fresh);
      expect(new URL(owner.page.url()).pathname).toBe('/account');
      await expect(owner.page.locator('.notice-info').textContent()).resolves.toContain(
        'choose a new password',
      );
      await owner.page.goto(`${env.demo.urls.webmail}/`);
      expect(new URL(owner.page.url()).pathname).toBe('/account');
      await screenshot(owner.page, 'admin-panel-07-owner-must-change');
      expect(problems).toEqual([]);
      expect(owner.problems).toEqual([]);
    }, 90_000);

    it('refuses another domain on the server, even when the UI is bypassed (403)', async () => {
      const base = env.demo.urls.adminPanel;
      const { page } = await newPage();
      await signIn(page, base, 'admin@example.org', DEMO_PASSWORD);
      const listing = await page.goto(`${base}/users?domain=example.net`);
      expect(listing?.status()).toBe(403);
      await expect(page.locator('.notice-error').textContent()).resolves.toContain(
        'You may not manage this domain.',
      );
      await screenshot(page, 'admin-panel-09-forbidden');
      const editing = await page.goto(`${base}/users?domain=example.org&edit=${FOREIGN}`);
      expect(editing?.status()).toBe(403);

      await page.goto(`${base}/users`);
      const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
      const response = await page.request.post(`${base}/users/password`, {
        form: { _csrf: csrf, account: FOREIGN, newPassword: 'Quiet-Meadow-83!', mustChange: '1' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
      // Without the CSRF token the request is refused before anything else.
      const forged = await page.request.post(`${base}/users/password`, {
        form: { account: 'bob@example.org', newPassword: 'Quiet-Meadow-83!' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      // dave's password is unchanged.
      const login = await verifyLogin(env.demo.services.rotation, {
        account: FOREIGN,
        password: DEMO_PASSWORD,
      });
      expect(login.ok).toBe(true);
    }, 90_000);

    it('lets the superadmin manage every domain', async () => {
      const { page } = await newPage();
      await signIn(page, env.demo.urls.adminPanel, 'superadmin', DEMO_PASSWORD);
      await expect(page.locator('#domain-select option').allTextContents()).resolves.toEqual([
        'example.net',
        'example.org',
      ]);
      await expect(page.locator('.data-table tbody tr').count()).resolves.toBe(2);
      await Promise.all([
        page.waitForURL(/domain=example\.org/),
        page.selectOption('#domain-select', 'example.org'),
      ]);
      await expect(page.locator('.data-table tbody tr').count()).resolves.toBe(3);
      await screenshot(page, 'admin-panel-08-superadmin');
    }, 90_000);
  },
);
