/** @module `npm run demo -- --dovecot` on PostgreSQL: the demo's Dovecot reads the PostgreSQL mailbox table. */
import { describe, expect, it } from 'vitest';
import { dovecotBinary } from '../support/dovecot.js';
import { connectImap, imapLoginWorks } from '../support/imap-client.js';
import { createScratchDatabase, pgUrl } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';
import { DEMO_PASSWORD, startTestDemo } from './support/demo.js';

describe.skipIf(dovecotBinary === undefined || pgUrl === undefined)(
  "the demo's Dovecot on PostgreSQL",
  { timeout: 120_000 },
  () => {
    it('logs seeded mailboxes in over IMAP, and after passrotate set only the new password works', async () => {
      const scratch = await createScratchDatabase(pgUrl as string);
      const demo = await startTestDemo({
        database: scratch.url,
        ...(dovecotBinary !== undefined ? { dovecotBinary } : {}),
      });
      try {
        const port = demo.dovecot?.port ?? 0;
        expect(port).toBeGreaterThan(0);
        expect(await imapLoginWorks(port, 'carol@example.org', DEMO_PASSWORD)).toBe(true);
        expect(await imapLoginWorks(port, 'dave@example.net', DEMO_PASSWORD)).toBe(true);
        expect(await imapLoginWorks(port, 'carol@example.org', `${DEMO_PASSWORD}x`)).toBe(false);

        const held = await connectImap(port);
        expect((await held.login('carol@example.org', DEMO_PASSWORD)).status).toBe('OK');
        const fresh = 'Quiet-Meadow-63!k';
        const set = await runCli(
          [
            'set',
            '--store',
            scratch.url,
            '--account',
            'carol@example.org',
            '--dovecot-config',
            demo.dovecot?.configPath ?? '',
          ],
          `${fresh}\n`,
        );
        expect(set.code, set.stderr).toBe(0);
        await held.closed;
        expect(held.transcript()).toContain('* BYE');
        expect(await imapLoginWorks(port, 'carol@example.org', DEMO_PASSWORD)).toBe(false);
        expect(await imapLoginWorks(port, 'carol@example.org', fresh)).toBe(true);
      } finally {
        await demo.stop();
        await scratch.drop();
      }
    });
  },
);
