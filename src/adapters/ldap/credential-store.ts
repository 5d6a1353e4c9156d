/** @module CredentialStore over an LDAP directory (OpenLDAP): `userPassword` as Dovecot reads it, state in `passrotateAccount`. */
import type { Entry } from 'ldapts';
import { PassrotateError } from '../../errors.js';
import type {
  CredentialStore,
  MailboxPage,
  MailboxRecord,
  NewMailbox,
  PasswordWrite,
  PasswordWriteResult,
  PendingRevocation,
} from '../../ports/index.js';
import { domainOf, localPartOf, normalizeAccount } from '../shared/accounts.js';
import { pageLimit } from '../shared/page-limit.js';
import { checkHistoryLimit } from '../sql/records.js';
import { firstValueOf, valuesOf } from './entry-values.js';
import {
  escapeDnValue,
  escapeFilterValue,
  fromGeneralizedTime,
  ldapBoolean,
  toGeneralizedTime,
} from './ldap-text.js';
import { DEFAULT_STATE_ATTRIBUTES, type LdapCredentialStoreOptions } from './options.js';
import { decodeOutboxRow, encodeOutboxRow, outboxIdFilter } from './outbox-value.js';

/** LDAP result codes the store turns into results. */
const NO_SUCH_ATTRIBUTE = 16;
const CONSTRAINT_VIOLATION = 19;
const TYPE_OR_VALUE_EXISTS = 20;
const NO_SUCH_OBJECT = 32;
const ALREADY_EXISTS = 68;
/** A modify that fails with one of these lost a race: the values it meant to replace had changed. */
const LOST_RACE = new Set([NO_SUCH_ATTRIBUTE, CONSTRAINT_VIOLATION, TYPE_OR_VALUE_EXISTS]);

const DAY_MS = 86_400_000;

type Ldapts = typeof import('ldapts');
type Operation = 'add' | 'delete' | 'replace';

function resultCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

let ldaptsModule: Promise<Ldapts> | undefined;
function loadLdapts(): Promise<Ldapts> {
  ldaptsModule ??= import('ldapts').catch((error: unknown) => {
    ldaptsModule = undefined;
    throw new PassrotateError(
      'missing_dependency',
      'the LDAP store needs the ldapts package: npm install ldapts@8',
      {
        cause: error,
      },
    );
  });
  return ldaptsModule;
}

/**
 * A `CredentialStore` on an LDAP directory through an injected, bound ldapts 8 client (tested:
 * OpenLDAP 2.5). The password is the entry's `userPassword`, one `{SCHEME}…` value exactly as
 * Dovecot's LDAP passdb reads it (`pass_attrs = …,userPassword=password`), so a change is live for
 * Dovecot as soon as the modify returns. The version, must-change flag, expiry, active flag,
 * history and the revocation outbox live on the same entry, in the attributes of the auxiliary
 * class `passrotateAccount` (`passrotateLdapSchema`; names configurable), which the store adds to
 * an existing entry with its first write. Entries with `shadowAccount` get `shadowLastChange`
 * (days since 1970), and with `ppolicy: true` ppolicy's `pwdReset` mirrors must-change.
 *
 * Atomicity: a write is ONE modify of the entry that deletes the exact old `userPassword` value(s)
 * and version and adds the new ones, and replaces the flags, history and outbox values in the same
 * operation. LDAP applies a modify to one entry all or nothing, and refuses it (16
 * noSuchAttribute, or 19/20 for a first version) when a racing writer changed the password or
 * version meanwhile: that is `conflict`, and nothing changed. Because the outbox rows sit on the
 * entry itself, they are written with the hash or not at all. `listPendingRevocations` searches the
 * base for entries holding rows (cheap while few revocations are pending); `listByDomain` reads
 * the whole domain and pages it in memory (no ordering rule or sort control needed).
 *
 * @example
 * ```ts
 * import { Client } from 'ldapts';
 * const client = new Client({ url: 'ldap://127.0.0.1', autoRebind: true });
 * await client.bind('cn=admin,dc=example,dc=org', await readFile('/etc/passrotate/ldap.pw', 'utf8'));
 * const store = ldapCredentialStore({ client, layout: inetOrgPersonLayout('ou=people,dc=example,dc=org') });
 * await store.get('alice@example.org');
 * ```
 */
