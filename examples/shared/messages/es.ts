/** @module Spanish interface strings of the example servers. */
import type { Messages } from './en.js';

/**
 * The Spanish catalogue.
 *
 * @example
 * ```ts
 * es.signIn; // 'Iniciar sesión'
 * ```
 */
export const es: Messages = {
  signIn: 'Iniciar sesión',
  signOut: 'Cerrar sesión',
  emailAddress: 'Correo electrónico',
  password: 'Contraseña',
  loginFailed: 'El correo electrónico o la contraseña no son correctos.',
  rateLimited: 'Demasiados intentos. Espere unos minutos y vuelva a intentarlo.',
  formExpired: 'El formulario ha caducado. Vuelva a intentarlo.',
  tryAgain: 'Reintentar',
  loggedOut: 'Ha cerrado la sesión.',
  passwordChangedSignIn:
    'Su contraseña se ha cambiado y se han cerrado todas sus sesiones. Inicie sesión con la nueva contraseña.',
  currentPassword: 'Contraseña actual',
  newPassword: 'Nueva contraseña',
  confirmPassword: 'Confirmar la nueva contraseña',
  generate: 'Generar',
  generateTitle: 'Generar una contraseña segura',
  show: 'Mostrar',
  hide: 'Ocultar',
  requirementsTitle: 'Su nueva contraseña debe:',
  requirementMet: 'cumplido',
  requirementUnmet: 'aún no cumplido',
  invalidCurrentPassword: 'La contraseña actual no es correcta.',
  confirmationMismatch: 'La nueva contraseña y su confirmación no coinciden.',
  policyViolation: 'La nueva contraseña no cumple todos los requisitos:',
  conflict: 'La contraseña se cambió en otro lugar al mismo tiempo. Vuelva a intentarlo.',
  tryLater: 'Algo salió mal y la contraseña no se cambió. Vuelva a intentarlo más tarde.',
  mustChange: 'Su administrador le pide que elija una nueva contraseña antes de continuar.',
  passwordExpired: 'Su contraseña ha caducado. Elija una nueva para continuar.',
  revocationPending: 'Su contraseña se ha cambiado. Algunas sesiones se cerrarán en un momento.',
  webmailName: 'Webmail',
  inbox: 'Bandeja de entrada',
  myAccount: 'Mi cuenta',
  accountTab: 'Cuenta',
  passwordSection: 'Contraseña',
  passwordSectionIntro:
    'Elija una nueva contraseña. Después se cerrará su sesión en el webmail, el panel de control y todas sus aplicaciones de correo, y volverá a entrar con la nueva contraseña.',
  updateAndSignOut: 'Cambiar la contraseña y cerrar todas mis sesiones',
  welcomeSubject: 'Bienvenido a su nuevo buzón',
  welcomeFrom: 'Postmaster',
  welcomeBody: 'Su buzón está listo. Puede cambiar su contraseña en Mi cuenta.',
  panelName: 'Panel de control',
  overview: 'Resumen',
  passwordMenu: 'Contraseña',
  mailboxLabel: 'Buzón',
  lastChanged: 'Último cambio de contraseña',
  changePasswordTitle: 'Cambiar la contraseña',
  change: 'Cambiar',
  passwordChanged: 'Su contraseña se ha cambiado.',
  adminName: 'Administración de correo',
  username: 'Usuario',
  users: 'Usuarios',
  selectDomain: 'Seleccionar dominio',
  address: 'Dirección',
  name: 'Nombre',
  status: 'Estado',
  active: 'Activo',
  inactive: 'Desactivado',
  mustChangeBadge: 'Debe cambiarla',
  edit: 'Editar',
  editMailbox: 'Editar buzón',
  newButton: 'Nueva',
  copy: 'Copiar',
  copied: 'Copiada',
  mustChangeNextLogin: 'El usuario debe cambiar la contraseña en el próximo inicio de sesión',
  updateUser: 'Actualizar usuario',
  cancel: 'Cancelar',
  passwordSetFor: 'La contraseña de {account} se ha actualizado y sus sesiones se han cerrado.',
  forbiddenDomain: 'No puede administrar este dominio.',
  noMailboxes: 'Este dominio no tiene buzones.',
  noDomains: 'No tiene dominios que administrar.',
  superadmin: 'Superadministrador',
  domainAdmin: 'Administrador de dominio',
  devicesMenu: 'Dispositivos',
  devicesSection: 'Dispositivos y contraseñas de aplicación',
  devicesIntro:
    'Las aplicaciones de correo de su teléfono u ordenador pueden iniciar sesión con una contraseña de aplicación en lugar de su contraseña principal: una por dispositivo, revocable en cualquier momento. Solo sirven para aplicaciones de correo (IMAP, POP, SMTP), no para iniciar sesión aquí.',
  deviceName: 'Nombre del dispositivo',
  createAppPassword: 'Crear contraseña de aplicación',
  appPasswordCreated:
    'Contraseña de aplicación para {name}. Introdúzcala ahora en la aplicación de correo: no se volverá a mostrar.',
  noAppPasswords: 'Aún no hay contraseñas de aplicación.',
  createdAt: 'Creada',
  revoke: 'Revocar',
  revokeNamed: 'Revocar la contraseña de aplicación de {name}',
  appPasswordRevoked:
    'La contraseña de aplicación se revocó. Las aplicaciones que la usaban se desconectaron.',
  appPasswordRevokedPending:
    'La contraseña de aplicación se revocó, pero el servidor de correo no respondió: una aplicación conectada con ella puede seguir conectada hasta el reintento, que se hace automáticamente.',
  invalidDeviceName: 'Dé al dispositivo un nombre de 1 a 64 caracteres.',
  appPasswordLimitReached: 'Ya tiene {limit} contraseñas de aplicación. Revoque una antes de crear otra.',
  appPasswordNotFound: 'Esa contraseña de aplicación ya no existe.',
  appPasswordTryLater: 'Algo salió mal y no se cambió nada. Vuelva a intentarlo más tarde.',
  forgotPassword: '¿Olvidó la contraseña?',
  resetRequestTitle: 'Restablecer la contraseña',
  resetRequestIntro:
    'Escriba la dirección de su buzón. Enviamos un enlace para elegir una contraseña nueva a la dirección de recuperación guardada para él.',
  sendResetLink: 'Enviar enlace',
  resetSentTitle: 'Revise su correo',
  resetSent:
    'Si esta dirección pertenece a un buzón con dirección de recuperación, se ha enviado allí un enlace para elegir una contraseña nueva. Sirve una vez, durante 30 minutos.',
  resetFormTitle: 'Elija una contraseña nueva',
  resetFormIntro:
    'Contraseña nueva para {account}. Se cerrará la sesión de todos los dispositivos conectados a este buzón.',
  setNewPassword: 'Guardar y cerrar sesión en todas partes',
  resetLinkInvalid:
    'Este enlace ya no es válido: se usó, caducó o la contraseña cambió desde entonces. Solicite uno nuevo.',
  requestNewLink: 'Solicitar un enlace nuevo',
  passwordResetSignIn:
    'Su contraseña se restableció y se cerró la sesión de todos los dispositivos. Inicie sesión con la contraseña nueva.',
  backToSignIn: 'Volver al inicio de sesión',
  tooManyResetRequests: 'Demasiadas solicitudes desde esta red. Espere unos minutos y vuelva a intentarlo.',
};
