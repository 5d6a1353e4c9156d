/** @module The library's own error class for programmer and configuration mistakes. */

/**
 * Thrown for programmer or configuration errors (never for expected outcomes, which are returned).
 * `code` is stable snake_case; `message` never contains a password or a hash's secret part.
 *
 * @example
 * ```ts
 * try { definePolicy({ minLength: 20, maxLength: 8 }); }
 * catch (e) { if (e instanceof PassrotateError) console.error(e.code); } // 'invalid_policy'
 * ```
 */
export class PassrotateError extends Error {
  /** Stable machine-readable code, e.g. `invalid_policy`, `malformed_hash`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PassrotateError';
    this.code = code;
  }
}
