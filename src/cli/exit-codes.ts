/** @module The CLI's one exit-code scheme: 0 ok, 1 refused or mismatch, 2 usage, storage or other error. */

/**
 * Exit code of a command that did what it was asked.
 *
 * @example
 * ```ts
 * process.exitCode = EXIT_OK;
 * ```
 */
export const EXIT_OK = 0;

/**
 * Exit code of an expected refusal: a policy violation, a wrong password, a conflict, a missing mailbox.
 *
 * @example
 * ```ts
 * if (!check.ok) return EXIT_REFUSED;
 * ```
 */
export const EXIT_REFUSED = 1;

/**
 * Exit code of a usage error (bad flag, malformed account) or a failure to do the work at all
 * (storage unreachable, revoker failed, unexpected error).
 *
 * @example
 * ```ts
 * if (result.code === 'storage_failure') return EXIT_ERROR;
 * ```
 */
export const EXIT_ERROR = 2;

/** A failed flow result: its code and, for storage failures, possibly the underlying cause. */
interface FailedOutcome {
  readonly code: string;
  readonly cause?: unknown;
}

/**
 * The exit code of a failed flow result: 2 for `storage_failure` (the work could not be done),
 * 1 for every refusal.
 *
 * @example
 * ```ts
 * exitCodeOf({ ok: false, code: 'storage_failure' }); // 2
 * exitCodeOf({ ok: false, code: 'not_found' }); // 1
 * ```
 */
export function exitCodeOf(result: FailedOutcome): number {
  return result.code === 'storage_failure' ? EXIT_ERROR : EXIT_REFUSED;
}

/**
 * The code of a failed result for a message, followed by its cause's code when it carries one
 * (`storage_failure (cause: SQLITE_BUSY)`); never the cause's message, which may quote data.
 *
 * @example
 * ```ts
 * say(`not changed: ${describeFailure(result)}`);
 * ```
 */
export function describeFailure(result: FailedOutcome): string {
  const cause = causeCodeOf(result.cause);
  return cause === undefined ? result.code : `${result.code} (${cause})`;
}

function causeCodeOf(cause: unknown): string | undefined {
  if (typeof cause === 'string') return cause;
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, name } = cause as { code?: unknown; name?: unknown };
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return typeof name === 'string' ? name : undefined;
}
