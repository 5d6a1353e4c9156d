import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSetPassword, changeOwnPassword } from '../../src/index.js';
import { parseMail } from '../support/mail-message.js';
import { type PostfixInstance, postfixBinary, startPostfix } from '../support/postfix.js';
import { DEMO_PASSWORD, startTestDemo, type TestDemo } from './support/demo.js';

describe.skipIf(postfixBinary === undefined)(
  'the example servers with PASSROTATE_SMTP_URL',
  { timeout: 60_000 },
  () => {
    let postfix: PostfixInstance;
    let demo: TestDemo;
    beforeAll(async () => {
      postfix = await startPostfix({ mailboxes: ['alice@example.org', 'bob@example.org'] });
      demo = await startTestDemo({ smtpUrl: `smtp://127.0.0.1:${postfix.smtpPort}` });
    });
    afterAll(async () => {
      await demo?.stop();
      await postfix?.stop();
    });

    it('mail the owner after an own change and after an admin reset, without the password', async () => {
      const NEW = 'Copper-Willow-58!k';
      const changed = await changeOwnPassword(demo.services.rotation, {
        account: 'alice@example.org',
        currentPassword: DEMO_PASSWORD,
        newPassword: NEW,
        confirmation: NEW,
      });
      expect(changed.ok).toBe(true);
      const [mail] = (await postfix.waitForMessages('alice@example.org', 1)).map(parseMail);
      expect(mail?.header('subject')).toBe('Your password was changed');
      expect(mail?.header('from')).toBe('passrotate demo <no-reply@example.org>');
      expect(mail?.text).not.toContain(NEW);

      const set = await adminSetPassword(demo.services.rotation, {
        account: 'bob@example.org',
        generate: true,
        actor: { name: 'admin@example.org', domains: ['example.org'] },
      });
      expect(set.ok).toBe(true);
      const [reset] = (await postfix.waitForMessages('bob@example.org', 1)).map(parseMail);
      expect(reset?.header('subject')).toBe('Your password was reset by an administrator');
      const generated = set.ok ? (set.password ?? '') : '';
      expect(generated.length).toBeGreaterThanOrEqual(8);
      expect(reset?.text).not.toContain(generated);
    });
  },
);
