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
 * Validates `supplied` against the policy for `record`, or (when `supplied` is `null`) generates
 * a password that passes it (with `generator`'s options), including the history checks a bare
 * generator cannot see.
 *
 * @throws PassrotateError `generation_failed` when no candidate passes (a policy the generator
 * cannot meet for this mailbox).
 *
 * @example
 * ```ts
 * const picked = await pickPassword(rt, record, null);
 * if (picked.validation.ok) use(picked.password);
 * ```
 */
export async function pickPassword(
  rt: Runtime,
  record: MailboxRecord,
  supplied: string | null,
  generator?: GeneratorChoice,
): Promise<{ readonly password: string; readonly validation: ValidationResult }> {
  if (supplied !== null)
    return { password: supplied, validation: await checkPolicy(rt, record, supplied, null) };
  for (let attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
    const context = {
      account: record.account,
      ...(record.displayName === null ? {} : { displayName: record.displayName }),
    };
    const password = generateWith(rt.deps.policy, generator, rt.random, context);
    const validation = await checkPolicy(rt, record, password, null);
    if (validation.ok) return { password, validation };
  }
  throw new PassrotateError(
    'generation_failed',
    'rotation: no generated password passed the policy for this mailbox',
  );
}
