/** @module Dutch messages. */
import type { LocaleMessages } from './messages.js';

const s = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The passphrase-exemption suffix of a composition requirement line. */
const waived = (from: number | null | undefined): string =>
  from == null ? '' : ` (vanaf ${from} tekens niet nodig)`;

/**
 * Dutch (`nl`).
 *
 * @example
 * ```ts
 * formatViolation({ code: 'missing_digit', minimum: 1, actual: 0 }, { locale: nl });
 * ```
 */
export const nl: LocaleMessages = {
  tag: 'nl',
  classNames: {
    uppercase: 'hoofdletters',
    lowercase: 'kleine letters',
    digit: 'cijfers',
    special: 'speciale tekens',
  },
  violations: {
    too_short: (v) => `Gebruik minstens ${s(v.minimum, 'teken', 'tekens')} (nu ${v.actual}).`,
    too_long: (v) => `Gebruik hoogstens ${s(v.maximum, 'teken', 'tekens')} (nu ${v.actual}).`,
    missing_uppercase: (v) => `Voeg minstens ${s(v.minimum, 'hoofdletter', 'hoofdletters')} toe.`,
    missing_lowercase: (v) => `Voeg minstens ${s(v.minimum, 'kleine letter', 'kleine letters')} toe.`,
    missing_digit: (v) => `Voeg minstens ${s(v.minimum, 'cijfer', 'cijfers')} toe.`,
    missing_special: (v) =>
      `Voeg minstens ${s(v.minimum, 'speciaal teken', 'speciale tekens')} toe, zoals ${v.characters}.`,
    too_few_classes: (v, h) => `Gebruik minstens ${v.minimum} hiervan: ${h.classes(v.classes)}.`,
    disallowed_character: (v) =>
      ({
        control: 'Verwijder stuurtekens zoals tabs en regeleinden.',
        not_allowed: 'Verwijder de tekens die niet zijn toegestaan.',
        lone_surrogate: 'Verwijder het ongeldige teken.',
        not_normalized:
          'Typ accenten en symbolen in hun gebruikelijke samengestelde vorm; deze vorm werkt mogelijk niet op andere apparaten.',
      })[v.reason],
    repeated_characters: (v) => `Herhaal een teken niet meer dan ${v.maximum} keer achter elkaar.`,
    sequential_characters: (v) =>
      `Vermijd reeksen van meer dan ${v.maximum} tekens, zoals abcd, 4321 of qwerty.`,
    common_password: () => 'Dit wachtwoord komt te vaak voor. Kies iets minder voorspelbaars.',
    contains_account: (v) =>
      ({
        local_part: 'Gebruik de naam van uw mailbox niet in het wachtwoord.',
        domain: 'Gebruik de domeinnaam niet in het wachtwoord.',
        display_name: 'Gebruik uw naam niet in het wachtwoord.',
      })[v.part],
    same_as_current: () => 'Het nieuwe wachtwoord moet verschillen van het huidige.',
    too_similar_to_current: () => 'Het nieuwe wachtwoord lijkt te veel op het huidige.',
    reused_password: (v) =>
      v.history === 1
        ? 'Gebruik uw vorige wachtwoord niet opnieuw.'
        : `Gebruik geen van uw laatste ${v.history} wachtwoorden opnieuw.`,
    breached_password: () => 'Dit wachtwoord is bij een datalek uitgelekt. Kies een ander.',
    confirmation_mismatch: () => 'De wachtwoorden komen niet overeen.',
    pattern_mismatch: (v) =>
      v.message?.nl ?? v.message?.en ?? `Dit wachtwoord voldoet niet aan de regel ‘${v.id}’.`,
  },
  requirements: {
    too_short: (r) => `Minstens ${s(r.minimum, 'teken', 'tekens')}`,
    too_long: (r) => `Hoogstens ${s(r.maximum, 'teken', 'tekens')}`,
    missing_uppercase: (r) =>
      `Minstens ${s(r.minimum, 'hoofdletter', 'hoofdletters')}${waived(r.waivedFrom)}`,
    missing_lowercase: (r) =>
      `Minstens ${s(r.minimum, 'kleine letter', 'kleine letters')}${waived(r.waivedFrom)}`,
    missing_digit: (r) => `Minstens ${s(r.minimum, 'cijfer', 'cijfers')}${waived(r.waivedFrom)}`,
    missing_special: (r) =>
      `Minstens ${s(r.minimum, 'speciaal teken', 'speciale tekens')} (${r.characters})` +
      waived(r.waivedFrom),
    too_few_classes: (r, h) =>
      `Minstens ${r.minimum} hiervan: ${h.classes(r.classes)}${waived(r.waivedFrom)}`,
    disallowed_character: (r) =>
      r.allowed === 'printable_ascii'
        ? 'Alleen letters zonder accenten, cijfers, spaties en ASCII-symbolen'
        : r.allowed === 'custom'
          ? `Alleen deze tekens: ${r.characters}`
          : 'Geen stuurtekens zoals tabs of regeleinden',
    repeated_characters: (r) => `Geen teken meer dan ${r.maximum} keer achter elkaar`,
    sequential_characters: (r) => `Geen reeks langer dan ${r.maximum} tekens (abcd, 4321, qwerty)`,
    common_password: () => 'Geen veelgebruikt wachtwoord',
    contains_account: () => 'Bevat niet uw naam, mailboxnaam of domein',
    too_similar_to_current: () => 'Duidelijk anders dan het huidige wachtwoord',
    reused_password: (r) =>
      r.history === 1 ? 'Niet uw vorige wachtwoord' : `Geen van uw laatste ${r.history} wachtwoorden`,
    breached_password: () => 'Niet gevonden in bekende datalekken',
    pattern_mismatch: (r) => r.message?.nl ?? r.message?.en ?? `Voldoet aan de regel ‘${r.id}’`,
  },
};
