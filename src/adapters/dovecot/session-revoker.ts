/** @module SessionRevoker that flushes Dovecot's auth cache and kicks live IMAP/POP connections with doveadm. */
import { execFile } from 'node:child_process';
import { PassrotateError } from '../../errors.js';
import type { SessionRevoker } from '../../ports/index.js';

/**
 * Options of `dovecotSessionRevoker`.
 *
 * @example
 * ```ts
 * const options: DovecotSessionRevokerOptions = { config: '/etc/dovecot/dovecot.conf', timeoutMs: 5_000 };
 * const revoker = dovecotSessionRevoker(options);
 * ```
 */
export interface DovecotSessionRevokerOptions {
  /** The doveadm binary (default `doveadm`, looked up on PATH). */
  readonly doveadm?: string;
  /** The Dovecot config of the instance to act on (`doveadm -c CONFIG`); default: doveadm's own default. */
  readonly config?: string;
  /** The revoker's name in the outbox (default `dovecot`). */
  readonly name?: string;
  /** Kill doveadm after this long (default 10 s). */
  readonly timeoutMs?: number;
}

/** doveadm kick's exit code when no connection matched (sysexits EX_NOHOST): nothing to do, not a failure. */
const NOTHING_KICKED = 68;

interface RunResult {
  readonly exitCode: number;
  readonly stderr: string;
}

/**
 * doveadm reports some failures only in its output and still exits 0 — `auth cache flush` prints
 * `Error: auth-master: … connect(…) failed` when it cannot reach the auth service — so a line
 * opening with one of these levels is a failure whatever the exit code.
 */
const FAILURE_LINE = /^(?:Error|Fatal|Panic): /m;

function run(binary: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, windowsHide: true }, (error, _stdout, stderr) => {
      if (error === null) return resolve({ exitCode: 0, stderr });
      const e = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean };
      if (e.code === 'ENOENT') {
        return reject(
          new PassrotateError(
            'doveadm_missing',
            `doveadm not found (${binary}); install dovecot-core or set the path`,
            {
              cause: error,
            },
          ),
        );
      }
      if (e.killed) {
        return reject(
          new PassrotateError('doveadm_timeout', `doveadm ${args[args.length - 3] ?? ''} timed out`, {
            cause: error,
          }),
        );
      }
      if (typeof e.code === 'number') return resolve({ exitCode: e.code, stderr });
      reject(new PassrotateError('doveadm_failed', 'doveadm could not be run', { cause: error }));
    });
  });
}

/**
 * A `SessionRevoker` for Dovecot: `doveadm [-c CONFIG] auth cache flush USER` (so the old password
 * stops working at once instead of when the cache entry expires), then `doveadm [-c CONFIG] kick
 * USER` (drops the user's live IMAP/POP connections). Runs doveadm with `execFile` (no shell). A
 * kick that finds no connection is success; any other non-zero exit, or an `Error:` line (which
 * `auth cache flush` prints with exit 0 when the auth service is unreachable), rejects with a
 * `PassrotateError` (`doveadm_failed`, `doveadm_timeout`, or `doveadm_missing` when the binary is
 * not there), so the rotation outbox retries it. An account doveadm would read as a wildcard
 * mask, an IP range or an option is refused (`doveadm_unsafe_account`) before doveadm runs.
 * Idempotent. It does not run with `revoke: 'none'`: wire it with {@link dovecotRevokers}, which
 * adds the `alwaysRun` flush.
 *
 * @example
 * ```ts
 * const dovecot = dovecotSessionRevoker({ config: '/etc/dovecot/dovecot.conf' });
 * await dovecot.revoke({ account: 'alice@example.org', keepSessionDigest: null });
 * ```
 */
export function dovecotSessionRevoker(options: DovecotSessionRevokerOptions = {}): SessionRevoker {
  const revoke = doveadmSteps(options);
  return {
    name: options.name ?? 'dovecot',
    async revoke({ account }) {
      await revoke(account, true);
    },
  };
}

/**
 * An account string that names more than itself to doveadm: `kick` reads its argument as a
 * wildcard mask (`*`, `?`, matched case-insensitively) or, when it parses as an address, as an IP
 * range (`10.0.0.1`, `1.2.3`, `0x7f`, `::1`, `10/8`); a leading `-` is an option; control
 * characters and whitespace break the auth-master and anvil line protocols.
 */
