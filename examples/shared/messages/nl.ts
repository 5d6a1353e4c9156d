/** @module Dutch interface strings of the example servers. */
import type { Messages } from './en.js';

/**
 * The Dutch catalogue.
 *
 * @example
 * ```ts
 * nl.signIn; // 'Inloggen'
 * ```
 */
export const nl: Messages = {
  signIn: 'Inloggen',
  signOut: 'Uitloggen',
  emailAddress: 'E-mailadres',
  password: 'Wachtwoord',
  loginFailed: 'Het e-mailadres of wachtwoord is onjuist.',
  rateLimited: 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.',
  formExpired: 'Het formulier is verlopen. Probeer het opnieuw.',
  tryAgain: 'Opnieuw proberen',
  loggedOut: 'U bent uitgelogd.',
  passwordChangedSignIn:
    'Uw wachtwoord is gewijzigd en u bent overal uitgelogd. Log in met uw nieuwe wachtwoord.',
  currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  confirmPassword: 'Bevestig nieuw wachtwoord',
  generate: 'Genereren',
  generateTitle: 'Sterk wachtwoord genereren',
  show: 'Tonen',
  hide: 'Verbergen',
  requirementsTitle: 'Uw nieuwe wachtwoord moet:',
  requirementMet: 'voldaan',
  requirementUnmet: 'nog niet voldaan',
  invalidCurrentPassword: 'Het huidige wachtwoord is niet juist.',
  confirmationMismatch: 'Het nieuwe wachtwoord en de bevestiging komen niet overeen.',
  policyViolation: 'Het nieuwe wachtwoord voldoet niet aan alle eisen:',
  conflict: 'Het wachtwoord is op hetzelfde moment elders gewijzigd. Probeer het opnieuw.',
  tryLater: 'Er ging iets mis en het wachtwoord is niet gewijzigd. Probeer het later opnieuw.',
  mustChange: 'Uw beheerder vraagt u een nieuw wachtwoord te kiezen voordat u verdergaat.',
  passwordExpired: 'Uw wachtwoord is verlopen. Kies een nieuw wachtwoord om verder te gaan.',
  revocationPending: 'Uw wachtwoord is gewijzigd. Sommige sessies worden zo dadelijk beëindigd.',
  webmailName: 'Webmail',
  inbox: 'Postvak IN',
  myAccount: 'Mijn account',
  accountTab: 'Account',
  passwordSection: 'Wachtwoord',
  passwordSectionIntro:
    'Kies een nieuw wachtwoord. Daarna wordt u uitgelogd uit webmail, het controlepaneel en elke mailapp, en logt u opnieuw in met het nieuwe wachtwoord.',
  updateAndSignOut: 'Wachtwoord wijzigen en mij overal uitloggen',
  welcomeSubject: 'Welkom in uw nieuwe mailbox',
  welcomeFrom: 'Postmaster',
  welcomeBody: 'Uw mailbox is klaar. U kunt uw wachtwoord wijzigen onder Mijn account.',
  panelName: 'Controlepaneel',
  overview: 'Overzicht',
  passwordMenu: 'Wachtwoord',
  mailboxLabel: 'Mailbox',
  lastChanged: 'Wachtwoord laatst gewijzigd',
  changePasswordTitle: 'Wachtwoord wijzigen',
  change: 'Wijzigen',
  passwordChanged: 'Uw wachtwoord is gewijzigd.',
  adminName: 'Mailbeheer',
  username: 'Gebruikersnaam',
  users: 'Gebruikers',
  selectDomain: 'Domein kiezen',
  address: 'Adres',
  name: 'Naam',
  status: 'Status',
  active: 'Actief',
  inactive: 'Uitgeschakeld',
  mustChangeBadge: 'Moet wijzigen',
  edit: 'Bewerken',
  editMailbox: 'Mailbox bewerken',
  newButton: 'Nieuw',
  copy: 'Kopiëren',
  copied: 'Gekopieerd',
  mustChangeNextLogin: 'Gebruiker moet het wachtwoord bij de volgende login wijzigen',
  updateUser: 'Gebruiker bijwerken',
  cancel: 'Annuleren',
  passwordSetFor: 'Het wachtwoord van {account} is gewijzigd en de sessies zijn beëindigd.',
  forbiddenDomain: 'U mag dit domein niet beheren.',
  noMailboxes: 'Dit domein heeft geen mailboxen.',
  noDomains: 'U beheert geen domeinen.',
  superadmin: 'Superbeheerder',
  domainAdmin: 'Domeinbeheerder',
  devicesMenu: 'Apparaten',
  devicesSection: 'Apparaten en app-wachtwoorden',
  devicesIntro:
    'Mail-apps op uw telefoon of computer kunnen inloggen met een app-wachtwoord in plaats van uw hoofdwachtwoord: één per apparaat, op elk moment in te trekken. App-wachtwoorden werken alleen voor mail-apps (IMAP, POP, SMTP), niet om hier in te loggen.',
  deviceName: 'Naam van het apparaat',
  createAppPassword: 'App-wachtwoord aanmaken',
  appPasswordCreated:
    'App-wachtwoord voor {name}. Voer het nu in de mail-app in: het wordt niet opnieuw getoond.',
  noAppPasswords: 'Nog geen app-wachtwoorden.',
  createdAt: 'Aangemaakt',
  revoke: 'Intrekken',
  revokeNamed: 'App-wachtwoord voor {name} intrekken',
  appPasswordRevoked: 'Het app-wachtwoord is ingetrokken. Mail-apps die het gebruikten zijn losgekoppeld.',
  appPasswordRevokedPending:
    'Het app-wachtwoord is ingetrokken, maar de mailserver antwoordde niet: een mail-app die ermee is ingelogd kan verbonden blijven tot de automatische nieuwe poging.',
  invalidDeviceName: 'Geef het apparaat een naam van 1 tot 64 tekens.',
  appPasswordLimitReached:
    'U hebt al {limit} app-wachtwoorden. Trek er een in voordat u een nieuwe aanmaakt.',
  appPasswordNotFound: 'Dat app-wachtwoord bestaat niet meer.',
  appPasswordTryLater: 'Er ging iets mis en er is niets gewijzigd. Probeer het later opnieuw.',
  forgotPassword: 'Wachtwoord vergeten?',
  resetRequestTitle: 'Wachtwoord opnieuw instellen',
  resetRequestIntro:
    'Vul het adres van uw mailbox in. We sturen een link om een nieuw wachtwoord te kiezen naar het hersteladres dat ervoor is opgeslagen.',
  sendResetLink: 'Link versturen',
  resetSentTitle: 'Kijk in uw mail',
  resetSent:
    'Als dit adres bij een mailbox met een hersteladres hoort, is er een link om een nieuw wachtwoord te kiezen naar onderweg. Hij werkt één keer, 30 minuten lang.',
  resetFormTitle: 'Kies een nieuw wachtwoord',
  resetFormIntro:
    'Nieuw wachtwoord voor {account}. Alle apparaten die bij deze mailbox zijn aangemeld, worden afgemeld.',
  setNewPassword: 'Nieuw wachtwoord instellen en overal afmelden',
  resetLinkInvalid:
    'Deze link is niet meer geldig: hij is gebruikt, verlopen, of het wachtwoord is sindsdien gewijzigd. Vraag een nieuwe aan.',
  requestNewLink: 'Nieuwe link aanvragen',
  passwordResetSignIn:
    'Uw wachtwoord is opnieuw ingesteld en alle apparaten zijn afgemeld. Meld u aan met het nieuwe wachtwoord.',
  backToSignIn: 'Terug naar aanmelden',
  tooManyResetRequests: 'Te veel aanvragen vanaf dit netwerk. Wacht een paar minuten en probeer het opnieuw.',
};
