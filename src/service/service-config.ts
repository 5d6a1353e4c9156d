/** @module What the HTTP service runs over: the flows' ports, the credentials, the limits, the log. */
import type { LocaleId } from '../policy/index.js';
import type { AttemptLimiter } from '../ports/index.js';
import type { Actor, RotationDeps } from '../rotation/index.js';

/**
 * The service's settings. The flows' own per-account and per-client limits come from
 * `rotation.limiter`; `authLimiter` counts wrong secrets per client.
 *
 * @example
 * ```ts
 * const config: ServiceConfig = { rotation, secret, authLimiter: memoryAttemptLimiter({ limit: 10 }) };
 * ```
 */
export interface ServiceConfig {
  readonly rotation: RotationDeps;
  /** The panels' shared secret, sent as the HTTP Basic password. */
  readonly secret: string;
  /** The admin credential (its own secret) and the domains it may set passwords in. */
  readonly admin?: { readonly secret: string; readonly actor: Actor };
  /** Counts wrong secrets per client address; past its limit the answer is 429. */
  readonly authLimiter: AttemptLimiter;
  /** Locale when the caller names none. Default `en`. */
  readonly locale?: LocaleId;
  /** Largest request body in bytes. Default 16 KiB. */
  readonly maxBodyBytes?: number;
  /** Receives one line per request: method, path, status, outcome, account — never a password. Default: none. */
  readonly log?: (line: string) => void;
}
