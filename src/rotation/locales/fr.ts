/** @module French refusal messages. */
import type { RefusalMessages } from './messages.js';

/**
 * French (`fr`).
 *
 * @example
 * ```ts
 * formatRefusal({ ok: false, code: 'conflict' }, { locale: 'fr' });
 * ```
 */
export const fr: RefusalMessages = {
  invalid_current_password: () => 'Le mot de passe actuel est incorrect.',
  confirmation_mismatch: () => 'Le nouveau mot de passe et sa confirmation ne correspondent pas.',
  policy_violation: (r, h) =>
    `Le nouveau mot de passe ne remplit pas toutes les exigences : ${h.violations(r)}`,
  rate_limited: (r, h) => `Trop de tentatives. Veuillez réessayer dans ${h.duration(r.retryAfterMs)}.`,
  conflict: () => 'Le mot de passe a été modifié ailleurs au même moment. Veuillez réessayer.',
  not_found: () => "Cette boîte aux lettres n'existe pas.",
  forbidden: () => "Vous n'êtes pas autorisé à modifier ce mot de passe.",
  password_expired: () => 'Ce mot de passe a expiré. Demandez-en un nouveau à votre administrateur.',
  storage_failure: () =>
    "Le service des mots de passe est indisponible ; rien n'a été modifié. Veuillez réessayer plus tard.",
  invalid_credentials: () => "L'adresse e-mail ou le mot de passe est incorrect.",
  inactive: () => 'Cette boîte aux lettres est désactivée.',
  failed: (r) => `Le mot de passe de ${r.account} n'a pas pu être défini (${r.reason}).`,
  invalid_token: () =>
    'Ce lien de réinitialisation n’est plus valable (utilisé, expiré ou remplacé). Veuillez en demander un nouveau.',
};
