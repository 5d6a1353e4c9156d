/** @module English interface strings of the example servers (the reference catalogue). */

/**
 * The English catalogue; every other locale must provide the same keys.
 *
 * @example
 * ```ts
 * en.signIn; // 'Sign in'
 * ```
 */
export const en = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  emailAddress: 'Email address',
  password: 'Password',
  loginFailed: 'The email address or password is incorrect.',
  rateLimited: 'Too many attempts. Please wait a few minutes and try again.',
  formExpired: 'The form expired. Please try again.',
  tryAgain: 'Try again',
  loggedOut: 'You have been signed out.',
  passwordChangedSignIn:
    'Your password was changed and you were signed out everywhere. Please sign in with your new password.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
  generate: 'Generate',
  generateTitle: 'Generate a strong password',
  show: 'Show',
  hide: 'Hide',
  requirementsTitle: 'Your new password must:',
  requirementMet: 'met',
  requirementUnmet: 'not met yet',
  invalidCurrentPassword: 'The current password is not correct.',
  confirmationMismatch: 'The new password and its confirmation do not match.',
  policyViolation: 'The new password does not meet every requirement:',
  conflict: 'The password was changed somewhere else at the same moment. Please try again.',
  tryLater: 'Something went wrong and the password was not changed. Please try again later.',
  mustChange: 'Your administrator asks you to choose a new password before you continue.',
  passwordExpired: 'Your password has expired. Choose a new one to continue.',
  revocationPending: 'Your password was changed. Some sessions will be closed in a moment.',
  // webmail
  webmailName: 'Webmail',
  inbox: 'Inbox',
  myAccount: 'My account',
  accountTab: 'Account',
  passwordSection: 'Password',
  passwordSectionIntro:
    'Choose a new password. You will then be signed out of webmail, the control panel and every mail app, and sign in again with the new password.',
  updateAndSignOut: 'Update password and log me out from everywhere',
  welcomeSubject: 'Welcome to your new mailbox',
  welcomeFrom: 'Postmaster',
  welcomeBody: 'Your mailbox is ready. You can change your password under My account.',
  // user panel
  panelName: 'Control panel',
  overview: 'Overview',
  passwordMenu: 'Password',
  mailboxLabel: 'Mailbox',
  lastChanged: 'Password last changed',
  changePasswordTitle: 'Change password',
  change: 'Change',
  passwordChanged: 'Your password was changed.',
  // admin panel
  adminName: 'Mail admin',
  username: 'Username',
  users: 'Users',
  selectDomain: 'Select domain',
  address: 'Address',
  name: 'Name',
  status: 'Status',
  active: 'Active',
  inactive: 'Disabled',
  mustChangeBadge: 'Must change',
  edit: 'Edit',
  editMailbox: 'Edit mailbox',
  newButton: 'New',
  copy: 'Copy',
  copied: 'Copied',
  mustChangeNextLogin: 'User must change the password at next login',
  updateUser: 'Update User',
  cancel: 'Cancel',
  passwordSetFor: 'The password of {account} was updated and its sessions were closed.',
  forbiddenDomain: 'You may not manage this domain.',
  noMailboxes: 'This domain has no mailboxes.',
  noDomains: 'You have no domains to manage.',
  superadmin: 'Superadmin',
  domainAdmin: 'Domain admin',
  // app passwords (webmail My account, user panel Devices)
  devicesMenu: 'Devices',
  devicesSection: 'Devices and app passwords',
  devicesIntro:
    'Mail apps on your phone or computer can sign in with an app password instead of your main password: one per device, revocable at any time. App passwords work for mail apps (IMAP, POP, SMTP) only, not for signing in here.',
  deviceName: 'Device name',
  createAppPassword: 'Create app password',
  appPasswordCreated: 'App password for {name}. Enter it in the mail app now: it will not be shown again.',
  noAppPasswords: 'No app passwords yet.',
  createdAt: 'Created',
  revoke: 'Revoke',
  revokeNamed: 'Revoke the app password for {name}',
  appPasswordRevoked: 'The app password was revoked. Mail apps using it were disconnected.',
  appPasswordRevokedPending:
    'The app password was revoked, but the mail server did not answer: a mail app signed in with it may stay connected until the retry, which happens automatically.',
  invalidDeviceName: 'Give the device a name of 1 to 64 characters.',
  appPasswordLimitReached: 'You already have {limit} app passwords. Revoke one before creating another.',
  appPasswordNotFound: 'That app password does not exist any more.',
  appPasswordTryLater: 'Something went wrong and nothing was changed. Please try again later.',
  forgotPassword: 'Forgot password?',
  resetRequestTitle: 'Reset your password',
  resetRequestIntro:
    'Enter the address of your mailbox. We send a link to set a new password to the recovery address saved for it.',
  sendResetLink: 'Send reset link',
  resetSentTitle: 'Check your mail',
  resetSent:
    'If this address belongs to a mailbox with a recovery address, a link to set a new password is on its way there. It works once, within 30 minutes.',
  resetFormTitle: 'Choose a new password',
  resetFormIntro: 'New password for {account}. Every device signed in to this mailbox will be signed out.',
  setNewPassword: 'Set new password and sign out everywhere',
  resetLinkInvalid:
    'This reset link is not valid any more: it was used, it expired, or the password changed since. Ask for a new one.',
  requestNewLink: 'Ask for a new link',
  passwordResetSignIn:
    'Your password was reset and every device was signed out. Sign in with the new password.',
  backToSignIn: 'Back to sign in',
  tooManyResetRequests: 'Too many reset requests from this network. Please wait a few minutes and try again.',
};

/** The keys of the interface catalogue. */
export type MessageKey = keyof typeof en;

/** A complete interface catalogue. */
export type Messages = Readonly<Record<MessageKey, string>>;
