/**
 * @module Starts a private Dovecot IMAP server on 127.0.0.1 that authenticates mailboxes from the
 * demo's SQLite or MariaDB/MySQL database (Postfixadmin's `mailbox` table), for
 * `npm run demo -- --dovecot` and the end-to-end tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MysqlConnectionSettings } from '../../src/cli/mysql-url.js';
import { freePort } from './free-port.js';

/**
 * Postfixadmin's documented expiry-aware Dovecot query (DOCUMENTS/Password_Expiration.md), without
 * its userdb columns: a mailbox logs in while its `password_expiry` lies ahead, or always when its
 * domain's `password_expiry` (days) is 0. Runs on MySQL/MariaDB and PostgreSQL alike (`now()` in the
 * session time zone).
 */
export const POSTFIXADMIN_EXPIRY_PASSWORD_QUERY =
  "SELECT m.username AS user, m.password FROM mailbox m, domain d WHERE d.domain = m.domain AND m.username = '%u' " +
  "AND m.active = '1' AND (m.password_expiry > now() OR d.password_expiry = 0)";

/**
 * Dovecot's `connect` string for its mysql driver (values cannot hold spaces there).
 *
 * @example
 * ```ts
 * mysqlConnectString({ host: '127.0.0.1', port: 3306, user: 'root', database: 'mail' });
 * // 'host=127.0.0.1 port=3306 dbname=mail user=root'
 * ```
 */
export function mysqlConnectString(settings: MysqlConnectionSettings): string {
  const parts = [
    ['host', settings.host],
    ['port', String(settings.port)],
    ['dbname', settings.database],
    ['user', settings.user],
    ...(settings.password === undefined ? [] : [['password', settings.password]]),
  ];
  if (parts.some(([, value]) => value === undefined || /\s/.test(value))) {
    throw new RangeError('Dovecot cannot read a MySQL host, database, user or password containing spaces');
  }
  return parts.map(([key, value]) => `${key}=${value}`).join(' ');
}

