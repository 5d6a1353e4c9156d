/** @module Roundcube's password plugin against `passrotate serve`, in Chromium, with Dovecot reading our SQLite store. */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateSqlite, sqliteCredentialStore } from '../../src/adapters/sqlite/index.js';
import { hashPassword } from '../../src/hash/index.js';
import { type DovecotInstance, dovecotBinary, startDovecot } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { chromiumBinary, launchBrowser, screenshot, type TestBrowser, watchPage } from './support/browser.js';
import { type RoundcubeInstance, roundcubeInstalled, startRoundcube } from './support/roundcube.js';
import { type ServeProcess, startServe } from './support/serve.js';

const OLD = 'Old-Harbor-17!q';
const NEW = 'Blue-Lantern-42!x';
/** Nine characters, so Roundcube's own length check lets it through to passrotate, which refuses it. */
const WEAK = 'password1';
const DRIVER = fileURLToPath(new URL('../../integrations/roundcube/passrotate.php', import.meta.url));

const missing = dovecotBinary === undefined || chromiumBinary === undefined || !roundcubeInstalled;

describe.skipIf(missing && process.env.CI !== 'true')(
  "Roundcube's password plugin through passrotate serve",
  { timeout: 180_000 },
  () => {
    let dir: string;
    let file: string;
    let secret: string;
    let dovecot: DovecotInstance;
    let service: ServeProcess;
    let browser: TestBrowser;
    const roundcubes: RoundcubeInstance[] = [];

    beforeAll(async () => {
      if (missing)
        throw new Error('CI=true but Dovecot, Chromium or Roundcube (roundcube-core, php-cli) is missing');
      dir = mkdtempSync(join(tmpdir(), 'pr-e2e-rc-'));
      chmodSync(dir, 0o755);
      file = join(dir, 'mail.sqlite');
      const db = new Database(file);
      migrateSqlite({ db, mailboxTable: true });
      const store = sqliteCredentialStore({ db });
      for (const account of ['alice@example.org', 'bob@example.org']) {
        await store.createMailbox({
          account,
          passwordHash: await hashPassword(OLD, { scheme: 'SHA512-CRYPT' }),
        });
      }
      db.close();
      chmodSync(file, 0o666);
      dovecot = await startDovecot({ passdb: { driver: 'sqlite', database: file } });
      secret = randomBytes(32).toString('hex');
      writeFileSync(join(dir, 'secret'), `${secret}\n`, { mode: 0o600 });
      service = await startServe([
        '--store',
        `sqlite:${file}`,
        '--listen',
        '127.0.0.1:0',
        '--secret-file',
        join(dir, 'secret'),
        '--dovecot-config',
        dovecot.config,
      ]);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      for (const rc of roundcubes) await rc.stop();
      await service?.stop();
      await dovecot?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function roundcube(config: Record<string, string | number | boolean>): Promise<RoundcubeInstance> {
      const rc = await startRoundcube({
        imapPort: dovecot.port,
        config,
        drivers: { 'passrotate.php': DRIVER },
      });
      roundcubes.push(rc);
      return rc;
    }

    async function openPasswordPage(rc: RoundcubeInstance, account: string): Promise<Page> {
      const page = await browser.browser.newPage();
      await page.goto(`${rc.url}/`);
      await page.fill('#rcmloginuser', account);
      await page.fill('#rcmloginpwd', OLD);
      await page.click('#rcmloginsubmit');
      await page.waitForURL(/_task=mail/);
      await page.goto(`${rc.url}/?_task=settings&_action=plugin.password`);
      await page.waitForSelector('#newpasswd');
      return page;
    }

    async function submit(page: Page, current: string, next: string): Promise<string> {
      await page.fill('#curpasswd', current);
      await page.fill('#newpasswd', next);
      await page.fill('#confpasswd', next);
      await page.click('.formbuttons button.submit');
      const message = page.locator('#messagestack div').last();
      await message.waitFor();
      return ((await message.textContent()) ?? '').trim();
    }

    async function expectRotated(
      account: string,
      held: Awaited<ReturnType<typeof connectImap>>,
    ): Promise<void> {
      await held.closed;
      expect(held.transcript()).toContain('* BYE');
      expect(await imapLoginWorks(dovecot.port, account, OLD)).toBe(false);
      expect(await imapLoginWorks(dovecot.port, account, NEW)).toBe(true);
    }

    it('with the stock httpapi driver: passrotate refuses a weak password, saves a good one and logs IMAP out', async () => {
      const rc = await roundcube({
        password_driver: 'httpapi',
        password_httpapi_url: `http://roundcube:${secret}@${service.url.replace('http://', '')}/roundcube`,
        password_httpapi_method: 'POST',
        password_httpapi_var_user: 'user',
        password_httpapi_var_curpass: 'curpass',
        password_httpapi_var_newpass: 'newpass',
        password_httpapi_expect: '/^ok$/',
      });
      const page = await openPasswordPage(rc, 'alice@example.org');
      const problems = watchPage(page);
      expect(await submit(page, OLD, WEAK)).toMatch(/could not save/i);
      expect(service.log()).toMatch(/POST "\/roundcube" 422 policy_violation account="alice@example.org"/);
      expect(await imapLoginWorks(dovecot.port, 'alice@example.org', OLD)).toBe(true);

      const held = await connectImap(dovecot.port);
      expect((await held.login('alice@example.org', OLD)).status).toBe('OK');
      expect(await submit(page, OLD, NEW)).toMatch(/successfully saved/i);
      await expectRotated('alice@example.org', held);
      expect(service.log()).not.toContain(NEW);
      expect(service.log()).not.toContain(OLD);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("with passrotate's driver: its rules above the form, its reasons for a weak password, then saved and logged out", async () => {
      const rc = await roundcube({
        password_driver: 'passrotate',
        password_strength_driver: 'passrotate',
        password_minimum_score: 2,
        password_minimum_length: 0,
        password_passrotate_url: service.url,
        password_passrotate_secret_file: join(dir, 'secret'),
      });
      const page = await openPasswordPage(rc, 'bob@example.org');
      const rules = await page.locator('#ruleslist li').allInnerTexts();
      expect(rules).toEqual(expect.arrayContaining(['At least 8 characters', 'At least 1 uppercase letter']));
      expect(rules.join('\n')).toContain('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
      await screenshot(page, 'roundcube-01-passrotate-rules');

      const refusal = await submit(page, OLD, WEAK);
      expect(refusal).toContain('Add at least 1 uppercase letter.');
      expect(refusal).toContain('This password is too common.');
      await screenshot(page, 'roundcube-02-passrotate-refusal');
      expect(await imapLoginWorks(dovecot.port, 'bob@example.org', OLD)).toBe(true);

      const held = await connectImap(dovecot.port);
      expect((await held.login('bob@example.org', OLD)).status).toBe('OK');
      expect(await submit(page, OLD, NEW)).toMatch(/successfully saved/i);
      await screenshot(page, 'roundcube-03-passrotate-saved');
      await expectRotated('bob@example.org', held);
      expect(rc.errors()).toBe('');
      await page.close();
    });
  },
);
