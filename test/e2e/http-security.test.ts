import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientBundles } from '../../examples/shared/assets.js';
import type { PasswordHasher } from '../../src/index.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

/** Counts verifications, to prove an unknown account still costs one. */
function countingHasher(inner: PasswordHasher, counter: { verify: number }): PasswordHasher {
  return {
    hash: (password) => inner.hash(password),
    verify: (password, stored) => {
      counter.verify += 1;
      return inner.verify(password, stored);
    },
    needsRehash: (stored) => inner.needsRehash(stored),
  };
}

describe('example servers over HTTP: headers, sessions, CSRF, vague logins', () => {
  let demo: TestDemo;
  const counter = { verify: 0 };
  const apps = (): [string, string][] => [
    ['webmail', demo.urls.webmail],
    ['user panel', demo.urls.userPanel],
    ['admin panel', demo.urls.adminPanel],
  ];

  beforeAll(async () => {
    demo = await startTestDemo({ wrapHasher: (hasher) => countingHasher(hasher, counter) });
  });
  afterAll(() => demo?.stop());

  it('sends the security-headers baseline, with a CSP that allows no inline code', async () => {
    for (const [, base] of apps()) {
      const answer = await new HttpClient(base).request('/login');
      expect(answer.status).toBe(200);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('same-origin');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.body).not.toMatch(/<script(?![^>]*\ssrc=)/);
      expect(answer.body).not.toMatch(/\sstyle=|<style/);
    }
  });

  it('refuses a POST without the CSRF token, with a wrong one, or from a foreign origin', async () => {
    for (const [, base] of apps()) {
      const client = new HttpClient(base);
      const page = await client.request('/login');
      const token = HttpClient.csrf(page.body);
      const form = { username: 'alice@example.org', password: DEMO_PASSWORD };
      const missing = await client.request('/login', { method: 'POST', form });
      expect(missing.status).toBe(403);
      expect(missing.body).toContain('The form expired. Please try again.');
      expect(
        (await client.request('/login', { method: 'POST', form: { ...form, _csrf: `${token.slice(1)}x` } }))
          .status,
      ).toBe(403);
      const foreign = await client.request('/login', {
        method: 'POST',
        form: { ...form, _csrf: token },
        headers: { origin: 'http://evil.example' },
      });
      expect(foreign.status).toBe(403);
    }
  });

  it('issues a new HttpOnly, SameSite session id at login, ignoring a planted one', async () => {
    const client = new HttpClient(demo.urls.webmail);
    client.cookies.set('webmail_session', 'planted-session-id');
    const answer = await client.login('alice@example.org', DEMO_PASSWORD);
    expect(answer.status).toBe(303);
    const cookie = answer.setCookies.find((line) => line.startsWith('webmail_session='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
    expect(client.cookies.get('webmail_session')).toMatch(/^[\w-]{43}$/);

    const admin = new HttpClient(demo.urls.adminPanel);
    const adminAnswer = await admin.login('admin@example.org', DEMO_PASSWORD);
    expect(adminAnswer.setCookies.find((line) => line.startsWith('admin_session='))).toMatch(
      /; SameSite=Strict/,
    );
  });

  it('does not accept one app’s session in another', async () => {
    const webmail = new HttpClient(demo.urls.webmail);
    await webmail.login('bob@example.org', DEMO_PASSWORD);
    const panel = new HttpClient(demo.urls.userPanel);
    panel.cookies.set('panel_session', webmail.cookies.get('webmail_session') ?? '');
    const answer = await panel.request('/');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/login');
  });

  it('answers an unknown account and a wrong password alike, and verifies a hash for both', async () => {
    const client = new HttpClient(demo.urls.userPanel);
    const before = counter.verify;
    const wrong = await client.login('erin@example.net', 'Wrong-Password-1!');
    const afterWrong = counter.verify;
    const unknown = await client.login('nobody@example.net', 'Wrong-Password-1!');
    expect(afterWrong - before).toBe(1);
    expect(counter.verify - afterWrong).toBe(1);
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const notice = (body: string) => /<div class="notice[^>]*>\s*<p>([^<]*)<\/p>/.exec(body)?.[1];
    expect(notice(wrong.body)).toBe('The email address or password is incorrect.');
    expect(notice(unknown.body)).toBe(notice(wrong.body));

    const admin = new HttpClient(demo.urls.adminPanel);
    const adminBefore = counter.verify;
    const noAdmin = await admin.login('ghost', 'Wrong-Password-1!');
    expect(counter.verify - adminBefore).toBe(1);
    expect(notice(noAdmin.body)).toBe('The email address or password is incorrect.');
  });

  it('rate-limits wrong logins, answering existing and unknown accounts alike', async () => {
    // The limit is 10 failures per account and per client address (earlier tests used some of the client's).
    const client = new HttpClient(demo.urls.webmail);
    const statuses: number[] = [];
    for (let i = 0; i < 11 && !statuses.includes(429); i++) {
      statuses.push((await client.login('carol@example.org', `Wrong-${i}-Password!`)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
    // Even the right password is refused while locked, and an unknown account gets the same answer.
    const right = await client.login('carol@example.org', DEMO_PASSWORD);
    const unknown = await new HttpClient(demo.urls.webmail).login('nobody@example.org', 'Wrong-1!');
    expect(right.status).toBe(429);
    expect(unknown.status).toBe(429);
    expect(right.body).toContain('Too many attempts');
    expect(unknown.body).toContain('Too many attempts');
  });

  it('refuses an oversized form before parsing it', async () => {
    const client = new HttpClient(demo.urls.webmail);
    const page = await client.request('/login');
    const answer = await client.request('/login', {
      method: 'POST',
      form: {
        _csrf: HttpClient.csrf(page.body),
        username: 'alice@example.org',
        password: 'x'.repeat(100_000),
      },
    });
    expect(answer.status).toBe(413);
  });

  it('escapes what the user typed', async () => {
    const answer = await new HttpClient(demo.urls.webmail).login('<script>alert(1)</script>@x', 'x');
    expect(answer.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;@x"');
    expect(answer.body).not.toContain('<script>alert(1)');
  });

  it('serves the <passrotate-password> element with the library, built for the browser platform', async () => {
    const bundles = await clientBundles();
    const script = bundles.get('passrotate-password.js') ?? '';
    expect(script.includes('customElements.define')).toBe(true);
    expect(/from\s*["']node:|require\(["']node:/.test(script)).toBe(false);
    const served = await new HttpClient(demo.urls.webmail).request('/assets/passrotate-password.js');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('text/javascript');
    expect(served.body === script).toBe(true);
  });

  it("serves the common-password list as its own chunk, outside the element's script", async () => {
    const bundles = await clientBundles();
    // A folded entry of the list (trustno1 as the blocklist stores it), found nowhere else in the code.
    const listChunks = [...bundles].filter(([, code]) => code.includes('trustnoi'));
    expect(listChunks.map(([n]) => n)).toHaveLength(1);
    const [name, chunk] = listChunks[0] as [string, string];
    expect(name).not.toBe('passrotate-password.js');
    expect(bundles.get('passrotate-password.js')).not.toContain('trustnoi');
    const served = await new HttpClient(demo.urls.webmail).request(`/assets/${name}`);
    expect(served.status).toBe(200);
    expect(served.body === chunk).toBe(true);
  });
});
