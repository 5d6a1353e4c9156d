/** @module The demo on PostgreSQL and MariaDB keeps app passwords in the SQL database, and its Dovecot logs them in until revoked. */
import { describe, expect, it } from 'vitest';
import { dovecotBinary } from '../support/dovecot.js';
import { imapLoginWorks } from '../support/imap-client.js';
import { createScratchMysqlDatabase, skipMysql } from '../support/mysql.js';
import { createScratchDatabase, pgUrl } from '../support/postgres.js';
import { DEMO_PASSWORD, startTestDemo } from './support/demo.js';
import { HttpClient } from './support/http-client.js';

const ACCOUNT = 'carol@example.org';
const shownPassword = (body: string) =>
  /<code class="app-password"[^>]*>([^<]*)<\/code>/.exec(body)?.[1] ?? '';
const revokeId = (body: string, device: string) =>
  new RegExp(`<tr><td>${device}</td>[\\s\\S]*?name="id" value="([^"]+)"`).exec(body)?.[1] ?? '';

/** Creates an app password in the demo's user panel, logs in with it over IMAP, revokes it there. */
async function createUseAndRevoke(database: { url: string; drop(): Promise<void> }): Promise<void> {
  const demo = await startTestDemo({
    database: database.url,
    ...(dovecotBinary !== undefined ? { dovecotBinary } : {}),
  });
  try {
    const port = demo.dovecot?.port ?? 0;
    const panel = new HttpClient(demo.urls.userPanel);
    expect((await panel.login(ACCOUNT, DEMO_PASSWORD)).location).toBe('/');
    const page = await panel.request('/devices');
    expect(page.status).toBe(200);
    const created = await panel.request('/devices', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(page.body), deviceName: 'Phone' },
    });
    const password = shownPassword(created.body);
    expect(password).toMatch(/^[a-z]{4}(?:-[a-z]{4}){3}$/);
    expect(await imapLoginWorks(port, ACCOUNT, password)).toBe(true);
    expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(true);

    const revoked = await panel.request('/devices/revoke', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(created.body), id: revokeId(created.body, 'Phone') },
    });
    expect(revoked.location).toBe('/devices');
    expect(await imapLoginWorks(port, ACCOUNT, password)).toBe(false);
    expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(true);
  } finally {
    await demo.stop();
    await database.drop();
  }
}

describe('app passwords in the demo on SQL servers, logged in by its Dovecot', { timeout: 120_000 }, () => {
  it.skipIf(dovecotBinary === undefined || pgUrl === undefined)('PostgreSQL', async () => {
    await createUseAndRevoke(await createScratchDatabase(pgUrl ?? ''));
  });
  it.skipIf(dovecotBinary === undefined || skipMysql)('MariaDB', async () => {
    await createUseAndRevoke(await createScratchMysqlDatabase());
  });
});