export function ldapCredentialStore(options: LdapCredentialStoreOptions): CredentialStore {
  const { client, layout } = options;
  const a = { ...DEFAULT_STATE_ATTRIBUTES, ...options.attributes };
  const activeValues = options.activeValues ?? { active: 'TRUE', inactive: 'FALSE' };
  const displayNameAttribute = layout.displayNameAttribute ?? 'displayName';
  const attributes = [
    'objectClass',
    'userPassword',
    layout.accountAttribute,
    displayNameAttribute,
    a.version,
    a.changedAt,
    a.mustChange,
    a.expiresAt,
    a.active,
    a.history,
    'pwdChangedTime',
    'createTimestamp',
  ];

  const dnOf = (account: string): string =>
    layout.dn
      .replaceAll('{account}', escapeDnValue(account))
      .replaceAll('{local}', escapeDnValue(localPartOf(account)))
      .replaceAll('{domain}', escapeDnValue(domainOf(account)));
  const accountFilter = (account: string): string =>
    `(&${layout.filter}(${layout.accountAttribute}=${escapeFilterValue(account)}))`;

  async function search(base: string, filter: string, wanted: string[], scope: 'sub' | 'base' = 'sub') {
    try {
      const { searchEntries } = await client.search(base, {
        scope,
        filter,
        attributes: wanted,
        paged: scope === 'sub' ? { pageSize: 500 } : false,
      });
      return searchEntries;
    } catch (error) {
      if (resultCode(error) === NO_SUCH_OBJECT) return [];
      throw error;
    }
  }

  async function find(account: string): Promise<Entry | null> {
    const entries =
      layout.lookup === 'dn'
        ? await search(dnOf(account), accountFilter(account), attributes, 'base')
        : await search(layout.base, accountFilter(account), attributes);
    if (entries.length > 1) {
      throw new PassrotateError('ldap_ambiguous_account', 'ldap: more than one entry matches the account');
    }
    return entries[0] ?? null;
  }

  function toRecord(entry: Entry): MailboxRecord | null {
    const account = firstValueOf(entry, layout.accountAttribute)?.toLowerCase();
    const passwordHash = firstValueOf(entry, 'userPassword');
    if (account === undefined || passwordHash === null) return null;
    const time = (attribute: string) => {
      const value = firstValueOf(entry, attribute);
      return value === null ? null : fromGeneralizedTime(value);
    };
    const history = valuesOf(entry, a.history)
      .map((v) => ({ n: Number.parseInt(v, 10), hash: v.slice(v.indexOf('#') + 1) }))
      .sort((x, y) => x.n - y.n)
      .map((h) => h.hash);
    return {
      account,
      domain: domainOf(account),
      displayName: firstValueOf(entry, displayNameAttribute),
      passwordHash,
      version: Number(firstValueOf(entry, a.version) ?? 1),
      changedAt: time(a.changedAt) ?? time('pwdChangedTime') ?? time('createTimestamp') ?? new Date(0),
      mustChange: firstValueOf(entry, a.mustChange) === 'TRUE',
      expiresAt: time(a.expiresAt),
      active: firstValueOf(entry, a.active) !== activeValues.inactive,
      previousHashes: history,
    };
  }

  async function modify(dn: string, changes: readonly [Operation, string, string[]][]): Promise<void> {
    const { Attribute, Change } = await loadLdapts();
    await client.modify(
      dn,
      changes.map(
        ([operation, type, values]) =>
          new Change({ operation, modification: new Attribute({ type, values }) }),
      ),
    );
  }

  async function setPassword(w: PasswordWrite): Promise<PasswordWriteResult> {
    checkHistoryLimit(w.historyLimit);
    const account = normalizeAccount(w.account);
    const entry = await find(account);
    const current = entry && toRecord(entry);
    if (!entry || !current) return { ok: false, code: 'not_found' };
    if (current.version !== w.expectedVersion) return { ok: false, code: 'conflict' };
    const objectClasses = valuesOf(entry, 'objectClass').map((c) => c.toLowerCase());
    const storedVersion = firstValueOf(entry, a.version);
    const history =
      w.keepHistory || w.passwordHash === current.passwordHash
        ? current.previousHashes
        : [current.passwordHash, ...current.previousHashes];
    const changes: [Operation, string, string[]][] = [
      ['delete', 'userPassword', valuesOf(entry, 'userPassword')],
      ['add', 'userPassword', [w.passwordHash]],
      ...(objectClasses.includes(a.objectClass.toLowerCase())
        ? []
        : [['add', 'objectClass', [a.objectClass]] as [Operation, string, string[]]]),
      ...(storedVersion === null
        ? []
        : [['delete', a.version, [storedVersion]] as [Operation, string, string[]]]),
      ['add', a.version, [String(current.version + 1)]],
      ['replace', a.changedAt, [toGeneralizedTime(w.changedAt)]],
      ['replace', a.mustChange, [ldapBoolean(w.mustChange)]],
      ['replace', a.expiresAt, w.expiresAt === null ? [] : [toGeneralizedTime(w.expiresAt)]],
      ['replace', a.history, history.slice(0, w.historyLimit).map((hash, i) => `${i + 1}#${hash}`)],
    ];
    if (objectClasses.includes('shadowaccount')) {
      changes.push(['replace', 'shadowLastChange', [String(Math.floor(w.changedAt.getTime() / DAY_MS))]]);
    }
    if (options.ppolicy) changes.push(['replace', 'pwdReset', w.mustChange ? ['TRUE'] : []]);
    if (w.pendingRevocations.length > 0) {
      changes.push([
        'add',
        a.outbox,
        w.pendingRevocations.map((row) => encodeOutboxRow(row, normalizeAccount(row.account))),
      ]);
    }
    try {
      await modify(entry.dn, changes);
    } catch (error) {
      const code = resultCode(error);
      if (code === NO_SUCH_OBJECT) return { ok: false, code: 'not_found' };
      if (code !== undefined && LOST_RACE.has(code)) return { ok: false, code: 'conflict' };
      throw error;
    }
    return { ok: true, version: current.version + 1 };
  }

  async function createMailbox(m: NewMailbox): Promise<PasswordWriteResult> {
    const account = normalizeAccount(m.account);
    const displayName = m.displayName ?? null;
    const base = layout.newEntry(account, displayName);
    const objectClasses = [base.objectClass ?? []].flat();
    const entry: Record<string, string | string[]> = {
      ...base,
      objectClass: [...objectClasses, a.objectClass],
      [layout.accountAttribute]: account,
      userPassword: m.passwordHash,
      [a.version]: '1',
      [a.changedAt]: toGeneralizedTime(m.changedAt ?? new Date()),
      [a.mustChange]: ldapBoolean(m.mustChange ?? false),
      [a.active]: m.active === false ? activeValues.inactive : activeValues.active,
    };
    if (displayName !== null) entry[displayNameAttribute] = displayName;
    if (m.expiresAt) entry[a.expiresAt] = toGeneralizedTime(m.expiresAt);
    if (options.ppolicy && m.mustChange) entry.pwdReset = 'TRUE';
    if ((await find(account)) !== null) return { ok: false, code: 'conflict' };
    try {
      await client.add(dnOf(account), entry);
    } catch (error) {
      if (resultCode(error) === ALREADY_EXISTS) return { ok: false, code: 'conflict' };
      throw error;
    }
    return { ok: true, version: 1 };
  }

  /** Entries holding outbox rows that match `filter`, with each row and its raw value. */
  async function outboxEntries(filter: string) {
    const entries = await search(layout.base, filter, [a.outbox]);
    return entries.flatMap((entry) =>
      valuesOf(entry, a.outbox).flatMap((value) => {
        const row = decodeOutboxRow(value);
        return row === null ? [] : [{ dn: entry.dn, value, row }];
      }),
    );
  }

  async function findOutboxRow(id: string) {
    return (await outboxEntries(outboxIdFilter(a.outbox, id))).find((r) => r.row.id === id) ?? null;
  }

  return {
    async get(account) {
      const entry = await find(normalizeAccount(account));
      return entry && toRecord(entry);
    },
    setPassword,
    createMailbox,
    async listByDomain(domain, opts = {}): Promise<MailboxPage> {
      const limit = pageLimit(opts.limit);
      const d = domain.trim().toLowerCase();
      const filter = `(&${layout.filter}(${layout.accountAttribute}=*${escapeFilterValue(`@${d}`)}))`;
      const records = (await search(layout.base, filter, attributes))
        .map(toRecord)
        .filter((r): r is MailboxRecord => r !== null && r.domain === d)
        .sort((x, y) => (x.account < y.account ? -1 : x.account > y.account ? 1 : 0));
      const cursor = opts.cursor ?? '';
      const after = records.filter((r) => r.account > cursor);
      const mailboxes = after.slice(0, limit);
      const last = mailboxes[mailboxes.length - 1];
      return { mailboxes, nextCursor: after.length > limit && last ? last.account : null };
    },
    async listPendingRevocations(now, limit): Promise<readonly PendingRevocation[]> {
      const rows = (await outboxEntries(`(${a.outbox}=*)`))
        .map((r) => r.row)
        .filter((row) => row.nextAttemptAt.getTime() <= now.getTime())
        .sort(
          (x, y) =>
            x.nextAttemptAt.getTime() - y.nextAttemptAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
        );
      return rows.slice(0, limit);
    },
    async completeRevocation(id) {
      const found = await findOutboxRow(id);
      if (found === null) return;
      try {
        await modify(found.dn, [['delete', a.outbox, [found.value]]]);
      } catch (error) {
        const code = resultCode(error);
        if (code !== NO_SUCH_ATTRIBUTE && code !== NO_SUCH_OBJECT) throw error;
      }
    },
    async failRevocation(id, errorCode, nextAttemptAt) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const found = await findOutboxRow(id);
        if (found === null) return;
        const next: PendingRevocation = {
          ...found.row,
          attempts: found.row.attempts + 1,
          lastError: errorCode,
          nextAttemptAt,
        };
        try {
          await modify(found.dn, [
            ['delete', a.outbox, [found.value]],
            ['add', a.outbox, [encodeOutboxRow(next, found.row.account)]],
          ]);
          return;
        } catch (error) {
          const code = resultCode(error);
          if (code === NO_SUCH_OBJECT) return;
          if (code !== NO_SUCH_ATTRIBUTE) throw error;
        }
      }
      throw new PassrotateError('ldap_outbox_contended', 'ldap: could not record the failed revocation');
    },
  };
}
