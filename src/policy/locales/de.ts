/** @module German messages. */
import type { LocaleMessages } from './messages.js';

const s = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The passphrase-exemption suffix of a composition requirement line. */
const waived = (from: number | null | undefined): string =>
  from == null ? '' : ` (ab ${from} Zeichen nicht nötig)`;

/**
 * German (`de`).
 *
 * @example
 * ```ts
 * formatViolation({ code: 'missing_digit', minimum: 1, actual: 0 }, { locale: de });
 * ```
 */
export const de: LocaleMessages = {
  tag: 'de',
  classNames: {
    uppercase: 'Großbuchstaben',
    lowercase: 'Kleinbuchstaben',
    digit: 'Ziffern',
    special: 'Sonderzeichen',
  },
  violations: {
    too_short: (v) => `Verwenden Sie mindestens ${s(v.minimum, 'Zeichen', 'Zeichen')} (derzeit ${v.actual}).`,
    too_long: (v) => `Verwenden Sie höchstens ${s(v.maximum, 'Zeichen', 'Zeichen')} (derzeit ${v.actual}).`,
    missing_uppercase: (v) =>
      `Fügen Sie mindestens ${s(v.minimum, 'Großbuchstaben', 'Großbuchstaben')} hinzu.`,
    missing_lowercase: (v) =>
      `Fügen Sie mindestens ${s(v.minimum, 'Kleinbuchstaben', 'Kleinbuchstaben')} hinzu.`,
    missing_digit: (v) => `Fügen Sie mindestens ${s(v.minimum, 'Ziffer', 'Ziffern')} hinzu.`,
    missing_special: (v) =>
      `Fügen Sie mindestens ${s(v.minimum, 'Sonderzeichen', 'Sonderzeichen')} hinzu, z. B. ${v.characters}.`,
    too_few_classes: (v, h) => `Verwenden Sie mindestens ${v.minimum} davon: ${h.classes(v.classes)}.`,
    disallowed_character: (v) =>
      ({
        control: 'Entfernen Sie Steuerzeichen wie Tabulatoren und Zeilenumbrüche.',
        not_allowed: 'Entfernen Sie die nicht erlaubten Zeichen.',
        lone_surrogate: 'Entfernen Sie das ungültige Zeichen.',
        not_normalized:
          'Geben Sie Akzente und Symbole in der üblichen zusammengesetzten Form ein; diese Form passt auf anderen Geräten womöglich nicht.',
      })[v.reason],
    repeated_characters: (v) =>
      `Wiederholen Sie ein Zeichen nicht öfter als ${v.maximum}-mal hintereinander.`,
    sequential_characters: (v) =>
      `Vermeiden Sie Folgen von mehr als ${v.maximum} Zeichen wie abcd, 4321 oder qwertz.`,
    common_password: () => 'Dieses Passwort ist zu verbreitet. Wählen Sie etwas weniger Vorhersehbares.',
    contains_account: (v) =>
      ({
        local_part: 'Verwenden Sie nicht den Namen Ihres Postfachs im Passwort.',
        domain: 'Verwenden Sie nicht den Domainnamen im Passwort.',
        display_name: 'Verwenden Sie nicht Ihren Namen im Passwort.',
      })[v.part],
    same_as_current: () => 'Das neue Passwort muss sich vom aktuellen unterscheiden.',
    too_similar_to_current: () => 'Das neue Passwort ist dem aktuellen zu ähnlich.',
    reused_password: (v) =>
      v.history === 1
        ? 'Verwenden Sie Ihr vorheriges Passwort nicht erneut.'
        : `Verwenden Sie keines Ihrer letzten ${v.history} Passwörter erneut.`,
    breached_password: () => 'Dieses Passwort ist in einem Datenleck aufgetaucht. Wählen Sie ein anderes.',
    confirmation_mismatch: () => 'Die Passwörter stimmen nicht überein.',
    pattern_mismatch: (v) =>
      v.message?.de ?? v.message?.en ?? `Das Passwort erfüllt die Regel „${v.id}“ nicht.`,
  },
  requirements: {
    too_short: (r) => `Mindestens ${s(r.minimum, 'Zeichen', 'Zeichen')}`,
    too_long: (r) => `Höchstens ${s(r.maximum, 'Zeichen', 'Zeichen')}`,
    missing_uppercase: (r) =>
      `Mindestens ${s(r.minimum, 'Großbuchstabe', 'Großbuchstaben')}${waived(r.waivedFrom)}`,
    missing_lowercase: (r) =>
      `Mindestens ${s(r.minimum, 'Kleinbuchstabe', 'Kleinbuchstaben')}${waived(r.waivedFrom)}`,
    missing_digit: (r) => `Mindestens ${s(r.minimum, 'Ziffer', 'Ziffern')}${waived(r.waivedFrom)}`,
    missing_special: (r) =>
      `Mindestens ${s(r.minimum, 'Sonderzeichen', 'Sonderzeichen')} (${r.characters})${waived(r.waivedFrom)}`,
    too_few_classes: (r, h) =>
      `Mindestens ${r.minimum} davon: ${h.classes(r.classes)}${waived(r.waivedFrom)}`,
    disallowed_character: (r) =>
      r.allowed === 'printable_ascii'
        ? 'Nur Buchstaben ohne Akzente, Ziffern, Leerzeichen und ASCII-Symbole'
        : r.allowed === 'custom'
          ? `Nur diese Zeichen: ${r.characters}`
          : 'Keine Steuerzeichen wie Tabulatoren oder Zeilenumbrüche',
    repeated_characters: (r) => `Kein Zeichen öfter als ${r.maximum}-mal hintereinander`,
    sequential_characters: (r) => `Keine Folge länger als ${r.maximum} Zeichen (abcd, 4321, qwertz)`,
    common_password: () => 'Kein verbreitetes Passwort',
    contains_account: () => 'Enthält weder Ihren Namen noch den Namen des Postfachs oder der Domain',
    too_similar_to_current: () => 'Deutlich anders als das aktuelle Passwort',
    reused_password: (r) =>
      r.history === 1 ? 'Nicht Ihr vorheriges Passwort' : `Keines Ihrer letzten ${r.history} Passwörter`,
    breached_password: () => 'Nicht in bekannten Datenlecks enthalten',
    pattern_mismatch: (r) => r.message?.de ?? r.message?.en ?? `Erfüllt die Regel „${r.id}“`,
  },
};
