/** @module An admin with rights on the domain sets a mailbox's password, without the current one. */
import { commitChange } from './commit-change.js';
import { domainOf, maxAgeExpiry, mayManage } from './decisions.js';
import { type GeneratorChoice, generateWith } from './generator-choice.js';
import { hashAhead } from './hash-ahead.js';
import { pickPassword } from './new-password.js';
import { runRevocations } from './run-revocations.js';
import { refuser, runtime, stored } from './runtime.js';
import type { StorageFailure } from './storage-failure.js';
import type { Actor, PolicyRefusal, RevocationMode, RevocationReport, RotationDeps } from './types.js';

/**
 * The admin panel's "edit mailbox → password" form.
 *
 * @example
 * ```ts
 * const input: AdminSetPasswordInput = {
 *   actor: { name: 'admin@example.org', domains: ['example.org'] },
 *   account: 'alice@example.org',
 *   generate: true,
 * };
 * ```
 */
export interface AdminSetPasswordInput {
  readonly actor: Actor;
  readonly account: string;
  /** The new password; give it or set `generate`, not both. */
  readonly password?: string;
  /** Generate a compliant password and return it once (the "New" + "Copy" buttons). */
  readonly generate?: boolean;
  /** With `generate`: password or passphrase, and the generator's options (length, specials…). */
  readonly generator?: GeneratorChoice;
  /**
   * Must change at next login, and expires after `temporaryPasswordTtlMs` (else it expires after
   * `passwordMaxAge`, when set). Default `true`: OWASP
   * ASVS 5.0 §6.4.1 wants initial passwords to expire soon and never become the long-term password.
   */
  readonly temporary?: boolean;
  /** Which of the owner's sessions to end. Default `all`. */
  readonly revoke?: Exclude<RevocationMode, 'others'>;
}

/**
 * The outcome of {@link adminSetPassword}. `password` is present only when generated: show it
 * once, never store or log it.
 *
 * @example
 * ```ts
 * if (result.ok && result.password) copyButton.value = result.password;
 * ```
 */
export type AdminSetPasswordResult =
  | {
      readonly ok: true;
      readonly version: number;
      readonly changedAt: Date;
      readonly mustChange: boolean;
      readonly expiresAt: Date | null;
      readonly password?: string;
      readonly revocation: RevocationReport;
    }
  | PolicyRefusal
  | { readonly ok: false; readonly code: 'forbidden' | 'not_found' | 'conflict' }
  | StorageFailure;

/**
 * Sets a mailbox's password as an admin: the actor must hold rights on the mailbox's domain (or be
 * a superadmin) else `forbidden` — checked before the store is read, so nothing leaks about other
 * domains. The policy applies to a supplied password (account, display-name and history checks;
 * there is no current password to compare with). A password the policy's record-free rules accept
 * is hashed while the mailbox is read (`hashAhead`), so the flow takes about one key derivation
 * plus one write; one that the display-name or history check then refuses was hashed for nothing
 * (never stored). The owner's sessions are revoked as in
 * {@link changeOwnPassword}; the event is audited with the actor and the owner is notified.
 *
 * @throws TypeError unless exactly one of `password` and `generate` is given, or when `generator`
 *   comes without `generate`.
 * @throws PassrotateError `generation_failed` when the generator cannot satisfy the policy;
 *   `invalid_generator_options` when `generator` asks for what the policy cannot give.
 *
 * @example
 * ```ts
 * const result = await adminSetPassword(deps, {
 *   actor,
 *   account: 'alice@example.org',
 *   generate: true,
 *   generator: { length: 20, specials: 'mail-safe' },
 * });
 * if (result.ok) console.log(result.password, result.expiresAt);
 * ```
 */
export async function adminSetPassword(
  deps: RotationDeps,
  input: AdminSetPasswordInput,
): Promise<AdminSetPasswordResult> {
  const rt = runtime(deps);
  const generate = input.generate === true;
  if (generate === (input.password !== undefined)) {
    throw new TypeError('adminSetPassword: give either password or generate: true');
  }
  if (input.generator !== undefined && !generate) {
    throw new TypeError('adminSetPassword: generator applies only with generate: true');
  }
  const account = input.account.toLowerCase();
  const temporary = input.temporary ?? true;
  const refuse = refuser(rt, 'password_change_refused', account, input.actor.name, { by: 'admin' });

  const domain = domainOf(account);
  if (domain === null || !mayManage(input.actor, domain))
    return refuse({ ok: false, code: 'forbidden' } as const);
  const getting = stored(() => deps.store.get(account));
  // The candidate is drawn and hashed while the mailbox is read; the full check below decides.
  const candidate = generate
    ? generateWith(deps.policy, input.generator, rt.random, { account })
    : (input.password as string);
  const hashing = hashAhead(rt, candidate, { account });
  const got = await getting;
  if (!got.ok) return refuse(got);
  const record = got.value;
  if (!record) return refuse({ ok: false, code: 'not_found' } as const);

  const picked = await pickPassword(
    rt,
    record,
    generate
      ? { ...(input.generator ? { generator: input.generator } : {}), first: candidate }
      : { supplied: candidate },
  );
  if (!picked.validation.ok) {
    const violations = picked.validation.violations;
    return refuse({ ok: false, code: 'policy_violation', violations } as const);
  }
  const now = rt.clock.now();
  const expiresAt = temporary
    ? new Date(now.getTime() + rt.temporaryPasswordTtlMs)
    : maxAgeExpiry(deps.passwordMaxAge, domain, now);
  const result = await commitChange(rt, {
    record,
    password: picked.password,
    ...(hashing !== null && picked.password === candidate ? { passwordHash: hashing } : {}),
    mustChange: temporary,
    expiresAt,
    revoke: input.revoke ?? 'all',
    keepSessionId: null,
    now,
    audit: {
      type: 'password_set_by_admin',
      actor: input.actor.name,
      details: { generated: generate, temporary },
    },
  });
  if (!result.ok) return refuse(result);
  // The change's audit event (unless the write recorded it) is recorded while the revokers run.
  const [, revocation] = await Promise.all([
    result.event === null ? undefined : rt.audit(result.event),
    runRevocations(rt, result.rows, input.actor.name, result.applied, result.auditedInWrite),
  ]);
  await rt.notify({ kind: 'password_set_by_admin', account, at: result.changedAt, actor: input.actor.name });
  return {
    ok: true,
    version: result.version,
    changedAt: result.changedAt,
    mustChange: temporary,
    expiresAt,
    ...(generate ? { password: picked.password } : {}),
    revocation,
  };
}
