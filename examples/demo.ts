/**
 * @module `npm run demo`: starts the webmail (:3001), the user panel (:3002) and the admin panel
 * (:3003) over one database (`PASSROTATE_DB`, default `sqlite:./data/demo.db`), seeding it when new,
 * and with `--dovecot` (or `DEMO_DOVECOT=1`) a private Dovecot IMAP server on the same database.
 */
import { dovecotRevokers } from '../src/adapters/dovecot/index.js';
import { DEMO_POLICY_SPEC, productionHasher } from './shared/demo-policy.js';
import { startDemo } from './shared/start-demo.js';

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new RangeError(`${name} must be a port number, got ${value}`);
  }
  return parsed;
}

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write(`Usage: npm run demo [-- --dovecot]

Environment:
  PASSROTATE_DB          sqlite:PATH (default sqlite:./data/demo.db), postgres://… or mysql://…
                         (mysql: password from the URL, MYSQL_PWD or MYSQL_PWD_FILE)
  PASSROTATE_REDIS_URL   redis://… to keep web sessions and attempt counters in Redis
  WEBMAIL_PORT, USER_PANEL_PORT, ADMIN_PANEL_PORT   (default 3001, 3002, 3003)
  DEMO_PASSWORD          one known password for every seeded account (default: generated, printed once)
  DEMO_DOVECOT=1         same as --dovecot: start a private Dovecot IMAP server on 127.0.0.1
                         (reads the sqlite: or mysql:// database)
  PASSROTATE_SMTP_URL    smtp://host:port to mail owners (password changed, reset links); default: print them
  WEBMAIL_PUBLIC_URL, USER_PANEL_PUBLIC_URL   where users reach the apps (reset links); default: the listen URLs
  PASSROTATE_SMTP_FROM   the sender of those mails (default: passrotate demo <no-reply@example.org>)
`);
  process.exit(0);
}

const withDovecot = args.includes('--dovecot') || process.env.DEMO_DOVECOT === '1';
const demo = await startDemo({
  ...(process.env.PASSROTATE_DB ? { database: process.env.PASSROTATE_DB } : {}),
  ...(process.env.PASSROTATE_REDIS_URL ? { redisUrl: process.env.PASSROTATE_REDIS_URL } : {}),
  ports: {
    webmail: port('WEBMAIL_PORT', 3001),
    userPanel: port('USER_PANEL_PORT', 3002),
    adminPanel: port('ADMIN_PANEL_PORT', 3003),
  },
  policySpec: DEMO_POLICY_SPEC,
  hasher: productionHasher(),
  ...(process.env.DEMO_PASSWORD ? { demoPassword: process.env.DEMO_PASSWORD } : {}),
  dovecot: withDovecot,
  dovecotRevokers: (server) => dovecotRevokers({ config: server.configPath }),
  ...(process.env.PASSROTATE_SMTP_URL ? { smtpUrl: process.env.PASSROTATE_SMTP_URL } : {}),
  ...(process.env.PASSROTATE_SMTP_FROM ? { smtpFrom: process.env.PASSROTATE_SMTP_FROM } : {}),
  publicUrls: {
    ...(process.env.WEBMAIL_PUBLIC_URL ? { webmail: process.env.WEBMAIL_PUBLIC_URL } : {}),
    ...(process.env.USER_PANEL_PUBLIC_URL ? { userPanel: process.env.USER_PANEL_PUBLIC_URL } : {}),
  },
});

const lines = [
  'passrotate demo is running:',
  `  Webmail      ${demo.urls.webmail}`,
  `  User panel   ${demo.urls.userPanel}`,
  `  Admin panel  ${demo.urls.adminPanel}`,
];
if (demo.dovecot) {
  lines.push(`  Dovecot IMAP 127.0.0.1:${demo.dovecot.port}  (config ${demo.dovecot.configPath})`);
}
if (demo.accounts) {
  lines.push('', 'Demo accounts (shown once; set DEMO_PASSWORD to choose the password):');
  for (const account of demo.accounts) {
    const scope = account.kind === 'mailbox' ? 'mailbox' : `${account.kind} of ${account.domains.join(', ')}`;
    lines.push(`  ${account.login.padEnd(20)} ${account.password.padEnd(20)} ${scope}`);
  }
} else {
  lines.push('', 'Existing database: accounts and passwords are unchanged (delete it to start over).');
}
lines.push('', 'Press Ctrl+C to stop.');
process.stdout.write(`${lines.join('\n')}\n`);

const shutdown = (): void => {
  demo.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
