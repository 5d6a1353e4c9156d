/** @module Dutch refusal messages. */
import type { RefusalMessages } from './messages.js';

/**
 * Dutch (`nl`).
 *
 * @example
 * ```ts
 * formatRefusal({ ok: false, code: 'conflict' }, { locale: 'nl' });
 * ```
 */
export const nl: RefusalMessages = {
  invalid_current_password: () => 'Het huidige wachtwoord is onjuist.',
  confirmation_mismatch: () => 'Het nieuwe wachtwoord en de bevestiging komen niet overeen.',
  policy_violation: (r, h) => `Het nieuwe wachtwoord voldoet niet aan alle eisen: ${h.violations(r)}`,
  rate_limited: (r, h) => `Te veel pogingen. Probeer het over ${h.duration(r.retryAfterMs)} opnieuw.`,
  conflict: () => 'Het wachtwoord is op hetzelfde moment elders gewijzigd. Probeer het opnieuw.',
  not_found: () => 'Deze mailbox bestaat niet.',
  forbidden: () => 'U mag dit wachtwoord niet wijzigen.',
  password_expired: () => 'Dit wachtwoord is verlopen. Vraag uw beheerder om een nieuw wachtwoord.',
  storage_failure: () =>
    'De wachtwoorddienst is niet beschikbaar; er is niets gewijzigd. Probeer het later opnieuw.',
  invalid_credentials: () => 'Het e-mailadres of wachtwoord is onjuist.',
  inactive: () => 'Deze mailbox is uitgeschakeld.',
  failed: (r) => `Het wachtwoord van ${r.account} kon niet worden ingesteld (${r.reason}).`,
  invalid_token: () =>
    'Deze resetlink is niet meer geldig (gebruikt, verlopen of vervangen). Vraag een nieuwe aan.',
};
