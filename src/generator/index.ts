/** @module The generator: passwords and passphrases that pass a policy by construction. */

export { APP_PASSWORD_ENTROPY_BITS, generateAppPassword } from './app-password.js';
export {
  DIGITS,
  LOOK_ALIKE_CHARACTERS,
  LOWERCASE_LETTERS,
  MAIL_SAFE_SPECIAL_CHARACTERS,
  UPPERCASE_LETTERS,
} from './character-pools.js';
export { effLargeWordlist } from './eff-large-wordlist.js';
export { generatePassphrase, generatePassphraseWithEntropy } from './generate-passphrase.js';
export { generatePassword, generatePasswordWithEntropy } from './generate-password.js';
export type {
  GeneratedPassword,
  GeneratePassphraseOptions,
  GeneratePasswordOptions,
  PassphraseCapitalization,
  SpecialCharacterChoice,
} from './options.js';
export { MAX_ATTEMPTS, PATTERN_ATTEMPTS } from './remaining-rules.js';
