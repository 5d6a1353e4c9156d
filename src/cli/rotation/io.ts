/** @module Small output helpers of the storage commands: messages, violations, CSV. */
import { formatViolation } from '../../policy/index.js';
import type { Violation } from '../../policy/types.js';

/**
 * Writes `passrotate: message` to stderr.
 *
 * @example
 * ```ts
 * say('password set for alice@example.org');
 * ```
 */
export function say(message: string): void {
  process.stderr.write(`passrotate: ${message}\n`);
}

/**
 * Prints every violation on stderr, one per line: the code, then the English message.
 *
 * @example
 * ```ts
 * reportViolations([{ code: 'too_short', minimum: 8, actual: 5 }]);
 * ```
 */
export function reportViolations(violations: readonly Violation[]): void {
  for (const v of violations) process.stderr.write(`  ${v.code}: ${formatViolation(v)}\n`);
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line (RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes
 * doubled). A field starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` and
 * is quoted, as OWASP's CSV injection guidance says, so no spreadsheet runs it as a formula; the
 * reader must drop that `'` (the JSON output keeps every value exact).
 *
 * @example
 * ```ts
 * csvLine(['alice@example.org', 'p,w"1']); // 'alice@example.org,"p,w""1"\r\n'
 * csvLine(['=1+1']); // `"'=1+1"\r\n`
 * ```
 */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(field: string): string {
  if (FORMULA_START.test(field)) return `"'${field.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
