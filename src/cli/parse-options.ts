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

/** A domain name as mail servers take it: dot-separated non-empty labels without spaces, `@` or controls. */
function isDomainName(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 253 &&
    value.split('.').every((label) => /^[^\s@:/\\\p{Cc}]{1,63}$/u.test(label))
  );
}

/**
 * Parses a mailbox address option (`--account alice@example.org`): a non-empty local part, one
 * `@`, a domain name. Anything else is a usage error (exit 2) before any store is opened.
 *
 * @example
 * ```ts
 * command.requiredOption('--account <address>', 'the mailbox, user@domain', parseAccount);
 * ```
 */
export function parseAccount(value: string): string {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  if (at <= 0 || /[\s:\p{Cc}]/u.test(local) || !isDomainName(value.slice(at + 1))) {
    throw new InvalidArgumentError('must be a full mailbox address, local@domain');
  }
  return value;
}

/**
 * Parses a domain option (`--domain example.org`); anything else is a usage error (exit 2).
 *
 * @example
 * ```ts
 * command.requiredOption('--domain <domain>', 'the domain to rotate', parseDomain);
 * ```
 */
export function parseDomain(value: string): string {
  if (!isDomainName(value)) throw new InvalidArgumentError('must be a domain name, such as example.org');
  return value;
}
