/** @module Runs `passrotate serve`: reads the secrets, opens the store, listens until SIGINT or SIGTERM. */
import { memoryAttemptLimiter } from '../adapters/memory/index.js';
import type { ServeOptions } from '../cli/commands/serve.js';
import { withRotation } from '../cli/rotation/setup.js';
import { PassrotateError } from '../errors.js';
import type { LocaleId } from '../policy/index.js';
import type { Actor } from '../rotation/index.js';
import { createServiceApp } from './app.js';
import { readSecretFile } from './credentials.js';
import { assertSafeListen, parseListenAddress } from './listen-address.js';
import type { ServiceConfig } from './service-config.js';
import { startServer } from './start-server.js';

/**
 * Attempt limits of the flows (per `account:` and per `client:` key) and of wrong secrets: 5 wrong
 * current passwords per 15 minutes, as the rotation flows assume; 20 wrong secrets per client.
 * Kept in this process (a single service instance); a right password or secret costs nothing.
 */
const FLOW_LIMIT = { limit: 5, windowMs: 15 * 60_000 } as const;
const AUTH_LIMIT = { limit: 20, windowMs: 15 * 60_000 } as const;

async function adminCredential(options: ServeOptions): Promise<ServiceConfig['admin']> {
  if (options.adminSecretFile === undefined) {
    if (options.adminDomains !== undefined) {
      throw new PassrotateError('invalid_admin', '--admin-domains needs --admin-secret-file');
    }
    return undefined;
  }
  const domains = (options.adminDomains ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  if (domains.length === 0) {
    throw new PassrotateError(
      'invalid_admin',
      "--admin-secret-file needs --admin-domains (a list, or '*' for all)",
    );
  }
  const superadmin = domains.includes('*');
  const actor: Actor = { name: 'service-admin', superadmin, domains: superadmin ? [] : domains };
  return { secret: await readSecretFile(options.adminSecretFile, '--admin-secret-file'), actor };
}

/**
 * Starts the service and resolves with the exit code once it is stopped by SIGINT or SIGTERM.
 * Refuses (exit 2, nothing opened) a non-loopback `--listen` without TLS or `--allow-plain-http`,
 * an unreadable or short secret, and admin options that do not go together.
 *
 * @example
 * ```ts
 * process.exitCode = await runService({ store: 'sqlite:mail.sqlite', listen: '127.0.0.1:8690', secretFile: 'secret' }, console.error);
 * ```
 */
export async function runService(options: ServeOptions, say: (message: string) => void): Promise<number> {
  const address = parseListenAddress(options.listen);
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw new PassrotateError('invalid_tls', '--tls-cert and --tls-key go together');
  }
  const tls = options.tlsCert && options.tlsKey ? { cert: options.tlsCert, key: options.tlsKey } : undefined;
  assertSafeListen(address, { tls: tls !== undefined, allowPlainHttp: options.allowPlainHttp === true });
  const secret = await readSecretFile(options.secretFile, '--secret-file');
  const admin = await adminCredential(options);
  if (admin !== undefined && admin.secret === secret) {
    throw new PassrotateError('invalid_admin', 'the admin secret must differ from the panel secret');
  }
  return withRotation(options, { create: false }, async (deps) => {
    const app = createServiceApp({
      rotation: { ...deps, limiter: memoryAttemptLimiter(FLOW_LIMIT) },
      secret,
      ...(admin === undefined ? {} : { admin }),
      authLimiter: memoryAttemptLimiter(AUTH_LIMIT),
      ...(options.locale === undefined ? {} : { locale: options.locale as LocaleId }),
      log: (line) => say(line),
    });
    const server = await startServer(app, address, tls);
    say(`serving on ${server.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    say('stopped');
    return 0;
  });
}
