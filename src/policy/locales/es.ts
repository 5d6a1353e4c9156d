/** @module Spanish messages. */
import type { LocaleMessages } from './messages.js';

const s = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The passphrase-exemption suffix of a composition requirement line. */
const waived = (from: number | null | undefined): string =>
  from == null ? '' : ` (innecesario a partir de ${from} caracteres)`;

/**
 * Spanish (`es`).
 *
 * @example
 * ```ts
 * formatViolation({ code: 'missing_digit', minimum: 1, actual: 0 }, { locale: es });
 * ```
 */
export const es: LocaleMessages = {
  tag: 'es',
  classNames: {
    uppercase: 'mayúsculas',
    lowercase: 'minúsculas',
    digit: 'dígitos',
    special: 'caracteres especiales',
  },
  violations: {
    too_short: (v) => `Use al menos ${s(v.minimum, 'carácter', 'caracteres')} (ahora ${v.actual}).`,
    too_long: (v) => `Use como máximo ${s(v.maximum, 'carácter', 'caracteres')} (ahora ${v.actual}).`,
    missing_uppercase: (v) => `Añada al menos ${s(v.minimum, 'mayúscula', 'mayúsculas')}.`,
    missing_lowercase: (v) => `Añada al menos ${s(v.minimum, 'minúscula', 'minúsculas')}.`,
    missing_digit: (v) => `Añada al menos ${s(v.minimum, 'dígito', 'dígitos')}.`,
    missing_special: (v) =>
      `Añada al menos ${s(v.minimum, 'carácter especial', 'caracteres especiales')}, como ${v.characters}.`,
    too_few_classes: (v, h) => `Use al menos ${v.minimum} de estos tipos: ${h.classes(v.classes)}.`,
    disallowed_character: (v) =>
      ({
        control: 'Quite los caracteres de control, como tabulaciones y saltos de línea.',
        not_allowed: 'Quite los caracteres no permitidos.',
        lone_surrogate: 'Quite el carácter no válido.',
        not_normalized:
          'Escriba los acentos y símbolos en su forma compuesta habitual; esta forma puede no funcionar desde otros dispositivos.',
      })[v.reason],
    repeated_characters: (v) => `No repita un carácter más de ${v.maximum} veces seguidas.`,
    sequential_characters: (v) =>
      `Evite secuencias de más de ${v.maximum} caracteres, como abcd, 4321 o qwerty.`,
    common_password: () => 'Esta contraseña es demasiado común. Elija algo menos previsible.',
    contains_account: (v) =>
      ({
        local_part: 'No use el nombre de su buzón en la contraseña.',
        domain: 'No use el nombre de dominio en la contraseña.',
        display_name: 'No use su nombre en la contraseña.',
      })[v.part],
    same_as_current: () => 'La nueva contraseña debe ser distinta de la actual.',
    too_similar_to_current: () => 'La nueva contraseña se parece demasiado a la actual.',
    reused_password: (v) =>
      v.history === 1
        ? 'No reutilice su contraseña anterior.'
        : `No reutilice ninguna de sus ${v.history} últimas contraseñas.`,
    breached_password: () => 'Esta contraseña ha aparecido en una filtración de datos. Elija otra.',
    confirmation_mismatch: () => 'Las contraseñas no coinciden.',
    pattern_mismatch: (v) =>
      v.message?.es ?? v.message?.en ?? `Esta contraseña no cumple la regla «${v.id}».`,
  },
  requirements: {
    too_short: (r) => `Al menos ${s(r.minimum, 'carácter', 'caracteres')}`,
    too_long: (r) => `Como máximo ${s(r.maximum, 'carácter', 'caracteres')}`,
    missing_uppercase: (r) => `Al menos ${s(r.minimum, 'mayúscula', 'mayúsculas')}${waived(r.waivedFrom)}`,
    missing_lowercase: (r) => `Al menos ${s(r.minimum, 'minúscula', 'minúsculas')}${waived(r.waivedFrom)}`,
    missing_digit: (r) => `Al menos ${s(r.minimum, 'dígito', 'dígitos')}${waived(r.waivedFrom)}`,
    missing_special: (r) =>
      `Al menos ${s(r.minimum, 'carácter especial', 'caracteres especiales')} (${r.characters})` +
      waived(r.waivedFrom),
    too_few_classes: (r, h) =>
      `Al menos ${r.minimum} de estos tipos: ${h.classes(r.classes)}${waived(r.waivedFrom)}`,
    disallowed_character: (r) =>
      r.allowed === 'printable_ascii'
        ? 'Solo letras sin acentos, dígitos, espacios y símbolos ASCII'
        : r.allowed === 'custom'
          ? `Solo estos caracteres: ${r.characters}`
          : 'Ningún carácter de control (tabulación, salto de línea)',
    repeated_characters: (r) => `Ningún carácter más de ${r.maximum} veces seguidas`,
    sequential_characters: (r) => `Ninguna secuencia de más de ${r.maximum} caracteres (abcd, 4321, qwerty)`,
    common_password: () => 'No es una contraseña común',
    contains_account: () => 'No contiene su nombre, el nombre del buzón ni el dominio',
    too_similar_to_current: () => 'Claramente distinta de la contraseña actual',
    reused_password: (r) =>
      r.history === 1 ? 'No es su contraseña anterior' : `Ninguna de sus ${r.history} últimas contraseñas`,
    breached_password: () => 'No aparece en filtraciones de datos conocidas',
    pattern_mismatch: (r) => r.message?.es ?? r.message?.en ?? `Cumple la regla «${r.id}»`,
  },
};
