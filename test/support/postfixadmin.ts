/** @module Runs Postfixadmin's own PHP (schema upgrade, CLI, Login check) from a private copy with a private config, against SQLite, PostgreSQL or MariaDB. */
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Where Debian's `postfixadmin` package keeps the code; PASSROTATE_TEST_POSTFIXADMIN overrides it. */
export const postfixadminHome: string = process.env.PASSROTATE_TEST_POSTFIXADMIN ?? '/usr/share/postfixadmin';

function phpHasDrivers(): boolean {
  try {
    const modules = execFileSync('php', ['-m'], { encoding: 'utf8' });
    return ['pdo_sqlite', 'pdo_pgsql', 'pdo_mysql'].every((m) => modules.includes(m));
  } catch {
    return false;
  }
}

/** Postfixadmin, php-cli and the three PDO drivers are installed. */
export const postfixadminInstalled: boolean =
  existsSync(join(postfixadminHome, 'public', 'upgrade.php')) && phpHasDrivers();

/**
 * Skip a suite needing Postfixadmin only outside CI: under `CI=true` a missing install must fail.
 *
 * @example
 * ```ts
 * describe.skipIf(skipWithoutPostfixadmin)('…', () => { beforeAll(requirePostfixadmin); });
 * ```
 */
export const skipWithoutPostfixadmin: boolean = !postfixadminInstalled && process.env.CI !== 'true';

/** Throws (failing the suite) when Postfixadmin is missing; call it in `beforeAll`. */
export function requirePostfixadmin(): void {
  if (!postfixadminInstalled) {
    throw new Error(`Postfixadmin (${postfixadminHome}), php-cli or a PDO driver is missing`);
  }
}

/** The database Postfixadmin works on. It must exist (a SQLite file is created empty if missing). */
export type PostfixadminDatabase =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'mysql'; readonly url: string };

/** A private Postfixadmin install bound to one database. */
export interface PostfixadminInstance {
  /** The private copy's directory. */
  readonly dir: string;
  /** Switches `$CONF['encrypt']` for the next CLI calls and Login checks. */
  setEncrypt(encrypt: string): void;
  /** Runs `postfixadmin-cli ARGS…`; throws with its output when it reports no success. */
  cli(args: readonly string[]): Promise<string>;
  /**
   * `postfixadmin-cli domain add DOMAIN --aliases 10 --mailboxes N [--password-expiry DAYS]`
   * (N defaults to 10; 0 is Postfixadmin's "unlimited").
   */
  addDomain(
    domain: string,
    options?: { readonly passwordExpiryDays?: number; readonly mailboxes?: number },
  ): Promise<void>;
  /** `postfixadmin-cli mailbox add ACCOUNT --password P --password2 P --name NAME`. */
  addMailbox(account: string, password: string, name?: string): Promise<void>;
  /** Postfixadmin's own check: `(new Login('mailbox'))->login($account, $password)`. */
  login(account: string, password: string): Promise<boolean>;
  /** Removes the private copy (not the database). */
  remove(): void;
}

const run = promisify(execFile);

function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function databaseConfig(db: PostfixadminDatabase): Record<string, string> {
  if (db.kind === 'sqlite') return { database_type: 'sqlite', database_name: db.file };
  const url = new URL(db.url);
  return {
    database_type: db.kind === 'postgres' ? 'pgsql' : 'mysql',
    database_host: url.hostname,
    database_port: url.port || (db.kind === 'postgres' ? '5432' : '3306'),
    database_user: decodeURIComponent(url.username),
    database_password: decodeURIComponent(url.password),
    database_name: url.pathname.slice(1),
  };
}

/** Top-level files the private copy holds as real files: `dirname(__FILE__)` must be the copy. */
const COPIED = ['common.php', 'functions.inc.php', 'public/common.php', 'public/upgrade.php'];
const LINKED = ['model', 'languages', 'lib', 'configs', 'templates'];

/**
 * Makes a private Postfixadmin: its own code, run from a temp directory that holds copies of the
 * entry files (`common.php` finds `config.inc.php`, which finds `config.local.php`, beside itself)
 * and links to the rest, plus a private `config.local.php`. Nothing under /etc or /usr/share is
 * written. Then runs its upgrade code, which creates (or updates) its schema in `database`.
 *
 * @example
 * ```ts
 * const pfa = await createPostfixadmin({ kind: 'sqlite', file }, 'dovecot:SHA512-CRYPT');
 * await pfa.addDomain('example.org');
 * await pfa.addMailbox('alice@example.org', 'Old-Harbor-17!q');
 * await pfa.login('alice@example.org', 'Old-Harbor-17!q'); // true
 * ```
 */
