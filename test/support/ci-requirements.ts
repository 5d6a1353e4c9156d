/**
 * @module Vitest global setup: under `CI=true`, every real server and tool a suite would otherwise
 * skip without must be there, so a green CI means every real-server test ran.
 */
import { spawnSync } from 'node:child_process';

/** The address variables `scripts/services.sh` exports, one per real server. */
const SERVER_VARIABLES = [
  'PASSROTATE_TEST_PG_URL',
  'PASSROTATE_TEST_REDIS_URL',
  'PASSROTATE_TEST_MYSQL_URL',
  'PASSROTATE_TEST_LDAP_URL',
  'PASSROTATE_TEST_DOVECOT',
  'PASSROTATE_TEST_CHROMIUM',
  'PASSROTATE_TEST_POSTFIX',
] as const;

/** Tools the live interop and terminal tests run: a command line that must exit 0. */
const TOOLS: readonly (readonly [string, readonly string[]])[] = [
  ['doveadm', ['pw', '-s', 'PLAIN', '-p', 'x']],
  ['/usr/bin/python3', ['-c', 'import passlib, pty']],
  [
    'php',
    [
      '-r',
      "exit(is_file('/usr/share/postfixadmin/public/upgrade.php') && extension_loaded('pdo_sqlite') && extension_loaded('pdo_pgsql') && extension_loaded('pdo_mysql') ? 0 : 1);",
    ],
  ],
];

function missing(): string[] {
  const absent: string[] = SERVER_VARIABLES.filter((name) => !process.env[name]);
  for (const [command, args] of TOOLS) {
    if (spawnSync(command, args, { stdio: 'ignore' }).status !== 0) absent.push(command);
  }
  return absent;
}

/** Throws under `CI=true` when a server variable or tool is missing; does nothing otherwise. */
export default function setup(): void {
  if (process.env.CI !== 'true') return;
  const absent = missing();
  if (absent.length > 0) {
    throw new Error(`CI=true but these are missing, so their suites would skip: ${absent.join(', ')}`);
  }
}
