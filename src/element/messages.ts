/** @module The element's own words (buttons, states, announcements) in the five bundled locales. */
import type { LocaleId } from '../policy/index.js';

/**
 * Every text the element shows or announces besides the requirement lines (those come from
 * `describePolicy`). A page may override one with a `data-label-<kebab-key>` attribute, e.g.
 * `data-label-generate="New"`.
 *
 * @example
 * ```ts
 * const words: ElementMessages = ELEMENT_MESSAGES.en;
 * ```
 */
export interface ElementMessages {
  readonly requirements: string;
  readonly met: string;
  readonly unmet: string;
  /** State of a line not judged in the browser (reuse, breach, the common-password list until loaded). */
  readonly checkedOnSave: string;
  readonly show: string;
  readonly hide: string;
  readonly generate: string;
  readonly generateTitle: string;
  readonly generated: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly mismatch: string;
  /** `{met}` of `{total}` lines met. */
  readonly progress: string;
}

/**
 * The element's texts by locale id.
 *
 * @example
 * ```ts
 * ELEMENT_MESSAGES.de.generate; // 'Erzeugen'
 * ```
 */
export const ELEMENT_MESSAGES: { readonly [L in LocaleId]: ElementMessages } = {
  en: {
    requirements: 'Your new password must:',
    met: 'met',
    unmet: 'not met yet',
    checkedOnSave: 'checked when you save',
    show: 'Show',
    hide: 'Hide',
    generate: 'Generate',
    generateTitle: 'Generate a strong password',
    generated: 'A new password was generated and is shown in the field.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copying failed: the password is selected, copy it by hand.',
    mismatch: 'The new password and its confirmation do not match.',
    progress: '{met} of {total} requirements met',
  },
  de: {
    requirements: 'Ihr neues Passwort muss:',
    met: 'erfüllt',
    unmet: 'noch nicht erfüllt',
    checkedOnSave: 'wird beim Speichern geprüft',
    show: 'Anzeigen',
    hide: 'Verbergen',
    generate: 'Erzeugen',
    generateTitle: 'Sicheres Passwort erzeugen',
    generated: 'Ein neues Passwort wurde erzeugt und wird im Feld angezeigt.',
    copy: 'Kopieren',
    copied: 'Kopiert',
    copyFailed: 'Kopieren fehlgeschlagen: Das Passwort ist markiert, bitte von Hand kopieren.',
    mismatch: 'Das neue Passwort und die Bestätigung stimmen nicht überein.',
    progress: '{met} von {total} Anforderungen erfüllt',
  },
  fr: {
    requirements: 'Votre nouveau mot de passe doit :',
    met: 'respecté',
    unmet: 'pas encore respecté',
    checkedOnSave: 'vérifié à l’enregistrement',
    show: 'Afficher',
    hide: 'Masquer',
    generate: 'Générer',
    generateTitle: 'Générer un mot de passe robuste',
    generated: 'Un nouveau mot de passe a été généré et s’affiche dans le champ.',
    copy: 'Copier',
    copied: 'Copié',
    copyFailed: 'La copie a échoué : le mot de passe est sélectionné, copiez-le à la main.',
    mismatch: 'Le nouveau mot de passe et sa confirmation ne correspondent pas.',
    progress: '{met} exigences respectées sur {total}',
  },
  nl: {
    requirements: 'Uw nieuwe wachtwoord moet:',
    met: 'voldaan',
    unmet: 'nog niet voldaan',
    checkedOnSave: 'wordt bij opslaan gecontroleerd',
    show: 'Tonen',
    hide: 'Verbergen',
    generate: 'Genereren',
    generateTitle: 'Sterk wachtwoord genereren',
    generated: 'Er is een nieuw wachtwoord gegenereerd; het staat zichtbaar in het veld.',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    copyFailed: 'Kopiëren mislukt: het wachtwoord is geselecteerd, kopieer het zelf.',
    mismatch: 'Het nieuwe wachtwoord en de bevestiging komen niet overeen.',
    progress: '{met} van {total} eisen voldaan',
  },
  es: {
    requirements: 'Su nueva contraseña debe:',
    met: 'cumplido',
    unmet: 'aún no cumplido',
    checkedOnSave: 'se comprueba al guardar',
    show: 'Mostrar',
    hide: 'Ocultar',
    generate: 'Generar',
    generateTitle: 'Generar una contraseña segura',
    generated: 'Se ha generado una contraseña nueva y se muestra en el campo.',
    copy: 'Copiar',
    copied: 'Copiada',
    copyFailed: 'No se pudo copiar: la contraseña está seleccionada, cópiela a mano.',
    mismatch: 'La nueva contraseña y su confirmación no coinciden.',
    progress: '{met} de {total} requisitos cumplidos',
  },
};

const LOCALE_IDS = Object.keys(ELEMENT_MESSAGES) as LocaleId[];

/**
 * The locale of an element: its `data-locale`, else the nearest `lang` attribute (the page's
 * `<html lang>`), reduced to its language (`de-AT` → `de`); English when that is none of the five.
 *
 * @example
 * ```ts
 * resolveLocale(element); // 'fr' inside <html lang="fr-CA">
 * ```
 */
export function resolveLocale(element: HTMLElement): LocaleId {
  const tag = element.dataset.locale || element.closest('[lang]')?.getAttribute('lang') || '';
  const language = tag.toLowerCase().split(/[-_]/)[0] as LocaleId;
  return LOCALE_IDS.includes(language) ? language : 'en';
}

/**
 * The element's texts in `locale`, with the page's `data-label-*` overrides applied.
 *
 * @example
 * ```ts
 * elementMessages(element, 'en').generate; // 'New' with data-label-generate="New"
 * ```
 */
export function elementMessages(element: HTMLElement, locale: LocaleId): ElementMessages {
  const words: Record<string, string> = { ...ELEMENT_MESSAGES[locale] };
  for (const key of Object.keys(words)) {
    const override = element.dataset[`label${key[0]?.toUpperCase()}${key.slice(1)}`];
    if (override) words[key] = override;
  }
  return words as unknown as ElementMessages;
}