export async function createPostfixadmin(
  database: PostfixadminDatabase,
  encrypt: string,
): Promise<PostfixadminInstance> {
  requirePostfixadmin();
  const dir = mkdtempSync(join(tmpdir(), 'pr-pfa-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'public'));
  mkdirSync(join(dir, 'scripts'));
  for (const file of COPIED) copyFileSync(join(postfixadminHome, file), join(dir, file));
  for (const file of ['postfixadmin-cli', 'postfixadmin-cli.php']) {
    copyFileSync(join(postfixadminHome, 'scripts', file), join(dir, 'scripts', file));
  }
  chmodSync(join(dir, 'scripts', 'postfixadmin-cli'), 0o755);
  for (const d of LINKED) symlinkSync(join(postfixadminHome, d), join(dir, d));
  // Debian's config.inc.php (a link into /etc) is Postfixadmin's defaults: copy its text, and give
  // the Debian `dbconfig.inc.php` it requires empty values so only config.local.php counts.
  copyFileSync(join(postfixadminHome, 'config.inc.php'), join(dir, 'config.inc.php'));
  writeFileSync(
    join(dir, 'dbconfig.inc.php'),
    "<?php\n$dbuser=''; $dbpass=''; $dbname=''; $dbserver=''; $dbport=''; $dbtype='';\n",
  );
  if (database.kind === 'sqlite' && !existsSync(database.file)) writeFileSync(database.file, '');

  const writeConfig = (enc: string): void => {
    const settings: Record<string, string | boolean> = {
      configured: true,
      ...databaseConfig(database),
      encrypt: enc,
      dovecotpw: '/usr/bin/doveadm pw',
      emailcheck_resolve_domain: 'NO',
      sendmail: 'NO',
    };
    const lines = Object.entries(settings).map(
      ([key, value]) =>
        `$CONF[${phpString(key)}] = ${typeof value === 'boolean' ? String(value) : phpString(value)};`,
    );
    writeFileSync(join(dir, 'config.local.php'), `<?php\n${lines.join('\n')}\n`);
  };
  writeConfig(encrypt);

  const upgrade = await run('php', ['-r', '$_SERVER["REQUEST_METHOD"] = "GET"; require "upgrade.php";'], {
    cwd: join(dir, 'public'),
  });
  if (!/updating to version \d+|Database is up to date/i.test(upgrade.stdout)) {
    throw new Error(`Postfixadmin's upgrade.php failed:\n${upgrade.stdout}\n${upgrade.stderr}`);
  }

  const cli = async (args: readonly string[]): Promise<string> => {
    const out = await run(join(dir, 'scripts', 'postfixadmin-cli'), [...args], { cwd: dir }).catch(
      (error: { stdout?: string; stderr?: string }) => ({
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }),
    );
    if (!/has been (added|updated)|updated|added/i.test(out.stdout) || /error/i.test(out.stdout)) {
      throw new Error(`postfixadmin-cli ${args[0]} ${args[1]} failed:\n${out.stdout}\n${out.stderr}`);
    }
    return out.stdout;
  };

  return {
    dir,
    setEncrypt: writeConfig,
    cli,
    async addDomain(domain, options = {}) {
      const expiry =
        options.passwordExpiryDays === undefined
          ? []
          : ['--password-expiry', String(options.passwordExpiryDays)];
      const mailboxes = String(options.mailboxes ?? 10);
      await cli(['domain', 'add', domain, '--aliases', '10', '--mailboxes', mailboxes, ...expiry]);
    },
    async addMailbox(account, password, name = account.split('@')[0] ?? account) {
      await cli(['mailbox', 'add', account, '--password', password, '--password2', password, '--name', name]);
    },
    async login(account, password) {
      const script = [
        "define('POSTFIXADMIN_CLI', 1);",
        "require 'common.php';",
        '$in = json_decode(stream_get_contents(STDIN), true);',
        "echo (new Login('mailbox'))->login($in['account'], $in['password']) ? 'yes' : 'no';",
      ].join(' ');
      const child = execFile('php', ['-r', script], { cwd: join(dir, 'public') });
      child.stdin?.end(JSON.stringify({ account, password }));
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d) => {
        stdout += d;
      });
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      await new Promise((resolve) => child.once('close', resolve));
      const answer = stdout.trim().slice(-3);
      if (answer !== 'yes' && !answer.endsWith('no')) {
        throw new Error(`Postfixadmin's Login check did not answer:\n${stdout}\n${stderr}`);
      }
      return answer === 'yes';
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
