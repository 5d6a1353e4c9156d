/**
 * @module Starts a private Dovecot IMAP server on 127.0.0.1 that authenticates mailboxes from the
 * demo's SQLite database (Postfixadmin's `mailbox` table), for `npm run demo -- --dovecot` and the
 * end-to-end tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';

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
  /** Path of the SQLite database holding the `mailbox` table. */
  readonly sqlitePath: string;
  /** IMAP port; default: a free one. */
  readonly port?: number;
  /** The `dovecot` binary. Default `dovecot` (from PATH, or /usr/sbin). */
  readonly dovecot?: string;
  /**
   * Auth cache size; `0` disables the cache. Default `1M` so the auth-cache flush is exercised,
   * as on a production server.
   */
  readonly authCacheSize?: string;
}

function configText(dir: string, port: number, authCacheSize: string): string {
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
passdb {
  driver = sql
  args = ${dir}/dovecot-sql.conf.ext
}
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
 * Writes a standalone config (includes nothing from /etc/dovecot), starts `dovecot -F` and waits for
 * the IMAP greeting. The SQL passdb runs Dovecot's usual Postfixadmin query.
 *
 * @example
 * ```ts
 * const imap = await startDovecot({ sqlitePath: 'data/demo.db' });
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
  await writeFile(
    join(dir, 'dovecot-sql.conf.ext'),
    `driver = sqlite
connect = ${resolve(options.sqlitePath)}
password_query = SELECT username AS user, password FROM mailbox WHERE username = '%u' AND active = 1
`,
  );
  await writeFile(configPath, configText(dir, port, options.authCacheSize ?? '1M'));
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
