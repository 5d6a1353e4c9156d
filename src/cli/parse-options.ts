/** @module Option-value parsers shared by the CLI commands (they reject bad values as usage errors). */
import { InvalidArgumentError } from 'commander';

/**
 * Parses a positive integer option value (`--count 3`); anything else is a usage error (exit 2).
 *
 * @example
 * ```ts
 * new Option('--count <n>').argParser(parsePositiveInteger);
 * ```
 */
export function parsePositiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('must be a positive integer');
  }
  return n;
}

/**
 * A parser accepting only `choices` (`--format text`); anything else is a usage error (exit 2).
 *
 * @example
 * ```ts
 * new Option('--format <f>').argParser(oneOf(['text', 'json']));
 * ```
 */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`must be one of ${choices.join(', ')}`);
    }
    return value as T;
  };
}
