/** @module Starts Debian's Roundcube 1.6 with PHP's built-in server, a private config and a private copy of the password plugin. */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../../support/dovecot.js';

/** Debian's Roundcube (roundcube-core, roundcube-plugins, roundcube-sqlite3). */
const SHARE = '/usr/share/roundcube';
const DOCUMENT_ROOT = '/var/lib/roundcube';
const DEFAULTS = '/etc/roundcube/defaults.inc.php';
const MIMETYPES = '/etc/roundcube/mimetypes.php';

/** Whether Roundcube and php-cli are installed. */
export const roundcubeInstalled: boolean =
  existsSync(join(SHARE, 'plugins/password/password.php')) &&
  existsSync(DEFAULTS) &&
  existsSync('/usr/bin/php');

/** How to start Roundcube. */
export interface StartRoundcubeOptions {
  readonly imapPort: number;
  /** The `password_*` options (and any other), written as PHP into config.inc.php. */
  readonly config: Readonly<Record<string, string | number | boolean>>;
  /** Extra password drivers to install: file name → path of the PHP file. */
  readonly drivers?: Readonly<Record<string, string>>;
}

/** A running Roundcube. */
export interface RoundcubeInstance {
  readonly url: string;
  /** Roundcube's error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

function php(value: string | number | boolean): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`php exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = connect({ port, host: '127.0.0.1' });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`php did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Writes a private config directory (config.inc.php plus copies of Debian's defaults and mimetypes),
 * a fresh SQLite database from Roundcube's own schema, a private plugins folder (a copy of the
 * password plugin with the extra drivers, symlinks to the others) and starts `php -S` on a free
 * loopback port. Nothing under /etc, /usr/share or /var/lib is written.
 *
 * @example
 * ```ts
 * const rc = await startRoundcube({ imapPort, config: { password_driver: 'httpapi' } });
 * ```
 */
export async function startRoundcube(options: StartRoundcubeOptions): Promise<RoundcubeInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'pr-rc-'));
  const configDir = join(dir, 'config');
  const plugins = join(dir, 'plugins');
  const logs = join(dir, 'logs');
  for (const d of [configDir, plugins, logs, join(dir, 'temp')]) mkdirSync(d);
  cpSync(DEFAULTS, join(configDir, 'defaults.inc.php'));
  cpSync(MIMETYPES, join(configDir, 'mimetypes.php'));

  const db = new Database(join(dir, 'rc.db'));
  db.exec(readFileSync(join(SHARE, 'SQL/sqlite.initial.sql'), 'utf8'));
  db.close();

  for (const name of readdirSync(join(SHARE, 'plugins'))) {
    if (name !== 'password') symlinkSync(join(SHARE, 'plugins', name), join(plugins, name));
  }
  const password = join(plugins, 'password');
  cpSync(join(SHARE, 'plugins/password'), password, {
    recursive: true,
    filter: (source) => !source.endsWith('/config.inc.php'),
  });
  writeFileSync(join(password, 'config.inc.php'), '<?php\n$config = [];\n');
  for (const [name, file] of Object.entries(options.drivers ?? {})) {
    cpSync(file, join(password, 'drivers', name));
  }
  const prepend = join(dir, 'prepend.php');
  writeFileSync(prepend, `<?php\ndefine('RCUBE_PLUGINS_DIR', ${php(`${plugins}/`)});\n`);

  const settings: Record<string, string | number | boolean> = {
    db_dsnw: `sqlite:///${join(dir, 'rc.db')}?mode=0646`,
    des_key: 'passrotate-e2e-des-key!!',
    log_dir: `${logs}/`,
    temp_dir: `${join(dir, 'temp')}/`,
    log_driver: 'file',
    skin: 'elastic',
    language: 'en_US',
    enable_installer: false,
    password_confirm_current: true,
    ...options.config,
  };
  writeFileSync(
    join(configDir, 'config.inc.php'),
    [
      '<?php',
      '$config = [];',
      `$config['imap_host'] = ['127.0.0.1:${options.imapPort}'];`,
      "$config['plugins'] = ['password'];",
      ...Object.entries(settings).map(([k, v]) => `$config['${k}'] = ${php(v)};`),
      '',
    ].join('\n'),
  );

  const port = await freePort();
  const child = spawn(
    'php',
    ['-d', `auto_prepend_file=${prepend}`, '-S', `127.0.0.1:${port}`, '-t', DOCUMENT_ROOT],
    {
      env: { ...process.env, ROUNDCUBE_CONFIG_DIR: configDir },
      stdio: 'ignore',
    },
  );
  const errors = (): string => {
    try {
      return readFileSync(join(logs, 'errors.log'), 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await waitForPort(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    errors,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
