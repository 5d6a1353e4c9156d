/** @module passrotate/adapters/dovecot */
// A passwd-file `CredentialStore` and a Dovecot `SessionRevoker`.
// The revoker flushes Dovecot's auth cache and kicks live IMAP/POP connections.

export type { FileLockOptions } from './file-lock.js';
export { type PasswdFileStoreOptions, passwdFileCredentialStore } from './passwd-file-store.js';
export {
  type DovecotSessionRevokerOptions,
  dovecotAuthCacheFlusher,
  dovecotRevokers,
  dovecotSessionRevoker,
} from './session-revoker.js';
