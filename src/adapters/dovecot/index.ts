/** @module passrotate/adapters/dovecot */
// A passwd-file `CredentialStore` and a Dovecot `SessionRevoker`.
// The revokers flush Dovecot's auth cache and kick live IMAP/POP connections, with a local doveadm
// or over the doveadm HTTP API of one or many backends.

export type { FileLockOptions } from './file-lock.js';
export {
  type DoveadmHttpBackend,
  type DovecotHttpRevokersOptions,
  dovecotHttpRevokers,
} from './http-revoker.js';
export { type PasswdFileStoreOptions, passwdFileCredentialStore } from './passwd-file-store.js';
export {
  type DovecotSessionRevokerOptions,
  dovecotAuthCacheFlusher,
  dovecotRevokers,
  dovecotSessionRevoker,
} from './session-revoker.js';
