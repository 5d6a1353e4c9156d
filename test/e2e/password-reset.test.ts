import { request as httpRequest } from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '../../src/index.js';
import { dovecotBinary } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { parseMail } from '../support/mail-message.js';
import { type PostfixInstance, postfixBinary, startPostfix } from '../support/postfix.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

const ALICE = 'alice@example.org';
const RECOVERY = 'alice.home@example.net';
const NEW = 'Quartz-Meadow-63!p';
const skipServers = (postfixBinary === undefined || dovecotBinary === undefined) && process.env.CI !== 'true';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function askForReset(base: string, account: string): Promise<{ status: number; body: string }> {
  const client = new HttpClient(base);
  const page = await client.request('/forgot');
  const answer = await client.request('/forgot', {
    method: 'POST',
    form: { _csrf: HttpClient.csrf(page.body), account },
  });
  return { status: answer.status, body: answer.body };
}

describe.skipIf(skipServers)(
  'password reset by e-mail through a real Postfix, with Dovecot',
  { timeout: 90_000 },
  () => {
    let postfix: PostfixInstance;
    let demo: TestDemo;
    beforeAll(async () => {
      if (postfixBinary === undefined) throw new Error('PASSROTATE_TEST_POSTFIX is not set');
      if (dovecotBinary === undefined) throw new Error('PASSROTATE_TEST_DOVECOT is not set');
      postfix = await startPostfix({ mailboxes: [ALICE, RECOVERY, 'bob@example.org', 'carol@example.org'] });
      demo = await startTestDemo({ smtpUrl: `smtp://127.0.0.1:${postfix.smtpPort}`, dovecotBinary });
      // Postfixadmin's recovery address, as its "edit mailbox" form stores it.
      const db = new Database(demo.services.storage.sqlitePath ?? '');
      db.prepare('UPDATE mailbox SET email_other = ? WHERE username = ?').run(RECOVERY, ALICE);
      db.close();
    });
    afterAll(async () => {
      await demo?.stop();
      await postfix?.stop();
    });

    it('mails the link to email_other; the link sets a new password, ends every session, and works once', async () => {
      const held = new HttpClient(demo.urls.webmail);
      expect((await held.login(ALICE, DEMO_PASSWORD)).status).toBe(303);
      expect((await held.request('/')).status).toBe(200);
      const imapPort = demo.dovecot?.port ?? 0;
      expect(await imapLoginWorks(imapPort, ALICE, DEMO_PASSWORD)).toBe(true);
      const heldImap = await connectImap(imapPort);
      expect((await heldImap.login(ALICE, DEMO_PASSWORD)).status).toBe('OK');

      const login = await new HttpClient(demo.urls.webmail).request('/login');
      expect(login.body).toContain('href="/forgot"');

      const known = await askForReset(demo.urls.webmail, ALICE);
      const unknown = await askForReset(demo.urls.webmail, 'nobody@example.org');
      expect(known.status).toBe(200);
      expect(unknown).toEqual(known);

      const [raw] = await postfix.waitForMessages(RECOVERY, 1);
      const mail = parseMail(raw ?? '');
      expect(mail.header('to')).toBe(RECOVERY);
      const link = /https?:\/\/\S+\/reset\/[0-9a-f]{64}/.exec(mail.text)?.[0] ?? '';
      expect(link.startsWith(demo.urls.webmail)).toBe(true);
      expect(postfix.messages(ALICE)).toHaveLength(0);

      const visitor = new HttpClient(demo.urls.webmail);
      const form = await visitor.request(link.slice(demo.urls.webmail.length));
      expect(form.status).toBe(200);
      expect(form.headers.get('referrer-policy')).toBe('strict-origin');
      expect(form.body).toContain('<meta name="referrer" content="strict-origin">');
      expect(form.body).toContain('<passrotate-password');
      const token = link.slice(-64);
      expect(form.body).toContain(`name="token" value="${token}"`);

      // The CSRF check stays whole on the reset form: no token, or an opaque (`null`) or foreign
      // origin, is refused like anywhere else.
      const noToken = await visitor.request('/reset', {
        method: 'POST',
        form: { token, newPassword: NEW, confirmPassword: NEW },
      });
      expect(noToken.status).toBe(403);
      for (const origin of ['null', 'http://evil.example']) {
        const refused = await visitor.request('/reset', {
          method: 'POST',
          headers: { origin },
          form: { _csrf: HttpClient.csrf(form.body), token, newPassword: NEW, confirmPassword: NEW },
        });
        expect(refused.status).toBe(403);
      }
      const weak = await visitor.request('/reset', {
        method: 'POST',
        form: { _csrf: HttpClient.csrf(form.body), token, newPassword: 'short', confirmPassword: 'short' },
      });
      expect(weak.status).toBe(400);
      const done = await visitor.request('/reset', {
        method: 'POST',
        form: { _csrf: HttpClient.csrf(weak.body), token, newPassword: NEW, confirmPassword: NEW },
      });
      expect(done.status).toBe(303);
      expect(done.location).toBe('/login');

      // The sessions held before the reset are gone (web and IMAP), the old password is refused, the new one works.
      expect((await held.request('/')).location).toBe('/login');
      await Promise.race([
        heldImap.closed,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('IMAP connection not dropped')), 10_000),
        ),
      ]);
      expect(await imapLoginWorks(imapPort, ALICE, DEMO_PASSWORD)).toBe(false);
      expect(await imapLoginWorks(imapPort, ALICE, NEW)).toBe(true);
      expect((await new HttpClient(demo.urls.webmail).login(ALICE, DEMO_PASSWORD)).status).toBe(400);
      expect((await new HttpClient(demo.urls.userPanel).login(ALICE, NEW)).status).toBe(303);

      // The link worked once.
      expect((await visitor.request(link.slice(demo.urls.webmail.length))).status).toBe(400);
      const [changed] = await postfix.waitForMessages(ALICE, 1);
      expect(parseMail(changed ?? '').header('subject')).toBe('Your password was changed');
    });

    it("builds the link from the app's public URL, not from a forged Host header; without email_other it goes to the mailbox", async () => {
      const client = new HttpClient(demo.urls.webmail);
      const page = await client.request('/forgot');
      // fetch() will not send another Host header; node:http will.
      const form = new URLSearchParams({ _csrf: HttpClient.csrf(page.body), account: 'bob@example.org' });
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const request = httpRequest(
          `${demo.urls.webmail}/forgot`,
          {
            method: 'POST',
            headers: {
              host: 'evil.example',
              cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'content-type': 'application/x-www-form-urlencoded',
            },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        );
        request.on('error', reject);
        request.end(form.toString());
      });
      expect(status).toBe(200);
      const [raw] = await postfix.waitForMessages('bob@example.org', 1);
      const text = parseMail(raw ?? '').text;
      expect(text).toContain(`${demo.urls.webmail}/reset/`);
      expect(text).not.toContain('evil.example');
    });

    it('answers an unknown and an existing account in similar time, without waiting for the SMTP server', async () => {
      const rounds = 25;
      const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
      let deliveryMs = 0;
      for (let i = 0; i < rounds; i++) {
        for (const kind of ['known', 'unknown'] as const) {
          const started = performance.now();
          const result = await requestPasswordReset(demo.services.rotation, {
            account: kind === 'known' ? 'carol@example.org' : `ghost${i}@example.org`,
            clientKey: `timing-${i}-${kind}`,
            resetUrl: (t) => `${demo.urls.webmail}/reset/${t}`,
          });
          times[kind].push(performance.now() - started);
          if (result.ok) await result.delivery;
          if (kind === 'known') deliveryMs = Math.max(deliveryMs, performance.now() - started);
        }
      }
      const known = median(times.known);
      const unknown = median(times.unknown);
      process.stdout.write(
        `reset request medians: existing ${known.toFixed(2)} ms, unknown ${unknown.toFixed(2)} ms; slowest delivery ${deliveryMs.toFixed(1)} ms\n`,
      );
      expect(Math.abs(known - unknown)).toBeLessThan(2);
      // Only the first 3 requests for carol were mailed (the per-account limit), all others silently not.
      await postfix.waitForMessages('carol@example.org', 3);
      await new Promise((r) => setTimeout(r, 500));
      expect(postfix.messages('carol@example.org')).toHaveLength(3);
    });
  },
);
