/** @module Starts a private Dovecot 2.3 instance on 127.0.0.1 for one test file, reading SQLite, PostgreSQL, MariaDB, LDAP or a passwd-file. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The `dovecot` binary, set by scripts/services/dovecot.sh; tests needing Dovecot skip when it is absent. */
export const dovecotBinary: string | undefined = process.env.PASSROTATE_TEST_DOVECOT;

/**
 * Where the instance reads passwords: a SQLite file, a PostgreSQL URL (both with the usual
 * Postfixadmin query unless `passwordQuery` is given), MariaDB, or a passwd-file.
 */
export type DovecotPassdb =
  | { readonly driver: 'sqlite'; readonly database: string; readonly passwordQuery?: string }
  | { readonly driver: 'pgsql'; readonly url: string; readonly passwordQuery?: string }
  | { readonly driver: 'mysql'; readonly connect: string; readonly passwordQuery: string }
  | { readonly driver: 'passwd-file'; readonly path: string }
  | {
      readonly driver: 'ldap';
      readonly uris: string;
      /** The reader Dovecot binds as, and its password. */
      readonly dn: string;
      readonly dnpass: string;
      readonly base: string;
      /** Default: inetOrgPerson found by `mail`, unless `passrotateActive` is FALSE. */
      readonly passFilter?: string;
    };

/** Dovecot's pgsql `connect` string for a `postgres://user:pass@host:port/db` URL. */
function pgsqlConnect(url: string): string {
  const u = new URL(url);
  return [
    `host=${u.hostname}`,
    `port=${u.port || '5432'}`,
    `dbname=${u.pathname.slice(1)}`,
    `user=${decodeURIComponent(u.username)}`,
    ...(u.password ? [`password=${decodeURIComponent(u.password)}`] : []),
  ].join(' ');
}

