/** @module The password matrix every interop vector set and live interop test draws from. */

const SPECIALS = ',./!@#$%^&*';

/** A named test password; `empty` marks the one some tools refuse. */
export interface MatrixPassword {
  readonly name: string;
  readonly password: string;
}

const base = 'Pässwörd-é';
const ascii72 = 'A1b2C3d4E5f6G7h8I9j0'.repeat(4).slice(0, 72);

/** ASCII, each special of `,./!@#$%^&*` alone and all together, spaces, NFC/NFD, emoji, 72/80 bytes, empty. */
export const PASSWORD_MATRIX: readonly MatrixPassword[] = [
  { name: 'ascii', password: 'password' },
  { name: 'mixed', password: 'Correct-Horse-9' },
  { name: 'all-specials', password: `Sp3c${SPECIALS}` },
  ...[...SPECIALS].map((c, i) => ({ name: `special-${i}`, password: `pa${c}ss${c}9` })),
  { name: 'spaces', password: 'correct horse battery staple' },
  { name: 'edge-spaces', password: ' leading and trailing ' },
  { name: 'nfc', password: base.normalize('NFC') },
  { name: 'nfd', password: base.normalize('NFD') },
  { name: 'emoji', password: 'p@ss🔑word😀' },
  { name: 'cyrillic', password: 'пароль-Пароль' },
  { name: 'bytes-72', password: ascii72 },
  { name: 'bytes-80', password: `${ascii72}overflow` },
  { name: 'empty', password: '' },
];

/**
 * A different password for the negative check: the first character changed (within bcrypt's 72
 * bytes), or `x` for the empty password.
 */
export function wrongPassword(password: string): string {
  if (password === '') return 'x';
  const [first = ''] = password;
  return `${first === 'x' ? 'y' : 'x'}${password.slice(first.length)}`;
}
