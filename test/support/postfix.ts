/**
 * @module Starts a private Postfix 3.7 instance on 127.0.0.1 for one test file: its own config and
 * queue directories, local Maildir delivery for a few virtual mailboxes, and optionally a submission
 * port that authenticates through a Dovecot SASL socket. The system Postfix is never touched.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './dovecot.js';

/** The `postfix` binary, set by scripts/services/postfix.sh; tests needing Postfix skip when it is absent. */
export const postfixBinary: string | undefined = process.env.PASSROTATE_TEST_POSTFIX;

/** The uid/gid the virtual delivery agent writes the Maildirs as. */
const VIRTUAL_ID = 5000;

/** Options of `startPostfix`. */
export interface StartPostfixOptions {
  /** Addresses delivered to a Maildir under the instance (their domains become virtual mailbox domains). */
  readonly mailboxes: readonly string[];
  /** A Dovecot `auth-postfix` socket: opens a submission port that requires SMTP AUTH through it. */
  readonly dovecotSaslSocket?: string;
}

/** A running instance. */
export interface PostfixInstance {
  /** Plain SMTP for local delivery, no AUTH (the notifier sends here). */
  readonly smtpPort: number;
  /** The submission port (AUTH through Dovecot required), or `null` without `dovecotSaslSocket`. */
  readonly submissionPort: number | null;
  readonly dir: string;
  /** The raw messages delivered to `address` so far, oldest first. */
  messages(address: string): string[];
  /** Waits until `address` holds at least `count` messages and returns them. */
  waitForMessages(address: string, count: number, timeoutMs?: number): Promise<string[]>;
  /** The instance's log so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

const SERVICES = [
  'pickup    unix  n - n 60 1 pickup',
  'cleanup   unix  n - n - 0 cleanup',
  'qmgr      unix  n - n 300 1 qmgr',
  'rewrite   unix  - - n - - trivial-rewrite',
  'bounce    unix  - - n - 0 bounce',
  'defer     unix  - - n - 0 bounce',
  'trace     unix  - - n - 0 bounce',
  'verify    unix  - - n - 1 verify',
  'flush     unix  n - n 1000? 0 flush',
  'proxymap  unix  - - n - - proxymap',
  'smtp      unix  - - n - - smtp',
  'relay     unix  - - n - - smtp',
  'showq     unix  n - n - - showq',
  'error     unix  - - n - - error',
  'retry     unix  - - n - - error',
  'discard   unix  - - n - - discard',
  'virtual   unix  - n n - - virtual',
  'anvil     unix  - - n - 1 anvil',
  'scache    unix  - - n - 1 scache',
  'postlog   unix-dgram n - n - 1 postlogd',
];

/**
 * When Postfix's virtual agent delivered a Maildir file, in microseconds, from its name
 * (`<seconds>.V<dev>I<inode>M<microseconds>.<host>`): a plain sort would order two mails of the
 * same second by inode.
 */
function deliveredAt(name: string): number {
  const match = /^(\d+)\.\S*?M(\d+)/.exec(name);
  return match ? Number(match[1]) * 1e6 + Number(match[2]) : Number.POSITIVE_INFINITY;
}

function mailboxPath(dir: string, address: string): string {
  const [local, domain] = address.split('@');
  return join(dir, 'mail', domain ?? '', local ?? '');
}

function isOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a private `main.cf`/`master.cf` in a fresh temp directory and runs `postfix -c DIR/etc start`,
 * waiting until the ports answer.
 *
 * @example
 * ```ts
 * const postfix = await startPostfix({ mailboxes: ['alice@example.org'] });
 * await postfix.waitForMessages('alice@example.org', 1);
 * await postfix.stop();
 * ```
 */
export async function startPostfix(options: StartPostfixOptions): Promise<PostfixInstance> {
  const binary = postfixBinary ?? 'postfix';
  const dir = mkdtempSync(join(tmpdir(), 'pr-pf-'));
  chmodSync(dir, 0o755);
  const etc = join(dir, 'etc');
  mkdirSync(etc);
  mkdirSync(join(dir, 'mail'));
  chmodSync(join(dir, 'mail'), 0o777);
  // Postfix creates the queue's subfolders itself; the two roots must exist (the data one writable by it).
  mkdirSync(join(dir, 'spool'));
  mkdirSync(join(dir, 'data'));
  chmodSync(join(dir, 'data'), 0o777);
  const smtpPort = await freePort();
  const submissionPort = options.dovecotSaslSocket === undefined ? null : await freePort();
  const domains = [...new Set(options.mailboxes.map((address) => address.split('@')[1] ?? ''))];
  writeFileSync(
    join(etc, 'vmailbox'),
    options.mailboxes
      .map((address) => `${address} ${address.split('@')[1]}/${address.split('@')[0]}/\n`)
      .join(''),
  );
  const sasl =
    options.dovecotSaslSocket === undefined
      ? []
      : [
          'smtpd_sasl_type = dovecot',
          `smtpd_sasl_path = ${options.dovecotSaslSocket}`,
          'smtpd_sasl_security_options = noanonymous',
        ];
  const mainCf = join(etc, 'main.cf');
  writeFileSync(
    mainCf,
    [
      'compatibility_level = 3.6',
      `queue_directory = ${join(dir, 'spool')}`,
      `data_directory = ${join(dir, 'data')}`,
      'mail_owner = postfix',
      'setgid_group = postdrop',
      `maillog_file = ${join(dir, 'maillog')}`,
      `maillog_file_prefixes = ${dir}`,
      'myhostname = mx.test.invalid',
      'mydestination =',
      'inet_interfaces = 127.0.0.1',
      'inet_protocols = ipv4',
      'mynetworks = 127.0.0.0/8',
      'alias_maps =',
      'alias_database =',
      'default_transport = error:outbound mail disabled',
      'relay_transport = $default_transport',
      `virtual_mailbox_domains = ${domains.join(' ')}`,
      `virtual_mailbox_base = ${join(dir, 'mail')}`,
      `virtual_mailbox_maps = texthash:${join(etc, 'vmailbox')}`,
      `virtual_uid_maps = static:${VIRTUAL_ID}`,
      `virtual_gid_maps = static:${VIRTUAL_ID}`,
      'smtpd_tls_security_level = none',
      'smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination',
      ...sasl,
      '',
    ].join('\n'),
  );
  // Postfix waits up to 2 s on a main.cf younger than 2 s: backdate it.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(mainCf, aMinuteAgo, aMinuteAgo);
  const listeners = [
    `127.0.0.1:${smtpPort} inet n - n - - smtpd`,
    ...(submissionPort === null
      ? []
      : [
          `127.0.0.1:${submissionPort} inet n - n - - smtpd`,
          '  -o smtpd_sasl_auth_enable=yes',
          '  -o smtpd_client_restrictions=permit_sasl_authenticated,reject',
        ]),
  ];
  writeFileSync(join(etc, 'master.cf'), [...listeners, ...SERVICES, ''].join('\n'));
  const run = promisify(execFile);
  const log = (): string => {
    try {
      return readFileSync(join(dir, 'maillog'), 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await run(binary, ['-c', etc, 'start']);
    const deadline = Date.now() + 15_000;
    for (const port of [smtpPort, ...(submissionPort === null ? [] : [submissionPort])]) {
      while (!(await isOpen(port))) {
        if (Date.now() > deadline) throw new Error(`postfix did not listen on ${port}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } catch (error) {
    await run(binary, ['-c', etc, 'stop']).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${log()}`);
  }
  const messages = (address: string): string[] => {
    const folder = join(mailboxPath(dir, address), 'new');
    let names: string[];
    try {
      names = readdirSync(folder).sort((a, b) => deliveredAt(a) - deliveredAt(b) || a.localeCompare(b));
    } catch {
      return [];
    }
    return names.map((name) => readFileSync(join(folder, name), 'utf8'));
  };
  return {
    smtpPort,
    submissionPort,
    dir,
    messages,
    async waitForMessages(address, count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = messages(address);
        if (got.length >= count) return got;
        if (Date.now() > deadline)
          throw new Error(`${address} has ${got.length} of ${count} messages\n${log()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    log,
    async stop() {
      let pgid: number | null = null;
      try {
        pgid = Number.parseInt(readFileSync(join(dir, 'spool', 'pid', 'master.pid'), 'utf8').trim(), 10);
      } catch {
        pgid = null;
      }
      await run(binary, ['-c', etc, 'stop']).catch(() => undefined);
      // `postfix stop` returns at once; the daemons exit about a second later.
      const deadline = Date.now() + 10_000;
      while (pgid !== null && Number.isInteger(pgid) && processGroupAlive(pgid) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
