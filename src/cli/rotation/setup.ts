/** @module Builds the rotation flows' dependencies from the CLI options shared by set, rotate-domain, expire, sessions and resume. */
import { dovecotRevokers } from '../../adapters/dovecot/index.js';
import { createHasher } from '../../hash/node.js';
import type { SessionRevoker } from '../../ports/index.js';
import { type Actor, type RotationDeps, sessionStoreRevoker } from '../../rotation/index.js';
import { loadPolicy } from '../load-policy.js';
import { type OpenedStore, openStore, parseStoreSpec } from '../store-spec.js';

/**
 * The options every storage command takes.
 *
 * @example
 * ```ts
 * const options: StoreCommandOptions = { store: 'sqlite:mail.sqlite', scheme: 'SHA512-CRYPT' };
 * ```
 */
export interface StoreCommandOptions {
  readonly store: string;
  readonly policy?: string;
  readonly scheme?: string;
  readonly dovecotConfig?: string;
  readonly doveadm?: string;
}

/**
 * The default scheme of `--scheme`: read by every Dovecot build, fast enough for bulk rotation.
 *
 * @example
 * ```ts
 * command.option('--scheme <scheme>', 'hash scheme of new passwords (Dovecot name)', DEFAULT_CLI_SCHEME);
 * ```
 */
export const DEFAULT_CLI_SCHEME = 'SHA512-CRYPT';

/**
 * The actor the CLI acts as: whoever can run it on the server has every right.
 *
 * @example
 * ```ts
 * await rotateDomain(deps, { actor: CLI_ACTOR, domain: 'example.org', temporary: true, dryRun: false });
 * ```
 */
export const CLI_ACTOR: Actor = { name: 'cli', superadmin: true, domains: [] };

/**
 * The revokers a CLI change runs: the panel's web sessions (SQL stores keep them beside the
 * mailboxes) and, with `--dovecot-config`, Dovecot's auth-cache flush (always) and kick.
 *
 * @example
 * ```ts
 * cliRevokers(opened, { store: 'sqlite:mail.sqlite', dovecotConfig: '/etc/dovecot/dovecot.conf' });
 * ```
 */
export function cliRevokers(opened: OpenedStore, options: StoreCommandOptions): SessionRevoker[] {
  const revokers: SessionRevoker[] = [];
  if (opened.sessions) revokers.push(sessionStoreRevoker(opened.sessions));
  revokers.push(...cliDovecotRevokers(options));
  return revokers;
}

/** With `--dovecot-config`, Dovecot's auth-cache flush and kick; else none. */
function cliDovecotRevokers(options: StoreCommandOptions): SessionRevoker[] {
  if (options.dovecotConfig === undefined) return [];
  return dovecotRevokers({
    config: options.dovecotConfig,
    ...(options.doveadm === undefined ? {} : { doveadm: options.doveadm }),
  });
}

/**
 * Opens the store (creating missing passrotate tables, and the mailbox table with `create`) and
 * runs `work` with the flows' dependencies — audited, as the actor `cli`, into the SQL stores'
 * audit table — closing the store afterwards.
 *
 * @example
 * ```ts
 * await withRotation({ store: 'sqlite:mail.sqlite' }, { create: false }, async (deps) => resumePendingRevocations(deps));
 * ```
 */
export async function withRotation<T>(
  options: StoreCommandOptions,
  open: { readonly create: boolean },
  work: (deps: RotationDeps, opened: OpenedStore) => Promise<T>,
): Promise<T> {
  const policy = await loadPolicy(options.policy);
  const hasher = createHasher({ default: { scheme: options.scheme ?? DEFAULT_CLI_SCHEME } });
  const opened = await openStore(parseStoreSpec(options.store), open);
  try {
    await opened.migrate();
    const deps: RotationDeps = {
      store: opened.credentials,
      hasher,
      policy,
      revokers: cliRevokers(opened, options),
      // So `resume` also runs the flush + kick queued by a panel's app-password revocation.
      appPasswordRevokers: cliDovecotRevokers(options),
      ...(opened.audit ? { audit: opened.audit } : {}),
    };
    return await work(deps, opened);
  } finally {
    await opened.close();
  }
}
