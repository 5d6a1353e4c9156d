/**
 * @module Starts the three example servers over one storage, seeding it when new, optionally with a
 * private Dovecot that reads the same database (main password and app passwords) and is kicked on
 * every password change and app-password revocation.
 */
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { smtpNotifier } from '../../src/adapters/smtp/index.js';
import {
  type Notifier,
  type PasswordHasher,
  type PolicySpec,
  resumePendingRevocations,
  type SessionRevoker,
} from '../../src/index.js';
import { createAdminPanelApp } from '../admin-panel/app.js';
import { createUserPanelApp } from '../user-panel/app.js';
import { createWebmailApp } from '../webmail/app.js';
import { clientBundles } from './assets.js';
import { consoleNotifier } from './console-notifier.js';
import { type DovecotServer, startDovecot } from './dovecot-server.js';
import { type SeededAccount, seedDemo } from './seed.js';
import { APP_PASSWORD_LIMIT, createServices, type ExampleServices } from './services.js';
import { openStorage } from './storage.js';

/** How to start the demo. */
export interface DemoOptions {
  /** `sqlite:PATH` or `postgres://…`. */
  readonly database?: string;
  readonly redisUrl?: string;
  /** Prefix of the Redis keys (default `passrotate-demo:`). */
  readonly redisPrefix?: string;
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Ports; `0` picks a free one. */
  readonly ports: { readonly webmail: number; readonly userPanel: number; readonly adminPanel: number };
  readonly policySpec: PolicySpec;
  readonly hasher: PasswordHasher;
  /** Every seeded account gets this password instead of a generated one. */
  readonly demoPassword?: string;
  /** Start a private Dovecot on the SQLite or MariaDB/MySQL database (not PostgreSQL). */
  readonly dovecot?: boolean;
  /** The `dovecot` binary. Default: `dovecot` from PATH or /usr/sbin. */
  readonly dovecotBinary?: string;
  /** Builds the revokers that flush the auth cache of the private Dovecot (always) and kick IMAP sessions. */
  readonly dovecotRevokers?: (server: DovecotServer) => readonly SessionRevoker[];
  /** Mail owners about password changes through this SMTP server (`smtp://host:port`). Default: no mail. */
  readonly smtpUrl?: string;
  /** The sender of those mails. Default `passrotate demo <no-reply@example.org>`. */
  readonly smtpFrom?: string;
  /**
   * Where a reset link goes for a mailbox without a recovery address (`email_other`). Default
   * `account`: the seeded mailboxes have none, and the demo's Postfix delivers to the mailboxes.
   */
  readonly resetFallback?: 'none' | 'account';
  /**
   * The public URLs of the webmail and the user panel (behind a proxy), from which reset links are
   * built. Default: the URLs they listen on.
   */
  readonly publicUrls?: { readonly webmail?: string; readonly userPanel?: string };
  /** The notifier when `smtpUrl` is not set. Default: print to the console ({@link consoleNotifier}). */
  readonly notifier?: Notifier;
}

/** A running demo. */
export interface RunningDemo {
  readonly urls: { readonly webmail: string; readonly userPanel: string; readonly adminPanel: string };
  /** The seeded accounts, or `null` when the database already existed. */
  readonly accounts: SeededAccount[] | null;
  readonly dovecot: DovecotServer | null;
  readonly services: ExampleServices;
  stop(): Promise<void>;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, host: string, port: number) {
  return new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Opens the storage, seeds it when new, starts Dovecot when asked, and serves the three apps.
 *
 * @example
 * ```ts
 * const demo = await startDemo({ ports: { webmail: 3001, userPanel: 3002, adminPanel: 3003 }, policySpec, hasher });
 * console.log(demo.urls.webmail);
 * await demo.stop();
 * ```
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const storage = await openStorage({
    ...(options.database !== undefined ? { database: options.database } : {}),
    ...(options.redisUrl !== undefined ? { redisUrl: options.redisUrl } : {}),
    ...(options.redisPrefix !== undefined ? { redisPrefix: options.redisPrefix } : {}),
  });
  const cleanups: (() => Promise<void>)[] = [() => storage.close()];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let dovecot: DovecotServer | null = null;
    const revokers: SessionRevoker[] = [];
    if (options.dovecot) {
      if (storage.sqlitePath === null && storage.mysql === null && storage.postgresUrl === null) {
        throw new Error('--dovecot needs a sqlite:, mysql:// or postgres:// database');
      }
      if (!options.dovecotRevokers) throw new Error('--dovecot needs the Dovecot revokers');
      dovecot = await startDovecot({
        ...(storage.sqlitePath !== null ? { sqlitePath: storage.sqlitePath } : {}),
        ...(storage.mysql !== null ? { mysql: storage.mysql } : {}),
        ...(storage.postgresUrl !== null ? { postgresUrl: storage.postgresUrl } : {}),
        ...(options.dovecotBinary !== undefined ? { dovecot: options.dovecotBinary } : {}),
        // One passdb slot per app password the flows allow, so each of them logs in over IMAP.
        appPasswordSlots: storage.appPasswords !== null ? APP_PASSWORD_LIMIT : 0,
      });
      const running = dovecot;
      cleanups.push(() => running.stop());
      revokers.push(...options.dovecotRevokers(dovecot));
    }
    const smtp =
      options.smtpUrl === undefined
        ? undefined
        : smtpNotifier({
            smtp: options.smtpUrl,
            from: options.smtpFrom ?? 'passrotate demo <no-reply@example.org>',
          });
    if (smtp) cleanups.push(async () => smtp.close());
    // Without SMTP the demo prints its mails (reset links included) to the console.
    const notifier = smtp ?? options.notifier ?? consoleNotifier();
    const services = createServices({
      storage,
      policySpec: options.policySpec,
      hasher: options.hasher,
      revokers,
      notifier,
      resetFallback: options.resetFallback ?? 'account',
      // A revoked app password must stop working at once: flush Dovecot's auth cache, then kick.
      // The same objects as `revokers`, so a main-password change runs them once, after deleting
      // the app passwords (docs/app-passwords.md, "One flush per change").
      appPasswordRevokers: revokers,
    });
    const accounts = await seedDemo({
      storage,
      hasher: options.hasher,
      policy: services.policy,
      ...(options.demoPassword !== undefined ? { password: options.demoPassword } : {}),
    });
    // Revocations that failed after a committed change (e.g. doveadm while Dovecot restarts) stay in
    // the outbox; retry them every half minute.
    const resume = setInterval(() => void resumePendingRevocations(services.rotation), 30_000);
    resume.unref();
    cleanups.push(async () => clearInterval(resume));
    await clientBundles();
    const apps = [
      ['webmail', createWebmailApp(services), options.ports.webmail],
      ['userPanel', createUserPanelApp(services), options.ports.userPanel],
      ['adminPanel', createAdminPanelApp(services), options.ports.adminPanel],
    ] as const;
    const urls: Record<string, string> = {};
    for (const [name, app, port] of apps) {
      const running = await listen(app.fetch, host, port);
      cleanups.push(() => close(running.server));
      urls[name] = `http://${host}:${running.port}`;
    }
    services.publicOrigins.webmail = new URL(options.publicUrls?.webmail ?? urls.webmail ?? '').origin;
    services.publicOrigins.userPanel = new URL(options.publicUrls?.userPanel ?? urls.userPanel ?? '').origin;
    return {
      urls: {
        webmail: urls.webmail ?? '',
        userPanel: urls.userPanel ?? '',
        adminPanel: urls.adminPanel ?? '',
      },
      accounts,
      dovecot,
      services,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
