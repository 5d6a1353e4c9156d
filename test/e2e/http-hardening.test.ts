import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

/** The text of the first notice on a page, or `undefined`. */
const notice = (body: string) => /<div class="notice[^>]*>\s*<p>([^<]*)<\/p>/.exec(body)?.[1];

describe('example servers over HTTP: must-change, flash notices, bounded accounts', () => {
  let demo: TestDemo;
  beforeAll(async () => {
    demo = await startTestDemo();
  });
  afterAll(() => demo?.stop());

  it('lets a must-change webmail user change the password, then sign in with it to the inbox', async () => {
    const admin = new HttpClient(demo.urls.adminPanel);
    await admin.login('admin@example.org', DEMO_PASSWORD);
    const temporary = 'Tide-Marker-31!';
    const users = await admin.request('/users?domain=example.org&edit=bob@example.org');
    const set = await admin.request('/users/password', {
      method: 'POST',
      form: {
        _csrf: HttpClient.csrf(users.body),
        account: 'bob@example.org',
        newPassword: temporary,
        mustChange: '1',
      },
    });
    expect(set.status).toBe(303);

    const webmail = new HttpClient(demo.urls.webmail);
    expect((await webmail.login('bob@example.org', temporary)).location).toBe('/account');
    expect((await webmail.request('/')).location).toBe('/account'); // the guard holds
    const form = await webmail.request('/account');
    expect(form.status).toBe(200);
    const chosen = 'Orchard-Lamp-72?';
    const change = await webmail.request('/account/password', {
      method: 'POST',
      form: {
        _csrf: HttpClient.csrf(form.body),
        currentPassword: temporary,
        newPassword: chosen,
        confirmPassword: chosen,
      },
    });
    expect(change.status).toBe(303);
    expect(change.location).toBe('/login'); // signed out everywhere, as designed
    const signIn = await webmail.request('/login');
    expect(notice(signIn.body)).toContain('Your password was changed');
    expect(notice((await webmail.request('/login')).body)).toBeUndefined(); // shown once
    expect((await webmail.login('bob@example.org', temporary)).status).toBe(400);
    expect((await webmail.login('bob@example.org', chosen)).location).toBe('/');
    expect((await webmail.request('/')).status).toBe(200);
  });

  it('shows no notice an attacker writes into a link (admin done=, sign-in m=)', async () => {
    const admin = new HttpClient(demo.urls.adminPanel);
    await admin.login('admin@example.org', DEMO_PASSWORD);
    const forged = await admin.request(
      `/users?${new URLSearchParams({ domain: 'example.org', done: 'Call 555-0100 to verify@example.org' })}`,
    );
    expect(forged.status).toBe(200);
    expect(forged.body).not.toContain('555-0100');
    for (const base of [demo.urls.webmail, demo.urls.userPanel, demo.urls.adminPanel]) {
      for (const m of ['changed', 'out']) {
        expect(
          notice((await new HttpClient(base).request(`/login?m=${m}`)).body),
          `${base} m=${m}`,
        ).toBeUndefined();
      }
    }
  });

  it('still shows the real notices, once, after the redirect (admin set, sign-out)', async () => {
    const admin = new HttpClient(demo.urls.adminPanel);
    await admin.login('admin@example.org', DEMO_PASSWORD);
    const users = await admin.request('/users?domain=example.org&edit=alice@example.org');
    const set = await admin.request('/users/password', {
      method: 'POST',
      form: {
        _csrf: HttpClient.csrf(users.body),
        account: 'alice@example.org',
        newPassword: 'Quarry-Bell-64#',
        mustChange: '1',
      },
    });
    expect(set.location).toBe('/users?domain=example.org');
    const shown = await admin.request(set.location ?? '');
    expect(notice(shown.body)).toBe(
      'The password of alice@example.org was updated and its sessions were closed.',
    );
    expect(notice((await admin.request(set.location ?? '')).body)).toBeUndefined();

    const out = await admin.request('/logout', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(shown.body) },
    });
    expect(out.location).toBe('/login');
    expect(notice((await admin.request('/login')).body)).toBe('You have been signed out.');
  });

  it('cuts an over-long account from the sign-in form before it reaches the audit trail', async () => {
    const long = `${'x'.repeat(5000)}@example.org`;
    expect((await new HttpClient(demo.urls.webmail).login(long, 'Wrong-Password-1!')).status).toBe(400);
    expect((await new HttpClient(demo.urls.adminPanel).login(long, 'Wrong-Password-1!')).status).toBe(400);
    const db = new Database(demo.services.storage.sqlitePath ?? '', { readonly: true });
    try {
      const rows = db.prepare('SELECT account FROM passrotate_audit').all() as { account: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(Math.max(...rows.map((r) => r.account.length))).toBeLessThanOrEqual(320);
    } finally {
      db.close();
    }
  });

  it('ignores X-Forwarded-* unless TRUST_PROXY=1', async () => {
    const client = new HttpClient(demo.urls.webmail);
    const page = await client.request('/login', {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mail.example.org' },
    });
    expect(page.headers.get('strict-transport-security')).toBeNull();
    expect(page.setCookies.join('\n')).not.toMatch(/; Secure/);
    const refused = await client.request('/login', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(page.body), username: 'erin@example.net', password: DEMO_PASSWORD },
      headers: {
        origin: 'https://mail.example.org',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'mail.example.org',
      },
    });
    expect(refused.status).toBe(403);
  });
});

describe('example servers behind a TLS-terminating proxy (TRUST_PROXY=1)', () => {
  let demo: TestDemo;
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mail.example.org' };
  beforeAll(async () => {
    process.env.TRUST_PROXY = '1';
    try {
      demo = await startTestDemo();
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
  afterAll(() => demo?.stop());

  it('sends Secure cookies and HSTS, and accepts a POST from the public origin only', async () => {
    const client = new HttpClient(demo.urls.webmail);
    const page = await client.request('/login', { headers: forwarded });
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    expect(page.setCookies.find((line) => line.startsWith('webmail_session_csrf='))).toMatch(/; Secure/);
    const form = { _csrf: HttpClient.csrf(page.body), username: 'erin@example.net', password: DEMO_PASSWORD };
    const foreign = await client.request('/login', {
      method: 'POST',
      form,
      headers: { ...forwarded, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const login = await client.request('/login', {
      method: 'POST',
      form,
      headers: { ...forwarded, origin: 'https://mail.example.org' },
    });
    expect(login.status).toBe(303);
    expect(login.setCookies.find((line) => line.startsWith('webmail_session='))).toMatch(/; Secure/);
  });
});