/** A running private Dovecot. */
export interface DovecotServer {
  /** IMAP port on 127.0.0.1. */
  readonly port: number;
  /** Path of the generated `dovecot.conf` (pass it to `doveadm -c`). */
  readonly configPath: string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Where the database is and how to run Dovecot. */
export interface DovecotServerOptions {
  /** Path of the SQLite database holding the `mailbox` table (or give `mysql`). */
  readonly sqlitePath?: string;
  /** The MariaDB/MySQL database holding Postfixadmin's `mailbox` and `domain` tables (or give `sqlitePath`). */
  readonly mysql?: MysqlConnectionSettings;
  /** The PostgreSQL URL of a database holding Postfixadmin's `mailbox` and `domain` tables. */
  readonly postgresUrl?: string;
  /** IMAP port; default: a free one. */
  readonly port?: number;
  /** The `dovecot` binary. Default `dovecot` (from PATH, or /usr/sbin). */
  readonly dovecot?: string;
  /**
   * Auth cache size; `0` disables the cache. Default `1M` so the auth-cache flush is exercised,
   * as on a production server.
   */
  readonly authCacheSize?: string;
  /**
   * App-password passdbs after the main one (docs/app-passwords.md): slot *k* reads the mailbox's
   * *k*-th row of `mailbox_app_password` in the same database. Default 0 (the main password only).
   */
  readonly appPasswordSlots?: number;
}

/** The passdb blocks: the main password, then one per app-password slot; all but the last continue on failure. */
function passdbText(dir: string, appPasswordSlots: number): string {
  const files = [
    'dovecot-sql.conf.ext',
    ...Array.from({ length: appPasswordSlots }, (_, slot) => `dovecot-app-password-${slot}.conf.ext`),
  ];
  return files
    .map((file, index) => {
      const last = index === files.length - 1;
      return `passdb {\n  driver = sql\n  args = ${dir}/${file}\n${last ? '' : '  result_failure = continue\n'}}`;
    })
    .join('\n');
}

/** The documented slot query (docs/app-passwords.md): the mailbox's `slot`-th app password while it is active. */
function appPasswordSlotQuery(slot: number): string {
  return `SELECT a.username AS user, a.password_hash AS password FROM mailbox_app_password a JOIN mailbox m ON m.username = a.username WHERE a.username = '%u' AND m.active = '1' ORDER BY a.id LIMIT 1 OFFSET ${slot}`;
}

/** The driver and `connect` lines of the database the demo uses. */
function sqlConnectionText(options: DovecotServerOptions): string {
  if (options.postgresUrl !== undefined) {
    return `driver = pgsql\nconnect = ${pgsqlConnectString(options.postgresUrl)}\n`;
  }
  if (options.mysql !== undefined) return `driver = mysql\nconnect = ${mysqlConnectString(options.mysql)}\n`;
  if (options.sqlitePath === undefined)
    throw new TypeError('startDovecot needs sqlitePath, mysql or postgresUrl');
  return `driver = sqlite\nconnect = ${resolve(options.sqlitePath)}\n`;
}

function appPasswordSqlText(options: DovecotServerOptions, slot: number): string {
  return `${sqlConnectionText(options)}password_query = ${appPasswordSlotQuery(slot)}\n`;
}

function configText(dir: string, port: number, authCacheSize: string, appPasswordSlots: number): string {
  const root = process.getuid?.() === 0;
  return `# Private Dovecot of the passrotate demo (generated).
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_cache_size = ${authCacheSize}
auth_cache_ttl = 1 hour
auth_cache_negative_ttl = 1 hour
auth_failure_delay = 0
${root ? 'default_internal_user = dovecot\ndefault_login_user = dovenull' : ''}
mail_location = maildir:~/Maildir
first_valid_uid = 0
${passdbText(dir, appPasswordSlots)}
userdb {
  driver = static
  args = ${root ? 'uid=nobody gid=nogroup ' : ''}home=${dir}/home/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service auth-worker {
  ${root ? 'user = root' : ''}
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

function waitForImap(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePromise, reject) => {
    const attempt = (): void => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (chunk) => {
        socket.destroy();
        if (chunk.toString().startsWith('* OK')) resolvePromise();
        else retry();
      });
      socket.once('error', () => {
        socket.destroy();
        retry();
      });
    };
    const retry = (): void => {
      if (Date.now() > deadline) reject(new Error(`dovecot did not answer on 127.0.0.1:${port}`));
      else setTimeout(attempt, 100);
    };
    attempt();
  });
}

/**
 * Dovecot's `connect` string for its pgsql driver, from a `postgres://user:pass@host:port/db` URL.
 *
 * @example
 * ```ts
 * pgsqlConnectString('postgres://mail@127.0.0.1:5432/mail'); // 'host=127.0.0.1 port=5432 dbname=mail user=mail'
 * ```
 */
export function pgsqlConnectString(url: string): string {
  const u = new URL(url);
  const parts = [
    ['host', u.hostname],
    ['port', u.port || '5432'],
    ['dbname', decodeURIComponent(u.pathname.slice(1))],
    ['user', decodeURIComponent(u.username)],
    ...(u.password ? [['password', decodeURIComponent(u.password)]] : []),
  ];
  if (parts.some(([, value]) => value === undefined || value === '' || /\s/.test(value))) {
    throw new RangeError('Dovecot needs a PostgreSQL host, database and user without spaces');
  }
  return parts.map(([key, value]) => `${key}=${value}`).join(' ');
}

function sqlConfigText(options: DovecotServerOptions): string {
  if (options.postgresUrl !== undefined) {
    return `driver = pgsql
connect = ${pgsqlConnectString(options.postgresUrl)}
password_query = ${POSTFIXADMIN_EXPIRY_PASSWORD_QUERY}
`;
  }
  if (options.mysql !== undefined) {
    return `driver = mysql
connect = ${mysqlConnectString(options.mysql)}
password_query = ${POSTFIXADMIN_EXPIRY_PASSWORD_QUERY}
`;
  }
  if (options.sqlitePath === undefined)
    throw new TypeError('startDovecot needs sqlitePath, mysql or postgresUrl');
  return `driver = sqlite
connect = ${resolve(options.sqlitePath)}
password_query = SELECT username AS user, password FROM mailbox WHERE username = '%u' AND active = 1
`;
}

/**
 * Writes a standalone config (includes nothing from /etc/dovecot), starts `dovecot -F` and waits for
 * the IMAP greeting. The SQL passdb runs Dovecot's usual Postfixadmin query on SQLite, and
 * Postfixadmin's documented expiry-aware one on MariaDB/MySQL and PostgreSQL; with `appPasswordSlots`
 * the mailbox's app passwords log in too.
 *
 * @example
 * ```ts
 * const imap = await startDovecot({ sqlitePath: 'data/demo.db', appPasswordSlots: 5 });
 * // … doveadm -c imap.configPath kick alice@example.org
 * await imap.stop();
 * ```
 */
export async function startDovecot(options: DovecotServerOptions): Promise<DovecotServer> {
  const dir = await mkdtemp(join(tmpdir(), 'passrotate-dovecot-'));
  const port = options.port ?? (await freePort());
  const configPath = join(dir, 'dovecot.conf');
  await mkdir(join(dir, 'home'), { recursive: true });
  await chmod(dir, 0o755);
  await chmod(join(dir, 'home'), 0o1777);
  // May hold the database password: readable by its owner only.
  await writeFile(join(dir, 'dovecot-sql.conf.ext'), sqlConfigText(options), { mode: 0o600 });
  const appPasswordSlots = options.appPasswordSlots ?? 0;
  for (let slot = 0; slot < appPasswordSlots; slot += 1) {
    await writeFile(join(dir, `dovecot-app-password-${slot}.conf.ext`), appPasswordSqlText(options, slot), {
      mode: 0o600,
    });
  }
  await writeFile(configPath, configText(dir, port, options.authCacheSize ?? '1M', appPasswordSlots));
  const child: ChildProcess = spawn(options.dovecot ?? 'dovecot', ['-c', configPath, '-F'], {
    stdio: 'ignore',
    env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/usr/local/sbin` },
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitForImap(port, 15_000),
      exited.then(() => {
        throw new Error(`dovecot exited at start; see its config in ${dir}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, configPath, stop };
}
