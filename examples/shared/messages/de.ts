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
  signIn: 'Anmelden',
  signOut: 'Abmelden',
  emailAddress: 'E-Mail-Adresse',
  password: 'Passwort',
  loginFailed: 'E-Mail-Adresse oder Passwort ist falsch.',
  rateLimited: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
  formExpired: 'Das Formular ist abgelaufen. Bitte versuchen Sie es erneut.',
  tryAgain: 'Erneut versuchen',
  loggedOut: 'Sie wurden abgemeldet.',
  passwordChangedSignIn:
    'Ihr Passwort wurde geändert und Sie wurden überall abgemeldet. Bitte melden Sie sich mit dem neuen Passwort an.',
  currentPassword: 'Aktuelles Passwort',
  newPassword: 'Neues Passwort',
  confirmPassword: 'Neues Passwort bestätigen',
  generate: 'Erzeugen',
  generateTitle: 'Sicheres Passwort erzeugen',
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
  passwordExpired: 'Ihr Passwort ist abgelaufen. Wählen Sie ein neues, um fortzufahren.',
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
  devicesMenu: 'Geräte',
  devicesSection: 'Geräte und App-Passwörter',
  devicesIntro:
    'Mail-Apps auf Ihrem Telefon oder Computer können sich mit einem App-Passwort statt mit Ihrem Hauptpasswort anmelden: eines pro Gerät, jederzeit widerrufbar. App-Passwörter gelten nur für Mail-Apps (IMAP, POP, SMTP), nicht für die Anmeldung hier.',
  deviceName: 'Gerätename',
  createAppPassword: 'App-Passwort erstellen',
  appPasswordCreated:
    'App-Passwort für {name}. Geben Sie es jetzt in der Mail-App ein: Es wird nicht noch einmal angezeigt.',
  noAppPasswords: 'Noch keine App-Passwörter.',
  createdAt: 'Erstellt',
  revoke: 'Widerrufen',
  revokeNamed: 'App-Passwort für {name} widerrufen',
  appPasswordRevoked: 'Das App-Passwort wurde widerrufen. Mail-Apps, die es nutzten, wurden getrennt.',
  appPasswordRevokedPending:
    'Das App-Passwort wurde widerrufen, aber der Mailserver antwortete nicht: Eine damit angemeldete Mail-App kann bis zum automatischen erneuten Versuch verbunden bleiben.',
  invalidDeviceName: 'Geben Sie dem Gerät einen Namen mit 1 bis 64 Zeichen.',
  appPasswordLimitReached:
    'Sie haben bereits {limit} App-Passwörter. Widerrufen Sie eines, bevor Sie ein weiteres erstellen.',
  appPasswordNotFound: 'Dieses App-Passwort gibt es nicht mehr.',
  appPasswordTryLater:
    'Etwas ist schiefgegangen, nichts wurde geändert. Bitte versuchen Sie es später erneut.',
  forgotPassword: 'Passwort vergessen?',
  resetRequestTitle: 'Passwort zurücksetzen',
  resetRequestIntro:
    'Geben Sie die Adresse Ihres Postfachs ein. Wir senden einen Link zum Festlegen eines neuen Passworts an die dafür hinterlegte Wiederherstellungsadresse.',
  sendResetLink: 'Link senden',
  resetSentTitle: 'Sehen Sie in Ihr Postfach',
  resetSent:
    'Wenn diese Adresse zu einem Postfach mit Wiederherstellungsadresse gehört, ist ein Link zum Festlegen eines neuen Passworts dorthin unterwegs. Er gilt einmal, 30 Minuten lang.',
  resetFormTitle: 'Neues Passwort wählen',
  resetFormIntro:
    'Neues Passwort für {account}. Alle an diesem Postfach angemeldeten Geräte werden abgemeldet.',
  setNewPassword: 'Neues Passwort setzen und überall abmelden',
  resetLinkInvalid:
    'Dieser Link ist nicht mehr gültig: Er wurde benutzt, ist abgelaufen, oder das Passwort wurde seitdem geändert. Fordern Sie einen neuen an.',
  requestNewLink: 'Neuen Link anfordern',
  passwordResetSignIn:
    'Ihr Passwort wurde zurückgesetzt und alle Geräte wurden abgemeldet. Melden Sie sich mit dem neuen Passwort an.',
  backToSignIn: 'Zurück zur Anmeldung',
  tooManyResetRequests:
    'Zu viele Anfragen aus diesem Netz. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
};
