/** @module passrotate/hash */
// Read and write the password-hash formats mail servers use.
// Dovecot `{SCHEME}`, crypt `$id$`, PHC, passlib and Django formats, verified against the real tools.
// Runtime-neutral: the default engine is pure JavaScript; no `node:` import here.

export {
  createHasher,
  type Hasher,
  type HasherOptions,
  type VerifyAndUpdateResult,
} from './create-hasher.js';
export { getDefaultEngine, setDefaultEngine } from './default-engine.js';
export { referenceEngine } from './engines/reference.js';
export { hashPassword } from './hash-password.js';
export { identifyHash } from './identify-hash.js';
export type { Argon2Params, KdfEngine, ScryptParams } from './kdf-engine.js';
export { DEFAULT_LIMITS, type HashLimits } from './limits.js';
export { needsRehash } from './needs-rehash.js';
export { listSchemes, type SchemeListing } from './registry.js';
export type {
  HashForm,
  HashInfo,
  HashOptions,
  HashParams,
  HashTarget,
  VerifyOptions,
  WorkOptions,
} from './types.js';
export { verifyPassword } from './verify-password.js';
export { estimateWorkMs, WORK_UNIT_NS, type WorkKind } from './work-budget.js';
