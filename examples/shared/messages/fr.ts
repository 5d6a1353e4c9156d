/** @module French interface strings of the example servers. */
import type { Messages } from './en.js';

/**
 * The French catalogue.
 *
 * @example
 * ```ts
 * fr.signIn; // 'Se connecter'
 * ```
 */
export const fr: Messages = {
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  emailAddress: 'Adresse e-mail',
  password: 'Mot de passe',
  loginFailed: "L'adresse e-mail ou le mot de passe est incorrect.",
  rateLimited: 'Trop de tentatives. Veuillez patienter quelques minutes puis réessayer.',
  formExpired: 'Le formulaire a expiré. Veuillez réessayer.',
  tryAgain: 'Réessayer',
  loggedOut: 'Vous êtes déconnecté.',
  passwordChangedSignIn:
    'Votre mot de passe a été modifié et vous avez été déconnecté partout. Connectez-vous avec votre nouveau mot de passe.',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  confirmPassword: 'Confirmer le nouveau mot de passe',
  generate: 'Générer',
  generateTitle: 'Générer un mot de passe robuste',
  show: 'Afficher',
  hide: 'Masquer',
  requirementsTitle: 'Votre nouveau mot de passe doit :',
  requirementMet: 'respecté',
  requirementUnmet: 'pas encore respecté',
  invalidCurrentPassword: "Le mot de passe actuel n'est pas correct.",
  confirmationMismatch: 'Le nouveau mot de passe et sa confirmation ne correspondent pas.',
  policyViolation: 'Le nouveau mot de passe ne respecte pas toutes les exigences :',
  conflict: 'Le mot de passe a été modifié ailleurs au même moment. Veuillez réessayer.',
  tryLater: "Une erreur s'est produite et le mot de passe n'a pas été modifié. Veuillez réessayer plus tard.",
  mustChange: 'Votre administrateur vous demande de choisir un nouveau mot de passe avant de continuer.',
  passwordExpired: 'Votre mot de passe a expiré. Choisissez-en un nouveau pour continuer.',
  revocationPending: 'Votre mot de passe a été modifié. Certaines sessions seront fermées dans un instant.',
  webmailName: 'Webmail',
  inbox: 'Boîte de réception',
  myAccount: 'Mon compte',
  accountTab: 'Compte',
  passwordSection: 'Mot de passe',
  passwordSectionIntro:
    "Choisissez un nouveau mot de passe. Vous serez ensuite déconnecté du webmail, de l'espace client et de toutes vos applications de messagerie, puis vous vous reconnecterez avec le nouveau mot de passe.",
  updateAndSignOut: 'Modifier le mot de passe et me déconnecter partout',
  welcomeSubject: 'Bienvenue dans votre nouvelle boîte aux lettres',
  welcomeFrom: 'Postmaster',
  welcomeBody: 'Votre boîte aux lettres est prête. Vous pouvez changer votre mot de passe dans Mon compte.',
  panelName: 'Espace client',
  overview: 'Aperçu',
  passwordMenu: 'Mot de passe',
  mailboxLabel: 'Boîte aux lettres',
  lastChanged: 'Dernière modification du mot de passe',
  changePasswordTitle: 'Changer le mot de passe',
  change: 'Changer',
  passwordChanged: 'Votre mot de passe a été modifié.',
  adminName: 'Administration mail',
  username: "Nom d'utilisateur",
  users: 'Utilisateurs',
  selectDomain: 'Choisir le domaine',
  address: 'Adresse',
  name: 'Nom',
  status: 'État',
  active: 'Actif',
  inactive: 'Désactivé',
  mustChangeBadge: 'Doit changer',
  edit: 'Modifier',
  editMailbox: 'Modifier la boîte aux lettres',
  newButton: 'Nouveau',
  copy: 'Copier',
  copied: 'Copié',
  mustChangeNextLogin: "L'utilisateur doit changer le mot de passe à la prochaine connexion",
  updateUser: "Mettre à jour l'utilisateur",
  cancel: 'Annuler',
  passwordSetFor: 'Le mot de passe de {account} a été modifié et ses sessions ont été fermées.',
  forbiddenDomain: "Vous n'êtes pas autorisé à gérer ce domaine.",
  noMailboxes: "Ce domaine n'a aucune boîte aux lettres.",
  noDomains: "Vous n'avez aucun domaine à gérer.",
  superadmin: 'Super-administrateur',
  domainAdmin: 'Administrateur de domaine',
  devicesMenu: 'Appareils',
  devicesSection: "Appareils et mots de passe d'application",
  devicesIntro:
    "Les applications de messagerie de votre téléphone ou ordinateur peuvent se connecter avec un mot de passe d'application au lieu de votre mot de passe principal : un par appareil, révocable à tout moment. Ils ne valent que pour les applications de messagerie (IMAP, POP, SMTP), pas pour se connecter ici.",
  deviceName: "Nom de l'appareil",
  createAppPassword: "Créer un mot de passe d'application",
  appPasswordCreated:
    "Mot de passe d'application pour {name}. Saisissez-le maintenant dans l'application : il ne sera plus affiché.",
  noAppPasswords: "Aucun mot de passe d'application pour l'instant.",
  createdAt: 'Créé le',
  revoke: 'Révoquer',
  revokeNamed: "Révoquer le mot de passe d'application de {name}",
  appPasswordRevoked:
    "Le mot de passe d'application a été révoqué. Les applications qui l'utilisaient ont été déconnectées.",
  appPasswordRevokedPending:
    "Le mot de passe d'application a été révoqué, mais le serveur de messagerie n'a pas répondu : une application connectée avec lui peut le rester jusqu'à la nouvelle tentative, faite automatiquement.",
  invalidDeviceName: "Donnez à l'appareil un nom de 1 à 64 caractères.",
  appPasswordLimitReached:
    "Vous avez déjà {limit} mots de passe d'application. Révoquez-en un avant d'en créer un autre.",
  appPasswordNotFound: "Ce mot de passe d'application n'existe plus.",
  appPasswordTryLater: "Une erreur s'est produite et rien n'a été modifié. Veuillez réessayer plus tard.",
  forgotPassword: 'Mot de passe oublié ?',
  resetRequestTitle: 'Réinitialiser votre mot de passe',
  resetRequestIntro:
    'Saisissez l’adresse de votre boîte. Nous envoyons un lien pour choisir un nouveau mot de passe à l’adresse de secours enregistrée pour elle.',
  sendResetLink: 'Envoyer le lien',
  resetSentTitle: 'Consultez votre messagerie',
  resetSent:
    'Si cette adresse correspond à une boîte dotée d’une adresse de secours, un lien pour choisir un nouveau mot de passe y est envoyé. Il sert une fois, pendant 30 minutes.',
  resetFormTitle: 'Choisissez un nouveau mot de passe',
  resetFormIntro:
    'Nouveau mot de passe pour {account}. Tous les appareils connectés à cette boîte seront déconnectés.',
  setNewPassword: 'Enregistrer et me déconnecter partout',
  resetLinkInvalid:
    'Ce lien n’est plus valable : il a servi, il a expiré, ou le mot de passe a changé depuis. Demandez-en un nouveau.',
  requestNewLink: 'Demander un nouveau lien',
  passwordResetSignIn:
    'Votre mot de passe a été réinitialisé et tous les appareils ont été déconnectés. Connectez-vous avec le nouveau mot de passe.',
  backToSignIn: 'Retour à la connexion',
  tooManyResetRequests:
    'Trop de demandes depuis ce réseau. Veuillez patienter quelques minutes et réessayer.',
};
