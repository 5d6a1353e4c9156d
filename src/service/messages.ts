/** @module The service's own one-line reasons (refusals other than policy violations), per bundled locale. */
import type { LocaleId } from '../policy/index.js';

/** The refusals the service explains in words besides the policy's violations. */
export type ReasonCode =
  | 'invalid_current_password'
  | 'forbidden'
  | 'password_expired'
  | 'confirmation_mismatch'
  | 'policy_violation'
  | 'conflict'
  | 'rate_limited'
  | 'storage_failure';

const REASONS: { readonly [L in LocaleId]: { readonly [C in ReasonCode]: string } } = {
  en: {
    invalid_current_password: 'The current password is not correct.',
    forbidden: 'This mailbox is disabled.',
    password_expired: 'The temporary password has expired; ask your administrator for a new one.',
    confirmation_mismatch: 'The two new passwords do not match.',
    policy_violation: 'The new password does not meet the requirements:',
    conflict: 'The password was changed at the same time elsewhere; please try again.',
    rate_limited: 'Too many attempts; please wait and try again later.',
    storage_failure: 'The password could not be saved right now; please try again later.',
  },
  de: {
    invalid_current_password: 'Das aktuelle Passwort ist nicht korrekt.',
    forbidden: 'Dieses Postfach ist deaktiviert.',
    password_expired: 'Das vorläufige Passwort ist abgelaufen; bitten Sie Ihren Administrator um ein neues.',
    confirmation_mismatch: 'Die beiden neuen Passwörter stimmen nicht überein.',
    policy_violation: 'Das neue Passwort erfüllt die Anforderungen nicht:',
    conflict: 'Das Passwort wurde gleichzeitig an anderer Stelle geändert; bitte versuchen Sie es erneut.',
    rate_limited: 'Zu viele Versuche; bitte warten Sie und versuchen Sie es später erneut.',
    storage_failure:
      'Das Passwort kann gerade nicht gespeichert werden; bitte versuchen Sie es später erneut.',
  },
  fr: {
    invalid_current_password: 'Le mot de passe actuel est incorrect.',
    forbidden: 'Cette boîte aux lettres est désactivée.',
    password_expired: 'Le mot de passe temporaire a expiré ; demandez-en un nouveau à votre administrateur.',
    confirmation_mismatch: 'Les deux nouveaux mots de passe ne correspondent pas.',
    policy_violation: 'Le nouveau mot de passe ne respecte pas les exigences :',
    conflict: 'Le mot de passe a été modifié ailleurs au même moment ; veuillez réessayer.',
    rate_limited: 'Trop de tentatives ; veuillez patienter puis réessayer.',
    storage_failure:
      "Le mot de passe n'a pas pu être enregistré pour l'instant ; veuillez réessayer plus tard.",
  },
  nl: {
    invalid_current_password: 'Het huidige wachtwoord is onjuist.',
    forbidden: 'Deze mailbox is uitgeschakeld.',
    password_expired: 'Het tijdelijke wachtwoord is verlopen; vraag uw beheerder om een nieuw.',
    confirmation_mismatch: 'De twee nieuwe wachtwoorden komen niet overeen.',
    policy_violation: 'Het nieuwe wachtwoord voldoet niet aan de eisen:',
    conflict: 'Het wachtwoord is tegelijk elders gewijzigd; probeer het opnieuw.',
    rate_limited: 'Te veel pogingen; wacht even en probeer het later opnieuw.',
    storage_failure: 'Het wachtwoord kan nu niet worden opgeslagen; probeer het later opnieuw.',
  },
  es: {
    invalid_current_password: 'La contraseña actual no es correcta.',
    forbidden: 'Este buzón está desactivado.',
    password_expired: 'La contraseña temporal ha caducado; pida una nueva a su administrador.',
    confirmation_mismatch: 'Las dos contraseñas nuevas no coinciden.',
    policy_violation: 'La nueva contraseña no cumple los requisitos:',
    conflict: 'La contraseña se cambió al mismo tiempo en otro lugar; inténtelo de nuevo.',
    rate_limited: 'Demasiados intentos; espere e inténtelo más tarde.',
    storage_failure: 'La contraseña no se puede guardar ahora; inténtelo más tarde.',
  },
};

/** The sentence for `code` in `locale`. */
export function reasonText(code: ReasonCode, locale: LocaleId): string {
  return REASONS[locale][code];
}
