/** @module CredentialStore over a Dovecot passwd-file, with a JSON sidecar for versions, history and the outbox. */
import { readFile } from 'node:fs/promises';
import type { CredentialStore, MailboxPage, MailboxRecord, PasswordWriteResult } from '../../ports/index.js';
import { domainOf, normalizeAccount } from '../shared/accounts.js';
import { pageLimit } from '../shared/page-limit.js';
import { replaceFile } from './atomic-write.js';
import { type FileLockOptions, withFileLock } from './file-lock.js';
import {
  checkAccountName,
  checkField,
  formatPasswdFile,
  type PasswdLine,
  parsePasswdFile,
  splitRest,
} from './passwd-file-format.js';
import {
  type AccountState,
  loadRevocation,
  readState,
  type StateFile,
  storeRevocation,
  writeState,
} from './passwd-file-state.js';

/**
 * Options of `passwdFileCredentialStore`.
 *
 * @example
 * ```ts
 * const options: PasswdFileStoreOptions = { path: '/etc/dovecot/users', fileMode: 0o640, timeoutMs: 5_000 };
 * const store = passwdFileCredentialStore(options);
 * ```
 */
export interface PasswdFileStoreOptions extends FileLockOptions {
  /** The passwd-file Dovecot reads (`passdb { driver = passwd-file; args = PATH }`). */
  readonly path: string;
  /** The sidecar JSON (default `PATH.passrotate.json`), mode 0600. */
  readonly statePath?: string;
  /** The lock file (default `PATH.lock`). */
  readonly lockPath?: string;
  /** Mode of a passwd-file this store creates (default 0o640); an existing file keeps its mode and owner. */
  readonly fileMode?: number;
}

type Entry = Extract<PasswdLine, { kind: 'entry' }>;