/** A running instance. */
export interface DovecotInstance {
  readonly port: number;
  /** The instance's config file, for `doveadm -c` and `passrotate set --dovecot-config`. */
  readonly config: string;
  /** Its private directory. */
  readonly dir: string;
  /** The doveadm HTTP API port when started with `doveadmApiKey`. */
  readonly doveadmHttpPort: number | null;
  /** The SASL socket for Postfix's `smtpd_sasl_path` when started with `postfixSasl`. */
  readonly postfixSaslSocket: string | null;
  /** The instance's log so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** Options of `startDovecot`. */
export interface StartDovecotOptions {
  readonly passdb: DovecotPassdb;
  /** Keep an auth cache (so a test can prove it gets flushed). Default true. */
  readonly authCache?: boolean;
  /** Open the doveadm HTTP API on a free loopback port with this `doveadm_api_key`. */
  readonly doveadmApiKey?: string;
  /**
   * Raw `passdb { … }` blocks tried after `passdb`, in order (e.g. the app-password slots of
   * docs/app-passwords.md). With any, `passdb` gets `result_failure = continue`, so a wrong main
   * password falls through to them.
   */
  readonly extraPassdbs?: readonly string[];
  /** Open an `auth-postfix` socket that Postfix (`smtpd_sasl_type = dovecot`) authenticates through. */
  readonly postfixSasl?: boolean;
}

/**
 * A free TCP port on 127.0.0.1.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * ```
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect({ port, host: '127.0.0.1' });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The LDAP passdb filter of the tests: Dovecot's `%u` is the full address. */
export const LDAP_PASS_FILTER = '(&(objectClass=inetOrgPerson)(mail=%u)(!(passrotateActive=FALSE)))';

function passdbBlock(passdb: DovecotPassdb, dir: string): string {
  if (passdb.driver === 'passwd-file') return `passdb {\n  driver = passwd-file\n  args = ${passdb.path}\n}`;
  if (passdb.driver === 'ldap') {
    const ldapConf = join(dir, 'dovecot-ldap.conf.ext');
    writeFileSync(
      ldapConf,
      [
        `uris = ${passdb.uris}`,
        `dn = ${passdb.dn}`,
        `dnpass = ${passdb.dnpass}`,
        'auth_bind = no',
        `base = ${passdb.base}`,
        'scope = subtree',
        `pass_filter = ${passdb.passFilter ?? LDAP_PASS_FILTER}`,
        'pass_attrs = mail=user,userPassword=password',
        'default_pass_scheme = SSHA',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    return `passdb {\n  driver = ldap\n  args = ${ldapConf}\n}`;
  }
  const sqlConf = join(dir, 'dovecot-sql.conf.ext');
  writeFileSync(
    sqlConf,
    [
      `driver = ${passdb.driver}`,
      `connect = ${passdb.driver === 'sqlite' ? passdb.database : passdb.driver === 'pgsql' ? pgsqlConnect(passdb.url) : passdb.connect}`,
      `password_query = ${passdb.passwordQuery ?? "SELECT username AS user, password FROM mailbox WHERE username = '%u' AND active = '1'"}`,
      '',
    ].join('\n'),
  );
  chmodSync(sqlConf, 0o644);
  return `passdb {\n  driver = sql\n  args = ${sqlConf}\n}`;
}

/** The main passdb block, then the extra ones (the main one continuing on failure when there are any). */
function passdbBlocks(options: StartDovecotOptions, dir: string): string[] {
  const main = passdbBlock(options.passdb, dir);
  const extra = options.extraPassdbs ?? [];
  if (extra.length === 0) return [main];
  return [main.replace(/\n}$/, '\n  result_failure = continue\n}'), ...extra];
}

/**
 * Writes a standalone config (nothing from /etc/dovecot) in a fresh 0755 temp directory and starts
 * `dovecot -c CONF -F`, waiting until the IMAP port answers. Plain-text LOGIN, no SSL, no failure
 * delay or anvil penalty (so wrong passwords don't slow the test), mail as `nobody` in the temp dir.
 *
 * @example
 * ```ts
 * const dovecot = await startDovecot({ passdb: { driver: 'sqlite', database: file } });
 * await dovecot.stop();
 * ```
 */
export async function startDovecot(options: StartDovecotOptions): Promise<DovecotInstance> {
  const binary = dovecotBinary ?? 'dovecot';
  const dir = mkdtempSync(join(tmpdir(), 'pr-dc-'));
  chmodSync(dir, 0o755);
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  chmodSync(mail, 0o777);
  const port = await freePort();
  const config = join(dir, 'dovecot.conf');
  const logPath = join(dir, 'dovecot.log');
  const cache = options.authCache ?? true;
  const doveadmHttpPort = options.doveadmApiKey === undefined ? null : await freePort();
  const doveadmHttp =
    doveadmHttpPort === null
      ? []
      : [
          `doveadm_api_key = ${options.doveadmApiKey}`,
          `service doveadm {\n  inet_listener http {\n    address = 127.0.0.1\n    port = ${doveadmHttpPort}\n  }\n}`,
        ];
  writeFileSync(
    config,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${logPath}`,
      `info_log_path = ${logPath}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'auth_failure_delay = 0',
      `auth_cache_size = ${cache ? '1M' : '0'}`,
      'auth_cache_ttl = 1 hour',
      'auth_cache_negative_ttl = 0',
      'default_internal_user = dovecot',
      'default_login_user = dovenull',
      `mail_location = maildir:${mail}/%d/%n`,
      'first_valid_uid = 1',
      ...passdbBlocks(options, dir),
      `userdb {\n  driver = static\n  args = uid=nobody gid=nogroup home=${mail}/%d/%n\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      'service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}',
      ...doveadmHttp,
      ...(options.postfixSasl
        ? [
            'service auth {\n  unix_listener auth-postfix {\n    mode = 0660\n    user = postfix\n    group = postfix\n  }\n}',
          ]
        : []),
      '',
    ].join('\n'),
  );
  chmodSync(config, 0o644);
  const child = spawn(binary, ['-c', config, '-F'], { stdio: 'ignore' });
  const log = (): string => {
    try {
      return readFileSync(logPath, 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await waitForPort(port, child, 15_000);
    if (doveadmHttpPort !== null) await waitForPort(doveadmHttpPort, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log()}`);
  }
  return {
    port,
    config,
    dir,
    doveadmHttpPort,
    postfixSaslSocket: options.postfixSasl ? join(dir, 'run', 'auth-postfix') : null,
    log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `doveadm -c CONFIG …args` and returns its exit code and output (for assertions on the instance).
 *
 * @example
 * ```ts
 * await doveadm(dovecot.config, ['who']);
 * ```
 */
export async function doveadm(
  config: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('doveadm', ['-c', config, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
