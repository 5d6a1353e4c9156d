import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_ATTEMPT_LIMIT } from '../../examples/shared/storage.js';
import { createScratchMysqlDatabase, type ScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

/** Two panel instances on one MariaDB database, as many PHP/Node panel hosts share one server. */
describe.skipIf(skipMysql)(
  'example servers on MariaDB: sessions and attempt counters in the database',
  () => {
    let scratch: ScratchMysqlDatabase;
    let first: TestDemo;
    let second: TestDemo;

    beforeAll(async () => {
      scratch = await createScratchMysqlDatabase();
      first = await startTestDemo({ database: scratch.url });
      second = await startTestDemo({ database: scratch.url });
    });
    afterAll(async () => {
      await second?.stop();
      await first?.stop();
      await scratch?.drop();
    });

    it('a change with log-out-everywhere on one instance ends the sessions held on the other', async () => {
      expect(first.accounts?.length).toBe(7);
      const elsewhere = new HttpClient(second.urls.userPanel);
      expect((await elsewhere.login('erin@example.net', DEMO_PASSWORD)).location).toBe('/');
      expect((await elsewhere.request('/')).status).toBe(200);
      const [stored] = await scratch.pool.query('SELECT COUNT(*) AS n FROM passrotate_sessions');
      expect(Number((stored as [{ n: number }])[0].n)).toBeGreaterThan(0);

      const webmail = new HttpClient(first.urls.webmail);
      expect((await webmail.login('erin@example.net', DEMO_PASSWORD)).location).toBe('/');
      const form = await webmail.request('/account');
      const fresh = 'Copper-Willow-58!';
      const change = await webmail.request('/account/password', {
        method: 'POST',
        form: {
          _csrf: HttpClient.csrf(form.body),
          currentPassword: DEMO_PASSWORD,
          newPassword: fresh,
          confirmPassword: fresh,
        },
      });
      expect(change.location).toBe('/login');

      const after = await elsewhere.request('/');
      expect(after.status).toBe(303);
      expect(after.location).toBe('/login');
      expect((await webmail.request('/account')).location).toBe('/login');
      expect((await new HttpClient(second.urls.webmail).login('erin@example.net', fresh)).location).toBe('/');
    });

    it('counts failed logins on both instances against one limit', async () => {
      const half = LOGIN_ATTEMPT_LIMIT.limit / 2;
      for (const demo of [first, second]) {
        for (let i = 0; i < half; i += 1) {
          const wrong = await new HttpClient(demo.urls.webmail).login(
            'dave@example.net',
            `Wrong-${i}-Guess!`,
          );
          expect(wrong.status).toBe(400);
        }
      }
      expect(
        (await new HttpClient(second.urls.webmail).login('dave@example.net', DEMO_PASSWORD)).status,
      ).toBe(429);
    });
  },
);
