/** @module SessionRevokers over the doveadm HTTP API: auth-cache flush and kick on one or many Dovecot backends. */
import { PassrotateError } from '../../errors.js';
import type { SessionRevoker } from '../../ports/index.js';
import { assertDoveadmAccount } from './session-revoker.js';

/**
 * One Dovecot backend's doveadm HTTP API: `doveadm_api_key = KEY` and
 * `service doveadm { inet_listener http { address = …; port = … } }` in its config.
 *
 * @example
 * ```ts
 * const backend: DoveadmHttpBackend = { url: 'http://10.0.0.5:8080/', apiKey: 'from-a-secret-file' };
 * ```
 */
export interface DoveadmHttpBackend {
  /** The listener, `http://HOST:PORT/` (posts to `/doveadm/v1`), or the full endpoint URL. */
  readonly url: string;
  /** Its `doveadm_api_key`, sent as `Authorization: X-Dovecot-API base64(KEY)`. */
  readonly apiKey: string;
  /** Names this backend's outbox rows (default: the URL's `host:port`); unique among backends. */
  readonly name?: string;
}

/**
 * Options of `dovecotHttpRevokers`.
 *
 * @example
 * ```ts
 * const options: DovecotHttpRevokersOptions = { backends: [a, b], timeoutMs: 5_000 };
 * ```
 */
export interface DovecotHttpRevokersOptions {
  readonly backends: readonly DoveadmHttpBackend[];
  /** Abort a request after this long (default 10 s). */
  readonly timeoutMs?: number;
}

/** doveadm kick's exit code when no connection matched (EX_NOHOST): nothing to do, not a failure. */
const NOTHING_KICKED = 68;

type DoveadmCall = readonly [command: string, parameters: Record<string, unknown>, tag: string];

function endpointOf(url: string): URL {
  const endpoint = new URL(url);
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') {
    throw new TypeError('doveadm HTTP API: url must be http:// or https://');
  }
  if (endpoint.pathname === '/' || endpoint.pathname === '') endpoint.pathname = '/doveadm/v1';
  return endpoint;
}

/** Posts the calls in one request and checks every tag's answer; rejects on any failure. */
async function post(
  backend: DoveadmHttpBackend,
  endpoint: URL,
  calls: readonly DoveadmCall[],
  timeoutMs: number,
): Promise<void> {
  const label = backend.name ?? endpoint.host;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      redirect: 'error',
      headers: {
        Authorization: `X-Dovecot-API ${Buffer.from(backend.apiKey, 'utf8').toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(calls),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as { name?: string } | null)?.name === 'TimeoutError';
    throw new PassrotateError(
      timedOut ? 'doveadm_api_timeout' : 'doveadm_api_unreachable',
      `doveadm HTTP API of ${label} ${timedOut ? 'timed out' : 'could not be reached'}`,
      { cause: error },
    );
  }
  const text = await response.text();
  if (response.status !== 200) {
    throw new PassrotateError(
      'doveadm_api_failed',
      `doveadm HTTP API of ${label} answered HTTP ${response.status}`,
    );
  }
  let answers: unknown;
  try {
    answers = JSON.parse(text);
  } catch (error) {
    throw new PassrotateError('doveadm_api_failed', `doveadm HTTP API of ${label} answered non-JSON`, {
      cause: error,
    });
  }
  for (const [command, , tag] of calls) {
    const answer = Array.isArray(answers) ? answers.find((a) => Array.isArray(a) && a[2] === tag) : undefined;
    if (answer?.[0] === 'doveadmResponse') continue;
    const exitCode = (answer?.[1] as { exitCode?: unknown } | undefined)?.exitCode;
    if (answer?.[0] === 'error' && command === 'kick' && exitCode === NOTHING_KICKED) continue;
    throw new PassrotateError(
      'doveadm_api_failed',
      `doveadm HTTP API of ${label}: ${command} ${answer === undefined ? 'got no answer' : `failed (exit code ${String(exitCode)})`}`,
    );
  }
}

function backendSteps(backend: DoveadmHttpBackend, timeoutMs: number) {
  const endpoint = endpointOf(backend.url);
  return {
    name: backend.name ?? endpoint.host,
    run: async (account: string, kick: boolean): Promise<void> => {
      assertDoveadmAccount(account);
      const calls: DoveadmCall[] = [['authCacheFlush', { user: [account] }, 'flush']];
      if (kick) calls.push(['kick', { mask: [account] }, 'kick']);
      await post(backend, endpoint, calls, timeoutMs);
    },
  };
}

/**
 * Revokers for a Dovecot cluster over the doveadm HTTP API (Dovecot 2.3): for every backend, an
 * `alwaysRun` auth-cache flush named `dovecot-auth-cache@NAME` and a session revoker named
 * `dovecot@NAME` (flush, then kick the user's IMAP/POP connections), where NAME is the backend's
 * `name` or `host:port`. Each is its own outbox row, so a backend that is down fails alone: the
 * others are done, and its rows are retried by `resumePendingRevocations` until it answers. A kick
 * that finds nobody (exit code 68) is success; an HTTP status other than 200, an `error` answer,
 * a missing answer, a network error or a timeout reject with `PassrotateError`
 * (`doveadm_api_failed`, `doveadm_api_unreachable`, `doveadm_api_timeout`). Accounts doveadm
 * would read as a mask, an IP range or an option are refused (`doveadm_unsafe_account`) before
 * any request. Redirects are refused, so the API key goes to the configured URL only.
 *
 * @example
 * ```ts
 * const revokers = [
 *   sessionStoreRevoker(sessions),
 *   ...dovecotHttpRevokers({
 *     backends: [
 *       { url: 'http://10.0.0.5:8080/', apiKey },
 *       { url: 'http://10.0.0.6:8080/', apiKey },
 *     ],
 *   }),
 * ];
 * ```
 */
export function dovecotHttpRevokers(options: DovecotHttpRevokersOptions): SessionRevoker[] {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const steps = options.backends.map((backend) => backendSteps(backend, timeoutMs));
  const names = steps.map((s) => s.name);
  if (new Set(names).size !== names.length) {
    throw new TypeError('dovecotHttpRevokers: backend names must be unique (set `name`)');
  }
  return steps.flatMap(({ name, run }): SessionRevoker[] => [
    {
      name: `dovecot-auth-cache@${name}`,
      alwaysRun: true,
      revoke: async ({ account }) => run(account, false),
    },
    { name: `dovecot@${name}`, revoke: async ({ account }) => run(account, true) },
  ]);
}
