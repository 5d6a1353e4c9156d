/** @module The demo with Dovecot runs the flush and the kick once per main-password change, after the app passwords are deleted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOwnPassword, createAppPassword, type SessionRevoker } from '../../src/index.js';
import { dovecotBinary } from '../support/dovecot.js';
import { imapLoginWorks } from '../support/imap-client.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';

const ACCOUNT = 'carol@example.org';
const NEW = 'Copper-Violet-58!x';

describe.skipIf(dovecotBinary === undefined)(
  'the demo with Dovecot: one flush and one kick per main-password change',
  { timeout: 90_000 },
  () => {
    let demo: TestDemo;
    const runs: string[] = [];
    const counting = (revokers: readonly SessionRevoker[]) =>
      revokers.map(
        (revoker): SessionRevoker => ({
          name: revoker.name,
          ...(revoker.alwaysRun === true ? { alwaysRun: true } : {}),
          async revoke(request) {
            runs.push(revoker.name);
            await revoker.revoke(request);
          },
        }),
      );

    beforeAll(async () => {
      demo = await startTestDemo({ dovecotBinary: dovecotBinary ?? '', wrapDovecotRevokers: counting });
    });
    afterAll(async () => {
      await demo?.stop();
    });

    it('deletes the app passwords, then flushes and kicks once; the cached app-password login ends', async () => {
      const port = demo.dovecot?.port ?? 0;
      const rotation = demo.services.rotation;
      const phone = await createAppPassword(rotation, { account: ACCOUNT, name: 'Phone' });
      if (!phone.ok) throw new Error(phone.code);
      expect(await imapLoginWorks(port, ACCOUNT, phone.password)).toBe(true); // now in the auth cache
      expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(true);

      const changed = await changeOwnPassword(rotation, {
        account: ACCOUNT,
        currentPassword: DEMO_PASSWORD,
        newPassword: NEW,
        confirmation: NEW,
        revoke: 'all',
      });
      expect(changed).toMatchObject({
        ok: true,
        revocation: { done: ['web-sessions', 'app-passwords'], pending: [] },
      });
      expect(runs).toEqual(['dovecot-auth-cache', 'dovecot']);
      expect(await imapLoginWorks(port, ACCOUNT, phone.password)).toBe(false);
      expect(await imapLoginWorks(port, ACCOUNT, DEMO_PASSWORD)).toBe(false);
      expect(await imapLoginWorks(port, ACCOUNT, NEW)).toBe(true);
    });
  },
);
