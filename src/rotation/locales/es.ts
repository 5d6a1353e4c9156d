/** @module Spanish refusal messages. */
import type { RefusalMessages } from './messages.js';

/**
 * Spanish (`es`).
 *
 * @example
 * ```ts
 * formatRefusal({ ok: false, code: 'conflict' }, { locale: 'es' });
 * ```
 */
export const es: RefusalMessages = {
  invalid_current_password: () => 'La contraseña actual no es correcta.',
  confirmation_mismatch: () => 'La nueva contraseña y su confirmación no coinciden.',
  policy_violation: (r, h) => `La nueva contraseña no cumple todos los requisitos: ${h.violations(r)}`,
  rate_limited: (r, h) => `Demasiados intentos. Vuelva a intentarlo dentro de ${h.duration(r.retryAfterMs)}.`,
  conflict: () => 'La contraseña se cambió en otro lugar en el mismo momento. Vuelva a intentarlo.',
  not_found: () => 'Este buzón no existe.',
  forbidden: () => 'No tiene permiso para cambiar esta contraseña.',
  password_expired: () => 'Esta contraseña ha caducado. Pida una nueva a su administrador.',
  storage_failure: () =>
    'El servicio de contraseñas no está disponible; no se ha cambiado nada. Vuelva a intentarlo más tarde.',
  invalid_credentials: () => 'La dirección de correo o la contraseña no son correctas.',
  inactive: () => 'Este buzón está desactivado.',
  failed: (r) => `No se pudo establecer la contraseña de ${r.account} (${r.reason}).`,
  invalid_token: () =>
    'Este enlace de restablecimiento ya no es válido (usado, caducado o sustituido). Solicite uno nuevo.',
};
