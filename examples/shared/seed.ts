/** @module Seeds a new demo database: two domains, a few mailboxes each, a domain admin and a superadmin. */
import { generatePassword, type PasswordHasher, type Policy } from '../../src/index.js';
import type { Storage } from './storage.js';

/** One account created by the seed, with its password (printed once by the demo). */
export interface SeededAccount {
  readonly kind: 'mailbox' | 'admin' | 'superadmin';
  readonly login: string;
  readonly password: string;
  /** Domains an admin may manage (empty for mailboxes). */
  readonly domains: readonly string[];
}

/** The demo's domains. */
export const DEMO_DOMAINS: readonly { readonly domain: string; readonly description: string }[] = [
  { domain: 'example.org', description: 'Example Org' },
  { domain: 'example.net', description: 'Example Net' },
];

/** The demo's mailboxes: address and display name. */
export const DEMO_MAILBOXES: readonly { readonly account: string; readonly name: string }[] = [
  { account: 'alice@example.org', name: 'Alice Martin' },
  { account: 'bob@example.org', name: 'Bob Jansen' },
  { account: 'carol@example.org', name: 'Carol Dupont' },
  { account: 'dave@example.net', name: 'Dave Müller' },
  { account: 'erin@example.net', name: 'Erin García' },
];

/** The demo's admins: a domain admin of example.org only, and a superadmin. */
export const DEMO_ADMINS: readonly {
  readonly username: string;
  readonly superadmin: boolean;
  readonly domains: readonly string[];
}[] = [
  { username: 'admin@example.org', superadmin: false, domains: ['example.org'] },
  { username: 'superadmin', superadmin: true, domains: [] },
];

/** How to seed. */
export interface SeedOptions {
  readonly storage: Storage;
  readonly hasher: PasswordHasher;
  readonly policy: Policy;
  /** One password for every account (`DEMO_PASSWORD`); default: a generated one each. */
  readonly password?: string;
}

/**
 * Seeds the database when it has no domain yet; returns the accounts created, or `null` when the
 * database was already seeded (nothing is changed then).
 *
 * @example
 * ```ts
 * const accounts = await seedDemo({ storage, hasher, policy });
 * ```
 */
export async function seedDemo(options: SeedOptions): Promise<SeededAccount[] | null> {
  const { storage, hasher, policy } = options;
  if ((await storage.admins.listDomains()).length > 0) return null;
  const passwordFor = (account: string, displayName?: string): string =>
    options.password ??
    generatePassword(policy, {
      specials: 'mail-safe',
      excludeLookAlikes: true,
      context: displayName === undefined ? { account } : { account, displayName },
    });
  const accounts: SeededAccount[] = [];
  for (const { domain, description } of DEMO_DOMAINS) await storage.admins.createDomain(domain, description);
  for (const { account, name } of DEMO_MAILBOXES) {
    const password = passwordFor(account, name);
    const created = await storage.credentials.createMailbox({
      account,
      displayName: name,
      passwordHash: await hasher.hash(password),
    });
    if (!created.ok) throw new Error(`seed: could not create ${account}: ${created.code}`);
    accounts.push({ kind: 'mailbox', login: account, password, domains: [] });
  }
  for (const admin of DEMO_ADMINS) {
    const password = passwordFor(admin.username);
    await storage.admins.createAdmin({ ...admin, passwordHash: await hasher.hash(password) });
    accounts.push({
      kind: admin.superadmin ? 'superadmin' : 'admin',
      login: admin.username,
      password,
      domains: admin.superadmin ? DEMO_DOMAINS.map((d) => d.domain) : admin.domains,
    });
  }
  return accounts;
}
