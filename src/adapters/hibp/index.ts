/** @module passrotate/adapters/hibp */
// A `BreachChecker` over the Have I Been Pwned range API (k-anonymity): only the first five hex
// characters of the password's SHA-1 leave the process. Uses the global `fetch` (Node ≥ 18, browsers).
import { PassrotateError } from '../../errors.js';
import { passwordSha1Hex } from '../../policy/breach/sha1.js';
import type { BreachChecker } from '../../ports/breach-checker.js';

/**
 * Why a lookup failed: no answer within `timeoutMs`, a non-2xx status, a network error, or a body
 * that is not `SUFFIX:COUNT` lines.
 *
 * @example
 * ```ts
 * const reason: HibpFailureReason = 'timeout';
 * ```
 */
export type HibpFailureReason = 'timeout' | 'http_status' | 'network' | 'malformed_response';

/**
 * What `onFailure` receives. Never contains the password or any part of its hash.
 *
 * @example
 * ```ts
 * const failure: HibpFailure = { reason: 'http_status', status: 503, outcome: 'open' };
 * ```
 */
export interface HibpFailure {
  readonly reason: HibpFailureReason;
  /** The HTTP status for `http_status`. */
  readonly status?: number;
  /** What the checker did: answered "not breached" (`open`) or rejected (`closed`). */
  readonly outcome: 'open' | 'closed';
  /** The underlying error (network, abort), when there is one. */
  readonly cause?: unknown;
}

/**
 * Options of {@link hibpBreachChecker}.
 *
 * @example
 * ```ts
 * const options: HibpBreachCheckerOptions = { onError: 'open', timeoutMs: 2000, onFailure: (f) => log.warn(f) };
 * ```
 */
export interface HibpBreachCheckerOptions {
  /** The API root; `/range/{prefix}` is appended. Default `https://api.pwnedpasswords.com`. */
  readonly baseUrl?: string;
  /** Abort a lookup after this many milliseconds. Default 3000. */
  readonly timeoutMs?: number;
  /**
   * What a failed lookup means. `'closed'` (default): `occurrences` rejects with `PassrotateError`
   * `breach_check_failed`, so the password change fails rather than skip the promised check.
   * `'open'`: `occurrences` resolves to 0 ("not breached") and the failure goes to `onFailure`.
   */
  readonly onError?: 'open' | 'closed';
  /** Called on every failed lookup, in both modes (for logs and metrics). */
  readonly onFailure?: (failure: HibpFailure) => void;
  /** The `User-Agent` header (HIBP asks for one naming the app). Default `passrotate`. */
  readonly userAgent?: string;
  /** The fetch implementation. Default the global `fetch`. */
  readonly fetch?: typeof fetch;
}

const DEFAULT_BASE_URL = 'https://api.pwnedpasswords.com';
const LINE = /^([0-9A-Fa-f]{35}):(\d+)$/;

class LookupFailure extends Error {
  constructor(
    readonly reason: HibpFailureReason,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

/** The count of `suffix` in a range body; padding lines (count 0) count as absent. */
function countIn(body: string, suffix: string): number {
  let found = 0;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = LINE.exec(line);
    if (match === null) throw new LookupFailure('malformed_response');
    if ((match[1] as string).toUpperCase() === suffix) found = Number(match[2]);
  }
  return found;
}

/**
 * A {@link BreachChecker} over the HIBP Pwned Passwords range API: it computes the SHA-1 of the
 * password, sends `GET {baseUrl}/range/{first 5 hex}` with `Add-Padding: true` (so the response
 * size does not hint at the prefix), and looks for the other 35 characters in the `SUFFIX:COUNT`
 * lines of the answer, ignoring the padding entries (count 0). The password and the rest of its hash
 * never leave the process, and no failure report contains them.
 *
 * @param options - API root, timeout, fail-open or fail-closed, reporting, User-Agent.
 * @returns the checker; pass it as `breachChecker` to `validatePasswordAsync` or `createRotation`.
 * @throws TypeError for an invalid option.
 * @example
 * ```ts
 * import { hibpBreachChecker } from 'passrotate/adapters/hibp';
 * const breachChecker = hibpBreachChecker({ onError: 'open', onFailure: (f) => console.warn('HIBP', f.reason) });
 * await validatePasswordAsync(definePolicy({ rejectBreached: true }), candidate, { breachChecker });
 * ```
 */
export function hibpBreachChecker(options: HibpBreachCheckerOptions = {}): BreachChecker {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new TypeError('baseUrl must be an http(s) URL');
  const timeoutMs = options.timeoutMs ?? 3000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw new TypeError('timeoutMs must be a positive integer');
  const onError = options.onError ?? 'closed';
  if (onError !== 'open' && onError !== 'closed') throw new TypeError("onError must be 'open' or 'closed'");
  const userAgent = options.userAgent ?? 'passrotate';
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('no fetch: pass options.fetch');

  async function lookup(prefix: string, suffix: string): Promise<number> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let body: string;
    try {
      response = await fetchImpl(`${baseUrl}/range/${prefix}`, {
        headers: { 'Add-Padding': 'true', 'User-Agent': userAgent, Accept: 'text/plain' },
        signal,
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new LookupFailure('http_status', response.status);
      }
      body = await response.text();
    } catch (error) {
      if (error instanceof LookupFailure) throw error;
      throw new LookupFailure(signal.aborted ? 'timeout' : 'network', undefined, error);
    }
    return countIn(body, suffix);
  }

  return {
    async occurrences(password: string): Promise<number> {
      const hash = passwordSha1Hex(password);
      try {
        return await lookup(hash.slice(0, 5), hash.slice(5));
      } catch (error) {
        if (!(error instanceof LookupFailure)) throw error;
        const failure: HibpFailure = {
          reason: error.reason,
          ...(error.status === undefined ? {} : { status: error.status }),
          outcome: onError,
          ...(error.cause === undefined ? {} : { cause: error.cause }),
        };
        options.onFailure?.(failure);
        if (onError === 'open') return 0;
        const detail = error.status === undefined ? error.reason : `${error.reason} ${error.status}`;
        throw new PassrotateError('breach_check_failed', `hibp: range lookup failed (${detail})`, {
          cause: error.cause ?? error,
        });
      }
    },
  };
}