const SPECIAL_TO_DOVEADM = /[*?\s\p{Cc}]/u;
const IP_RANGE_LIKE = /^[\da-fx.:[\]%]*\d[\da-fx.:[\]%]*(?:\/\d*)?$/i;

/**
 * Throws `PassrotateError` `doveadm_unsafe_account` unless `account` names exactly one user to
 * doveadm (see {@link SPECIAL_TO_DOVEADM}); run before doveadm is started, so nothing is kicked.
 */
export function assertDoveadmAccount(account: unknown): asserts account is string {
  if (typeof account !== 'string' || account === '') {
    throw new PassrotateError('doveadm_unsafe_account', 'doveadm: the account must be a non-empty string');
  }
  const ipLike = IP_RANGE_LIKE.test(account) && (/[.:/]/.test(account) || /^0x/i.test(account));
  if (account.startsWith('-') || SPECIAL_TO_DOVEADM.test(account) || ipLike) {
    throw new PassrotateError(
      'doveadm_unsafe_account',
      'doveadm: refusing an account that doveadm would read as an option, a wildcard mask or an IP range, or that holds whitespace or control characters',
    );
  }
}

/** Flushes the auth cache for `account`, then kicks it when `kick` is set. */
function doveadmSteps(
  options: DovecotSessionRevokerOptions,
): (account: string, kick: boolean) => Promise<void> {
  const binary = options.doveadm ?? 'doveadm';
  const prefix = options.config === undefined ? [] : ['-c', options.config];
  const timeoutMs = options.timeoutMs ?? 10_000;
  const step = async (
    args: readonly string[],
    account: string,
    allowed: readonly number[],
  ): Promise<void> => {
    const { exitCode, stderr } = await run(binary, [...prefix, ...args, account], timeoutMs);
    const failureLine = FAILURE_LINE.exec(stderr);
    if (failureLine === null && (exitCode === 0 || allowed.includes(exitCode))) return;
    const detail = (failureLine === null ? stderr.trim() : stderr.slice(failureLine.index))
      .split('\n')[0]
      ?.slice(0, 200);
    throw new PassrotateError(
      'doveadm_failed',
      `doveadm ${args.join(' ')} ${failureLine === null ? `exited with ${exitCode}` : 'reported an error'}: ${detail ?? ''}`,
    );
  };
  return async (account, kick) => {
    assertDoveadmAccount(account);
    await step(['auth', 'cache', 'flush'], account, []);
    if (kick) await step(['kick'], account, [NOTHING_KICKED]);
  };
}

/**
 * A `SessionRevoker` that only flushes Dovecot's auth cache for the user, marked `alwaysRun` so the
 * rotation flows run it on every password change — even when the caller keeps sessions
 * (`revoke: 'none'`) — because without it the old password keeps working until the cache entry
 * expires. Pair it with `dovecotSessionRevoker` (which flushes too, then kicks), or take both from
 * `dovecotRevokers`.
 *
 * @example
 * ```ts
 * const revokers = [dovecotAuthCacheFlusher({ config }), dovecotSessionRevoker({ config })];
 * ```
 */
export function dovecotAuthCacheFlusher(options: DovecotSessionRevokerOptions = {}): SessionRevoker {
  const flush = doveadmSteps(options);
  return {
    name: options.name ?? 'dovecot-auth-cache',
    alwaysRun: true,
    async revoke({ account }) {
      await flush(account, false);
    },
  };
}

/**
 * Everything a password change needs from Dovecot, wired safely: an `alwaysRun` auth-cache flush
 * (`dovecot-auth-cache`, so the old password stops working even when the caller keeps sessions with
 * `revoke: 'none'`) and the session revoker (`dovecot`: flush, then kick live IMAP/POP
 * connections). Spread it into `revokers`; each part gets its own outbox row and retries.
 *
 * @example
 * ```ts
 * const revokers = [sessionStoreRevoker(sessions), ...dovecotRevokers({ config: '/etc/dovecot/dovecot.conf' })];
 * ```
 */
export function dovecotRevokers(
  options: Omit<DovecotSessionRevokerOptions, 'name'> = {},
): [flush: SessionRevoker, kick: SessionRevoker] {
  return [dovecotAuthCacheFlusher(options), dovecotSessionRevoker(options)];
}
