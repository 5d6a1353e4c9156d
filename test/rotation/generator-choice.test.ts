import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  adminSetPassword,
  definePolicy,
  type GeneratorChoice,
  MAIL_SAFE_SPECIAL_CHARACTERS,
  presets,
  rotateDomain,
  validatePassword,
} from '../../src/index.js';
import { ALICE, fixture } from '../support/rotation-fixture.js';

const ROOT: Actor = { name: 'root', superadmin: true, domains: [] };
const MAILBOX = definePolicy(presets.mailbox);
const SPECIALS = [...MAILBOX.specialCharacters];

/** A generator choice the mailbox preset can meet, and a check that the password follows it. */
const choices: fc.Arbitrary<{ choice: GeneratorChoice; follows: (password: string) => boolean }> = fc.oneof(
  fc
    .record({ length: fc.integer({ min: 8, max: 40 }), specials: fc.constantFrom('policy', 'mail-safe') })
    .map(({ length, specials }) => ({
      choice: { length, specials: specials as 'policy' | 'mail-safe' },
      follows: (p: string) =>
        [...p].length === length &&
        [...p].every(
          (ch) =>
            /[A-Za-z0-9]/.test(ch) ||
            (specials === 'policy' ? SPECIALS : [...MAIL_SAFE_SPECIAL_CHARACTERS]).includes(ch),
        ),
    })),
  fc.subarray(SPECIALS, { minLength: 1 }).map((kept) => ({
    choice: { excludeCharacters: SPECIALS.filter((ch) => !kept.includes(ch)).join('') },
    follows: (p: string) => [...p].every((ch) => /[A-Za-z0-9]/.test(ch) || kept.includes(ch)),
  })),
  fc.integer({ min: 3, max: 8 }).map((words) => ({
    choice: { passphrase: true as const, words },
    follows: (p: string) => p.split('-').length >= words && /^[A-Z][a-z]+-/.test(p),
  })),
);

describe('generator options in the admin flows', () => {
  it('adminSetPassword generates what the options ask for, and it always passes the policy', async () => {
    await fc.assert(
      fc.asyncProperty(choices, async ({ choice, follows }) => {
        const f = await fixture();
        const deps = { ...f.deps, policy: MAILBOX };
        const result = await adminSetPassword(deps, {
          actor: ROOT,
          account: ALICE,
          generate: true,
          generator: choice,
        });
        if (!result.ok) throw new Error(result.code);
        const password = result.password ?? '';
        expect(follows(password), password).toBe(true);
        expect(validatePassword(MAILBOX, password, { account: ALICE, displayName: 'Alice Martin' }).ok).toBe(
          true,
        );
        expect(await f.passwordWorks(password)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('rotateDomain generates passphrases for every mailbox when asked', async () => {
    const f = await fixture();
    await f.store.createMailbox({
      account: 'bob@example.org',
      passwordHash: await f.hasher.hash('Seed-Password-00'),
    });
    const result = await rotateDomain(f.deps, {
      actor: ROOT,
      domain: 'example.org',
      generator: { passphrase: true, words: 5 },
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.mailboxes).toHaveLength(2);
    for (const m of result.mailboxes) {
      if (!m.ok || m.password === null) throw new Error('expected a password');
      expect(m.password.split('-').length).toBeGreaterThanOrEqual(5);
      expect(validatePassword(f.policy, m.password, { account: m.account }).ok).toBe(true);
      expect(await f.passwordWorks(m.password, m.account)).toBe(true);
    }
  });

  it('rotateDomain with mail-safe specials uses only those', async () => {
    const f = await fixture();
    const deps = { ...f.deps, policy: MAILBOX };
    const result = await rotateDomain(deps, {
      actor: ROOT,
      domain: 'example.org',
      generator: { length: 24, specials: 'mail-safe' },
    });
    if (!result.ok) throw new Error(result.code);
    const [m] = result.mailboxes;
    if (!m?.ok || m.password === null) throw new Error('expected a password');
    expect(m.password).toMatch(/^[A-Za-z0-9,\-.;=_~]{24}$/);
    expect(validatePassword(MAILBOX, m.password, { account: ALICE }).ok).toBe(true);
  });

  it('refuses an impossible request before touching any mailbox', async () => {
    const f = await fixture();
    await expect(
      rotateDomain(f.deps, { actor: ROOT, domain: 'example.org', generator: { length: 4 } }),
    ).rejects.toMatchObject({ code: 'invalid_generator_options' });
    expect((await f.store.get(ALICE))?.version).toBe(1);
    expect(f.audit.events).toEqual([]);
    await expect(
      adminSetPassword(f.deps, { actor: ROOT, account: ALICE, password: 'Cobalt-River-2026', generator: {} }),
    ).rejects.toThrow(TypeError);
  });
});
