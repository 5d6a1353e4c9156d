import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { chromiumBinary, launchBrowser, screenshot } from './support/browser.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { signIn } from './support/demo-browser.js';
import { HttpClient } from './support/http-client.js';

const DAY = 86_400_000;
const NEW = 'Quartz-Meadow-83!p';
/** The text of the first notice on a page, or `undefined`. */
const notice = (body: string) => /<div class="notice[^>]*>\s*<p>([^<]*)<\/p>/.exec(body)?.[1];

describe('an aged-out password in the example servers: sign-in leads to the change form only', {
  timeout: 60_000,
}, () => {
  let demo: TestDemo;
  beforeAll(async () => {
    demo = await startTestDemo();
  });
  afterAll(() => demo?.stop());

  /** Lets `account`'s password age out a day ago (as a domain's expiry would). */
  async function ageOut(account: string): Promise<void> {
    const { store } = demo.services.rotation;
    const record = await store.get(account);
    if (!record) throw new Error(`no ${account}`);
    const written = await store.setPassword({
      account,
      expectedVersion: record.version,
      passwordHash: record.passwordHash,
      changedAt: record.changedAt,
      mustChange: false,
      expiresAt: new Date(Date.now() - DAY),
      historyLimit: 5,
      keepHistory: true,
      pendingRevocations: [],
    });
    expect(written.ok).toBe(true);
  }

  it('webmail: signs in to "password expired", allows nothing else, and the change ends it', async () => {
    await ageOut('alice@example.org');
    const webmail = new HttpClient(demo.urls.webmail);
    expect((await webmail.login('alice@example.org', DEMO_PASSWORD)).location).toBe('/account');
    const page = await webmail.request('/account');
    expect(notice(page.body)).toBe('Your password has expired. Choose a new one to continue.');
    expect(page.body).not.toContain('Devices and app passwords');
    expect((await webmail.request('/')).location).toBe('/account');

    const changed = await webmail.request('/account/password', {
      method: 'POST',
      form: {
        _csrf: HttpClient.csrf(page.body),
        currentPassword: DEMO_PASSWORD,
        newPassword: NEW,
        confirmPassword: NEW,
      },
    });
    expect(changed.status).toBe(303);
    expect((await new HttpClient(demo.urls.webmail).login('alice@example.org', NEW)).location).toBe('/');
    expect((await new HttpClient(demo.urls.webmail).login('alice@example.org', DEMO_PASSWORD)).status).toBe(
      400,
    );
  });

  it('expire --due (cron) on the demo database, then the user panel sign-in shows only the change form', async () => {
    await ageOut('bob@example.org');
    const run = await runCli(['expire', '--due', '--store', `sqlite:${join(demo.dir, 'demo.db')}`, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ expired: ['bob@example.org'] });
    expect(await demo.services.rotation.store.get('bob@example.org')).toMatchObject({ mustChange: true });

    const panel = new HttpClient(demo.urls.userPanel);
    expect((await panel.login('bob@example.org', DEMO_PASSWORD)).location).toBe('/password');
    expect((await panel.request('/devices')).location).toBe('/password');
    const form = await panel.request('/password');
    expect(form.body).toContain('name="newPassword"');
    expect(notice(form.body)).toBe(
      'Your administrator asks you to choose a new password before you continue.',
    );
  });

  it.skipIf(chromiumBinary === undefined && process.env.CI !== 'true')(
    'Chromium: the forced-change page after expiry (screenshot)',
    async () => {
      await ageOut('carol@example.org');
      const chromium = await launchBrowser();
      try {
        const context = await chromium.browser.newContext({
          locale: 'en-US',
          viewport: { width: 1280, height: 860 },
        });
        const page = await context.newPage();
        await signIn(page, demo.urls.webmail, 'carol@example.org', DEMO_PASSWORD);
        expect(new URL(page.url()).pathname).toBe('/account');
        await expect(page.locator('.notice').first().textContent()).resolves.toContain(
          'Your password has expired',
        );
        await expect(page.locator('input[data-role="new"]').isVisible()).resolves.toBe(true);
        await screenshot(page, 'expiry-01-webmail-forced-change');
        const panel = await context.newPage();
        await signIn(panel, demo.urls.userPanel, 'carol@example.org', DEMO_PASSWORD);
        expect(new URL(panel.url()).pathname).toBe('/password');
        await screenshot(panel, 'expiry-02-user-panel-forced-change');
      } finally {
        await chromium.close();
      }
    },
  );
});
