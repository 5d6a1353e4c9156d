import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

const pgUrl = process.env.PASSROTATE_TEST_PG_URL;
const redisUrl = process.env.PASSROTATE_TEST_REDIS_URL;

describe.skipIf(pgUrl === undefined || redisUrl === undefined)(
  'example servers on PostgreSQL with sessions and attempt counters in Redis',
  () => {
    const name = `passrotate_demo_${process.pid}_${Date.now()}`;
    let admin: pg.Client;
    let demo: TestDemo;

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(pgUrl ?? '');
      url.pathname = `/${name}`;
      demo = await startTestDemo({
        database: url.toString(),
        ...(redisUrl !== undefined ? { redisUrl } : {}),
        redisPrefix: `${name}:`,
      });
    });
    afterAll(async () => {
      await demo?.stop();
      await admin?.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin?.end();
    });

    it('seeds the database, and a change in the webmail ends the user panel session', async () => {
      expect(demo.accounts?.length).toBe(7);
      const panel = new HttpClient(demo.urls.userPanel);
      expect((await panel.login('erin@example.net', DEMO_PASSWORD)).location).toBe('/');
      expect((await panel.request('/')).status).toBe(200);

      const webmail = new HttpClient(demo.urls.webmail);
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

      const after = await panel.request('/');
      expect(after.status).toBe(303);
      expect(after.location).toBe('/login');
      expect(
        (await new HttpClient(demo.urls.userPanel).login('erin@example.net', DEMO_PASSWORD)).status,
      ).toBe(400);
      expect((await new HttpClient(demo.urls.userPanel).login('erin@example.net', fresh)).location).toBe('/');
    });
  },
);
