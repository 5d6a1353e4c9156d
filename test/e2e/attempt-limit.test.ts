import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_ATTEMPT_LIMIT } from '../../examples/shared/storage.js';
import type { PasswordHasher } from '../../src/index.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

const LIMIT = LOGIN_ATTEMPT_LIMIT.limit;
const BURST = 40;
const wrongGuesses = Array.from({ length: BURST }, (_, i) => `Wrong-${i}-Password!`);

/** Counts every password verification the servers run. */
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

/** Opens every sign-in form first, then posts all of them at once; the answers keep the order. */
async function loginBurst(base: string, username: string, passwords: readonly string[]): Promise<number[]> {
  const clients = passwords.map(() => new HttpClient(base));
  const tokens = await Promise.all(
    clients.map(async (c) => HttpClient.csrf((await c.request('/login')).body)),
  );
  const answers = await Promise.all(
    clients.map((c, i) =>
      c.request('/login', {
        method: 'POST',
        form: { _csrf: tokens[i] ?? '', username, password: passwords[i] ?? '' },
      }),
    ),
  );
  return answers.map((a) => a.status);
}

describe('example servers over HTTP: the attempt limit holds under a parallel burst', () => {
  let demo: TestDemo;
  const counter = { verify: 0 };

  beforeEach(async () => {
    demo = await startTestDemo({ wrapHasher: (hasher) => countingHasher(hasher, counter) });
    counter.verify = 0;
  });
  afterEach(() => demo?.stop());

  for (const [app, username] of [
    ['webmail', 'carol@example.org'],
    ['admin panel', 'admin@example.org'],
  ] as const) {
    it(`${app}: ${BURST} wrong logins and the right one last run at most ${LIMIT} verifications`, async () => {
      const base = app === 'webmail' ? demo.urls.webmail : demo.urls.adminPanel;
      const statuses = await loginBurst(base, username, [...wrongGuesses, DEMO_PASSWORD]);
      expect(counter.verify).toBeLessThanOrEqual(LIMIT);
      expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(LIMIT);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
    });
  }

  for (const [app, formPath, postPath] of [
    ['webmail', '/account', '/account/password'],
    ['user panel', '/password', '/password'],
  ] as const) {
    it(`${app}: the change form checks at most ${LIMIT} of ${BURST} parallel current-password guesses`, async () => {
      const base = app === 'webmail' ? demo.urls.webmail : demo.urls.userPanel;
      const client = new HttpClient(base);
      expect((await client.login('dave@example.net', DEMO_PASSWORD)).status).toBe(303);
      const token = HttpClient.csrf((await client.request(formPath)).body);
      const fresh = 'Copper-Willow-58!';
      counter.verify = 0;
      const answers = await Promise.all(
        [...wrongGuesses, DEMO_PASSWORD].map((currentPassword) =>
          client.request(postPath, {
            method: 'POST',
            form: { _csrf: token, currentPassword, newPassword: fresh, confirmPassword: fresh },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(counter.verify).toBeLessThanOrEqual(LIMIT);
      expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(LIMIT);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
      const stored = await demo.services.storage.credentials.get('dave@example.net');
      expect(await demo.services.hasher.verify(DEMO_PASSWORD, stored?.passwordHash ?? '')).toBe(true);
    });
  }
});
