/**
 * "Log me out from everywhere" is total over HTTP: while the owner changes the password in the
 * webmail, several clients keep signing in with the old password (webmail and user panel, each
 * from its own loopback address so the per-client limiter stays out of the way). Every session
 * cookie they obtained — including from sign-ins that finished after the change returned — is
 * refused afterwards.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

const ACCOUNTS = ['alice@example.org', 'bob@example.org', 'carol@example.org', 'dave@example.net'];
const CLIENTS = 6;

interface Answer {
  readonly status: number;
  readonly location: string | null;
  readonly cookies: ReadonlyMap<string, string>;
  readonly body: string;
}

/** One HTTP request from `localAddress` (a loopback address of its own). */
function send(
  url: string,
  options: { localAddress: string; method?: string; cookie?: string; form?: Record<string, string> },
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        localAddress: options.localAddress,
        agent: false,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const cookies = new Map<string, string>();
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const eq = pair.indexOf('=');
            cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
          }
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            cookies,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs in at `base`; the session cookie's value, or `null` when refused. */
async function signIn(
  base: string,
  cookieName: string,
  localAddress: string,
  account: string,
  password: string,
): Promise<string | null> {
  const page = await send(`${base}/login`, { localAddress });
  const preCsrf = page.cookies.get(`${cookieName}_csrf`) ?? '';
  const answer = await send(`${base}/login`, {
    localAddress,
    method: 'POST',
    cookie: `${cookieName}_csrf=${preCsrf}`,
    form: { _csrf: HttpClient.csrf(page.body), username: account, password },
  });
  if (answer.status !== 303 || answer.location !== '/') return null;
  return answer.cookies.get(cookieName) ?? null;
}

describe('no session survives a password change it raced (example servers over HTTP)', () => {
  let demo: TestDemo;
  beforeAll(async () => {
    demo = await startTestDemo();
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it(`${CLIENTS} clients looping old-password sign-ins keep no session after "log me out from everywhere", on ${ACCOUNTS.length} accounts`, {
    timeout: 120_000,
  }, async () => {
    const apps = [
      { base: demo.urls.webmail, cookieName: 'webmail_session' },
      { base: demo.urls.userPanel, cookieName: 'panel_session' },
    ];
    let total = 0;
    for (const [a, account] of ACCOUNTS.entries()) {
      const owner = new HttpClient(demo.urls.webmail);
      expect((await owner.login(account, DEMO_PASSWORD)).location).toBe('/');
      let changeReturned = false;
      const obtained: { app: (typeof apps)[number]; cookie: string }[] = [];
      const loops = Array.from({ length: CLIENTS }, async (_, k) => {
        const app = apps[k % apps.length] as (typeof apps)[number];
        const localAddress = `127.0.${20 + a}.${20 + k}`;
        while (!changeReturned) {
          const cookie = await signIn(app.base, app.cookieName, localAddress, account, DEMO_PASSWORD);
          if (cookie !== null) obtained.push({ app, cookie });
        }
      });
      // Let every client get going, then change the password with "log me out from everywhere".
      while (obtained.length < CLIENTS * 2) await new Promise((r) => setTimeout(r, 5));
      const form = await owner.request('/account');
      const fresh = `Copper-Willow-${50 + a}!`;
      const change = await owner.request('/account/password', {
        method: 'POST',
        form: {
          _csrf: HttpClient.csrf(form.body),
          currentPassword: DEMO_PASSWORD,
          newPassword: fresh,
          confirmPassword: fresh,
        },
      });
      changeReturned = true;
      expect(change.location).toBe('/login');
      await Promise.all(loops);

      const alive = [];
      for (const { app, cookie } of obtained) {
        const answer = await send(`${app.base}/`, {
          localAddress: '127.0.0.1',
          cookie: `${app.cookieName}=${cookie}`,
        });
        if (answer.status !== 303 || answer.location !== '/login') alive.push(cookie);
      }
      expect(alive, `${account}: sessions alive after the change`).toEqual([]);
      total += obtained.length;

      // The new password still opens a live session.
      const after = new HttpClient(demo.urls.webmail);
      expect((await after.login(account, fresh)).location).toBe('/');
      expect((await after.request('/')).status).toBe(200);
    }
    expect(total).toBeGreaterThan(ACCOUNTS.length * CLIENTS);
  });
});
