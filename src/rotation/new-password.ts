/** @module Picks the password an admin flow sets: the supplied one, or a generated compliant one. */
import { PassrotateError } from '../errors.js';
import type { ValidationResult } from '../policy/types.js';
import type { MailboxRecord } from '../ports/credential-store.js';
import { type GeneratorChoice, generateWith } from './generator-choice.js';
import { checkPolicy } from './policy-check.js';
import type { Runtime } from './runtime.js';

/** Generated candidates tried before giving up (a draw can collide with the account name or history). */
const GENERATION_ATTEMPTS = 20;

/**
 * The password an admin flow sets: one the admin typed, or a generated one (with the generator's
 * options, trying `first` — a candidate drawn before the record was read — before drawing more).
 *
 * @example
 * ```ts
 * const typed: PasswordChoice = { supplied: 'New-Secret-42' };
 * const generated: PasswordChoice = { generator: { length: 20 } };
 * ```
 */
export type PasswordChoice =
  | { readonly supplied: string }
  | { readonly generator?: GeneratorChoice; readonly first?: string };

/**
 * Validates the supplied password against the policy for `record`, or generates a password that
 * passes it, including the display-name and history checks a bare generator cannot see.
 *
 * @throws PassrotateError `generation_failed` when no candidate passes (a policy the generator
 * cannot meet for this mailbox).
 *
 * @example
 * ```ts
 * const picked = await pickPassword(rt, record, { generator: { passphrase: true } });
 * if (picked.validation.ok) use(picked.password);
 * ```
 */
export async function pickPassword(
  rt: Runtime,
  record: MailboxRecord,
  choice: PasswordChoice,
): Promise<{ readonly password: string; readonly validation: ValidationResult }> {
  if ('supplied' in choice)
    return { password: choice.supplied, validation: await checkPolicy(rt, record, choice.supplied, null) };
  const context = {
    account: record.account,
    ...(record.displayName === null ? {} : { displayName: record.displayName }),
  };
  for (let attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
    const password =
      attempt === 0 && choice.first !== undefined
        ? choice.first
        : generateWith(rt.deps.policy, choice.generator, rt.random, context);
    const validation = await checkPolicy(rt, record, password, null);
    if (validation.ok) return { password, validation };
  }
  throw new PassrotateError(
    'generation_failed',
    'rotation: no generated password passed the policy for this mailbox',
  );
}