async function readLines(path: string): Promise<PasswdLine[]> {
  try {
    return parsePasswdFile(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const findEntry = (lines: readonly PasswdLine[], account: string): Entry | undefined =>
  lines.find((l): l is Entry => l.kind === 'entry' && l.user.toLowerCase() === account);

function toRecord(entry: Entry, state: AccountState | undefined): MailboxRecord {
  const account = entry.user.toLowerCase();
  const { gecos, extra } = splitRest(entry.rest);
  return {
    account,
    domain: domainOf(account),
    displayName: gecos === '' ? null : gecos,
    passwordHash: entry.password,
    version: state?.version ?? 1,
    changedAt: new Date(state?.changedAt ?? 0),
    mustChange: state?.mustChange ?? false,
    expiresAt: state?.expiresAt == null ? null : new Date(state.expiresAt),
    active: !extra.some((f) => f === 'nologin' || f.startsWith('nologin=')),
    previousHashes: state?.history ?? [],
  };
}

/**
 * A `CredentialStore` over a Dovecot passwd-file (`user:{SCHEME}hash:uid:gid:gecos:home:shell:extra`).
 * A password write replaces only the password field of the account's line: other lines, comments
 * and fields stay byte for byte. The display name is the gecos field; `nologin` in the extra
 * fields means inactive. Versions, flags, history and the outbox live in a sidecar JSON file.
 *
 * Atomicity: writers are serialised (a queue in this process, an exclusive lock file across
 * processes); each file is replaced by temp file + fsync + rename, so Dovecot never reads a half
 * file. The sidecar (new version, history, outbox rows) is written before the passwd-file: a crash
 * between the two leaves the old password working with a spare revocation queued, never a new
 * password without its revocations. When the size is unchanged the mtime is moved to the next
 * second if needed, because Dovecot re-reads the file only when its mtime (seconds) or size changes.
 *
 * `createMailbox` throws `PassrotateError` `invalid_account` for an account with a colon, a control
 * character or a leading `#`, and a `TypeError` for a hash or display name that would break the
 * line; nothing is written then.
 *
 * @example
 * ```ts
 * const store = passwdFileCredentialStore({ path: '/etc/dovecot/users' });
 * const rec = await store.get('alice@example.org');
 * ```
 */
export function passwdFileCredentialStore(options: PasswdFileStoreOptions): CredentialStore {
  const { path } = options;
  const statePath = options.statePath ?? `${path}.passrotate.json`;
  const lockPath = options.lockPath ?? `${path}.lock`;
  const locked = <T>(work: () => Promise<T>): Promise<T> => withFileLock(lockPath, work, options);
  const writePasswd = (lines: readonly PasswdLine[]) =>
    replaceFile(path, formatPasswdFile(lines), { mode: options.fileMode ?? 0o640, bumpMtime: true });

  /** One page of the records that pass `keep`, in ascending account order (the file is read whole). */
  async function scan(
    keep: (record: MailboxRecord) => boolean,
    opts: { readonly cursor?: string | null; readonly limit?: number },
  ): Promise<MailboxPage> {
    const limit = pageLimit(opts.limit);
    const cursor = opts.cursor ?? '';
    const state = await readState(statePath);
    const all = (await readLines(path))
      .filter((l): l is Entry => l.kind === 'entry')
      .map((e) => toRecord(e, state.accounts[e.user.toLowerCase()]))
      .filter((r) => r.account > cursor && keep(r))
      .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
    const page = all.slice(0, limit);
    const last = page[page.length - 1];
    return { mailboxes: page, nextCursor: all.length > limit && last ? last.account : null };
  }

  return {
    async get(account) {
      const a = normalizeAccount(account);
      const entry = findEntry(await readLines(path), a);
      if (entry === undefined) return null;
      return toRecord(entry, (await readState(statePath)).accounts[a]);
    },

    async setPassword(w) {
      if (!Number.isInteger(w.historyLimit) || w.historyLimit < 0) {
        throw new RangeError('historyLimit must be a non-negative integer');
      }
      checkField(w.passwordHash, 'passwordHash');
      const account = normalizeAccount(w.account);
      return locked(async (): Promise<PasswordWriteResult> => {
        const lines = await readLines(path);
        const entry = findEntry(lines, account);
        if (entry === undefined) return { ok: false, code: 'not_found' };
        const state = await readState(statePath);
        const current = state.accounts[account];
        const version = current?.version ?? 1;
        if (version !== w.expectedVersion) return { ok: false, code: 'conflict' };
        const previous = current?.history ?? [];
        const unchanged = w.keepHistory === true || w.passwordHash === entry.password;
        const pushed = unchanged ? previous : [entry.password, ...previous];
        const next: StateFile = {
          format: 1,
          accounts: {
            ...state.accounts,
            [account]: {
              version: version + 1,
              changedAt: w.changedAt.getTime(),
              mustChange: w.mustChange,
              expiresAt: w.expiresAt?.getTime() ?? null,
              history: pushed.slice(0, w.historyLimit),
            },
          },
          outbox: [...state.outbox, ...w.pendingRevocations.map(storeRevocation)],
        };
        await writeState(statePath, next);
        if (w.passwordHash !== entry.password) {
          await writePasswd(lines.map((l) => (l === entry ? { ...entry, password: w.passwordHash } : l)));
        }
        return { ok: true, version: version + 1 };
      });
    },

    async createMailbox(m) {
      const account = normalizeAccount(m.account);
      checkAccountName(account);
      checkField(m.passwordHash, 'passwordHash');
      const gecos = m.displayName ?? '';
      checkField(gecos, 'displayName');
      return locked(async (): Promise<PasswordWriteResult> => {
        const lines = await readLines(path);
        if (findEntry(lines, account) !== undefined) return { ok: false, code: 'conflict' };
        const state = await readState(statePath);
        const extra = (m.active ?? true) ? '' : 'nologin';
        await writeState(statePath, {
          ...state,
          accounts: {
            ...state.accounts,
            [account]: {
              version: 1,
              changedAt: (m.changedAt ?? new Date()).getTime(),
              mustChange: m.mustChange ?? false,
              expiresAt: m.expiresAt?.getTime() ?? null,
              history: [],
            },
          },
        });
        await writePasswd([
          ...lines,
          { kind: 'entry', user: account, password: m.passwordHash, rest: `::${gecos}:::${extra}` },
        ]);
        return { ok: true, version: 1 };
      });
    },

    async listByDomain(domain, opts = {}) {
      const d = domain.trim().toLowerCase();
      return scan((r) => r.domain === d, opts);
    },

    async listExpiringBefore(before, opts = {}) {
      const d = opts.domain?.trim().toLowerCase() ?? null;
      return scan(
        (r) =>
          r.expiresAt !== null && r.expiresAt.getTime() < before.getTime() && (d === null || r.domain === d),
        opts,
      );
    },

    async listPendingRevocations(now, limit) {
      const { outbox } = await readState(statePath);
      return outbox
        .filter((r) => r.nextAttemptAt <= now.getTime())
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit)
        .map(loadRevocation);
    },

    async completeRevocation(id) {
      await locked(async () => {
        const state = await readState(statePath);
        if (!state.outbox.some((r) => r.id === id)) return;
        await writeState(statePath, { ...state, outbox: state.outbox.filter((r) => r.id !== id) });
      });
    },

    async failRevocation(id, errorCode, nextAttemptAt) {
      await locked(async () => {
        const state = await readState(statePath);
        if (!state.outbox.some((r) => r.id === id)) return;
        const outbox = state.outbox.map((r) =>
          r.id === id
            ? { ...r, attempts: r.attempts + 1, lastError: errorCode, nextAttemptAt: nextAttemptAt.getTime() }
            : r,
        );
        await writeState(statePath, { ...state, outbox });
      });
    },
  };
}
