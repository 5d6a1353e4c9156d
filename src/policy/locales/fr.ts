/** @module French messages. */
import type { LocaleMessages } from './messages.js';

const s = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The passphrase-exemption suffix of a composition requirement line. */
const waived = (from: number | null | undefined): string =>
  from == null ? '' : ` (inutile à partir de ${from} caractères)`;

/**
 * French (`fr`).
 *
 * @example
 * ```ts
 * formatViolation({ code: 'missing_digit', minimum: 1, actual: 0 }, { locale: fr });
 * ```
 */
export const fr: LocaleMessages = {
  tag: 'fr',
  classNames: {
    uppercase: 'majuscules',
    lowercase: 'minuscules',
    digit: 'chiffres',
    special: 'caractères spéciaux',
  },
  violations: {
    too_short: (v) =>
      `Utilisez au moins ${s(v.minimum, 'caractère', 'caractères')} (actuellement ${v.actual}).`,
    too_long: (v) =>
      `Utilisez au plus ${s(v.maximum, 'caractère', 'caractères')} (actuellement ${v.actual}).`,
    missing_uppercase: (v) => `Ajoutez au moins ${s(v.minimum, 'majuscule', 'majuscules')}.`,
    missing_lowercase: (v) => `Ajoutez au moins ${s(v.minimum, 'minuscule', 'minuscules')}.`,
    missing_digit: (v) => `Ajoutez au moins ${s(v.minimum, 'chiffre', 'chiffres')}.`,
    missing_special: (v) =>
      `Ajoutez au moins ${s(v.minimum, 'caractère spécial', 'caractères spéciaux')}, par exemple ${v.characters}.`,
    too_few_classes: (v, h) => `Utilisez au moins ${v.minimum} de ces types : ${h.classes(v.classes)}.`,
    disallowed_character: (v) =>
      ({
        control: 'Retirez les caractères de contrôle comme les tabulations et les sauts de ligne.',
        not_allowed: 'Retirez les caractères non autorisés.',
        lone_surrogate: 'Retirez le caractère invalide.',
        not_normalized:
          'Saisissez les accents et symboles sous leur forme composée habituelle ; cette forme risque de ne pas fonctionner depuis d’autres appareils.',
      })[v.reason],
    repeated_characters: (v) => `Ne répétez pas un caractère plus de ${v.maximum} fois de suite.`,
    sequential_characters: (v) =>
      `Évitez les suites de plus de ${v.maximum} caractères comme abcd, 4321 ou azerty.`,
    common_password: () => 'Ce mot de passe est trop courant. Choisissez quelque chose de moins prévisible.',
    contains_account: (v) =>
      ({
        local_part: 'N’utilisez pas le nom de votre boîte aux lettres dans le mot de passe.',
        domain: 'N’utilisez pas le nom de domaine dans le mot de passe.',
        display_name: 'N’utilisez pas votre nom dans le mot de passe.',
      })[v.part],
    same_as_current: () => 'Le nouveau mot de passe doit être différent de l’actuel.',
    too_similar_to_current: () => 'Le nouveau mot de passe ressemble trop à l’actuel.',
    reused_password: (v) =>
      v.history === 1
        ? 'Ne réutilisez pas votre mot de passe précédent.'
        : `Ne réutilisez aucun de vos ${v.history} derniers mots de passe.`,
    breached_password: () => 'Ce mot de passe est apparu dans une fuite de données. Choisissez-en un autre.',
    confirmation_mismatch: () => 'Les mots de passe ne correspondent pas.',
    pattern_mismatch: (v) =>
      v.message?.fr ?? v.message?.en ?? `Ce mot de passe ne respecte pas la règle « ${v.id} ».`,
  },
  requirements: {
    too_short: (r) => `Au moins ${s(r.minimum, 'caractère', 'caractères')}`,
    too_long: (r) => `Au plus ${s(r.maximum, 'caractère', 'caractères')}`,
    missing_uppercase: (r) => `Au moins ${s(r.minimum, 'majuscule', 'majuscules')}${waived(r.waivedFrom)}`,
    missing_lowercase: (r) => `Au moins ${s(r.minimum, 'minuscule', 'minuscules')}${waived(r.waivedFrom)}`,
    missing_digit: (r) => `Au moins ${s(r.minimum, 'chiffre', 'chiffres')}${waived(r.waivedFrom)}`,
    missing_special: (r) =>
      `Au moins ${s(r.minimum, 'caractère spécial', 'caractères spéciaux')} (${r.characters})` +
      waived(r.waivedFrom),
    too_few_classes: (r, h) =>
      `Au moins ${r.minimum} de ces types : ${h.classes(r.classes)}${waived(r.waivedFrom)}`,
    disallowed_character: (r) =>
      r.allowed === 'printable_ascii'
        ? 'Uniquement des lettres sans accents, des chiffres, des espaces et des symboles ASCII'
        : r.allowed === 'custom'
          ? `Uniquement ces caractères : ${r.characters}`
          : 'Aucun caractère de contrôle (tabulation, saut de ligne)',
    repeated_characters: (r) => `Aucun caractère plus de ${r.maximum} fois de suite`,
    sequential_characters: (r) => `Aucune suite de plus de ${r.maximum} caractères (abcd, 4321, azerty)`,
    common_password: () => 'Pas un mot de passe courant',
    contains_account: () => 'Ne contient ni votre nom, ni le nom de la boîte, ni le domaine',
    too_similar_to_current: () => 'Nettement différent du mot de passe actuel',
    reused_password: (r) =>
      r.history === 1
        ? 'Pas votre mot de passe précédent'
        : `Aucun de vos ${r.history} derniers mots de passe`,
    breached_password: () => 'Absent des fuites de données connues',
    pattern_mismatch: (r) => r.message?.fr ?? r.message?.en ?? `Respecte la règle « ${r.id} »`,
  },
};
