/** @module German interface strings of the example servers. */
import type { Messages } from './en.js';

/**
 * The German catalogue.
 *
 * @example
 * ```ts
 * de.signIn; // 'Anmelden'
 * ```
 */
export const de: Messages = {
  language: 'Deutsch',
  signIn: 'Anmelden',
  signOut: 'Abmelden',
  emailAddress: 'E-Mail-Adresse',
  password: 'Passwort',
  loginFailed: 'E-Mail-Adresse oder Passwort ist falsch.',
  rateLimited: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
  formExpired: 'Das Formular ist abgelaufen. Bitte versuchen Sie es erneut.',
  loggedOut: 'Sie wurden abgemeldet.',
  passwordChangedSignIn:
    'Ihr Passwort wurde geändert und Sie wurden überall abgemeldet. Bitte melden Sie sich mit dem neuen Passwort an.',
  currentPassword: 'Aktuelles Passwort',
  newPassword: 'Neues Passwort',
  confirmPassword: 'Neues Passwort bestätigen',
  generate: 'Sicheres Passwort erzeugen',
  show: 'Anzeigen',
  hide: 'Verbergen',
  requirementsTitle: 'Ihr neues Passwort muss:',
  requirementMet: 'erfüllt',
  requirementUnmet: 'noch nicht erfüllt',
  invalidCurrentPassword: 'Das aktuelle Passwort ist nicht korrekt.',
  confirmationMismatch: 'Das neue Passwort und die Bestätigung stimmen nicht überein.',
  policyViolation: 'Das neue Passwort erfüllt nicht alle Anforderungen:',
  conflict: 'Das Passwort wurde gleichzeitig an anderer Stelle geändert. Bitte versuchen Sie es erneut.',
  tryLater:
    'Etwas ist schiefgelaufen, das Passwort wurde nicht geändert. Bitte versuchen Sie es später erneut.',
  mustChange: 'Ihr Administrator bittet Sie, vor dem Fortfahren ein neues Passwort zu wählen.',
  revocationPending: 'Ihr Passwort wurde geändert. Einige Sitzungen werden in Kürze beendet.',
  webmailName: 'Webmail',
  inbox: 'Posteingang',
  myAccount: 'Mein Konto',
  accountTab: 'Konto',
  passwordSection: 'Passwort',
  passwordSectionIntro:
    'Wählen Sie ein neues Passwort. Danach werden Sie aus Webmail, dem Kundenbereich und allen Mail-Programmen abgemeldet und melden sich mit dem neuen Passwort wieder an.',
  updateAndSignOut: 'Passwort ändern und mich überall abmelden',
  welcomeSubject: 'Willkommen in Ihrem neuen Postfach',
  welcomeFrom: 'Postmaster',
  welcomeBody: 'Ihr Postfach ist bereit. Ihr Passwort ändern Sie unter Mein Konto.',
  panelName: 'Kundenbereich',
  overview: 'Übersicht',
  passwordMenu: 'Passwort',
  mailboxLabel: 'Postfach',
  lastChanged: 'Passwort zuletzt geändert',
  changePasswordTitle: 'Passwort ändern',
  change: 'Ändern',
  passwordChanged: 'Ihr Passwort wurde geändert.',
  adminName: 'Mail-Admin',
  username: 'Benutzername',
  users: 'Benutzer',
  selectDomain: 'Domain wählen',
  address: 'Adresse',
  name: 'Name',
  status: 'Status',
  active: 'Aktiv',
  inactive: 'Deaktiviert',
  mustChangeBadge: 'Muss ändern',
  edit: 'Bearbeiten',
  editMailbox: 'Postfach bearbeiten',
  newButton: 'Neu',
  copy: 'Kopieren',
  copied: 'Kopiert',
  mustChangeNextLogin: 'Benutzer muss das Passwort bei der nächsten Anmeldung ändern',
  updateUser: 'Benutzer aktualisieren',
  cancel: 'Abbrechen',
  passwordSetFor: 'Das Passwort von {account} wurde geändert und seine Sitzungen wurden beendet.',
  forbiddenDomain: 'Sie dürfen diese Domain nicht verwalten.',
  noMailboxes: 'Diese Domain hat keine Postfächer.',
  noDomains: 'Sie verwalten keine Domains.',
  superadmin: 'Superadmin',
  domainAdmin: 'Domain-Admin',
};
