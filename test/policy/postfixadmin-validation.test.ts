import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  definePolicy,
  formatViolation,
  fromPostfixadminValidation,
  generatePassword,
  presets,
  translatePcre,
  validatePassword,
} from '../../src/index.js';

const POSTFIXADMIN = '/usr/share/postfixadmin';
const available =
  existsSync(`${POSTFIXADMIN}/config.inc.php`) &&
  (() => {
    try {
      execFileSync('php', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

if (!available && process.env.CI === 'true') {
  throw new Error('php-cli or Postfixadmin (Debian package postfixadmin) is missing; CI must run this suite');
}

/** Runs PHP and decodes what it prints as JSON. */
function php<T>(code: string): T {
  return JSON.parse(execFileSync('php', ['-r', code], { encoding: 'utf8' })) as T;
}

/** Postfixadmin's own default `$CONF['password_validation']`, read from its real config file. */
function realDefault(): Record<string, string> {
  return php(
    `define('POSTFIXADMIN', 1); $CONF = []; include '${POSTFIXADMIN}/config.inc.php'; echo json_encode($CONF['password_validation']);`,
  );
}

/** Postfixadmin's `$PALANG` strings of `language` for the keys the default uses. */
function realLanguage(language: string): Record<string, string> {
  return php(
    `$PALANG = []; include '${POSTFIXADMIN}/languages/${language}.lang'; echo json_encode(array_intersect_key($PALANG, array_flip(['password_too_short', 'password_no_characters', 'password_no_digits'])));`,
  );
}

/** What Postfixadmin itself says of `password`: its own regexes, run by PHP's preg_match. */
function postfixadminAccepts(validation: Record<string, string>, password: string): boolean[] {
  return php(
    `$v = json_decode(${JSON.stringify(JSON.stringify(validation))}, true); $out = []; foreach ($v as $re => $_) { $out[] = preg_match($re, ${JSON.stringify(password).replace(/\$/g, '\\$')}) === 1; } echo json_encode($out);`,
  );
}

describe.skipIf(!available)("fromPostfixadminValidation on Postfixadmin's real default", () => {
  it('imports the default of config.inc.php as three patterns with ids and messages', () => {
    const validation = realDefault();
    expect(Object.keys(validation)).toHaveLength(3);
    const spec = fromPostfixadminValidation(validation);
    expect(spec.patterns).toEqual([
      {
        regex: '.{5}',
        flags: 'u',
        id: 'password_too_short',
        message: expect.objectContaining({ en: 'Use at least 5 characters.' }),
      },
      {
        regex: '([a-zA-Z].*){3}',
        flags: 'u',
        id: 'password_no_characters',
        message: expect.objectContaining({ de: 'Verwenden Sie mindestens 3 Buchstaben (A–Z, a–z).' }),
      },
      {
        regex: '([0-9].*){2}',
        flags: 'u',
        id: 'password_no_digits',
        message: expect.objectContaining({ fr: 'Utilisez au moins 2 chiffres.' }),
      },
    ]);
  });

  it('judges passwords as Postfixadmin (PHP preg_match) does', () => {
    const validation = realDefault();
    const policy = definePolicy({
      minLength: 1,
      blocklist: false,
      accountCheck: false,
      ...fromPostfixadminValidation(validation),
    });
    for (const password of ['abc', 'abcde', 'ab12', 'abc12', 'a1b2c3', '12345', 'Passw0rd9', 'xy!z9#8']) {
      const ours = policy.patterns.map(
        (_, i) =>
          !validatePassword(policy, password).violations.some(
            (v) => v.code === 'pattern_mismatch' && v.index === i,
          ),
      );
      expect(ours, password).toEqual(postfixadminAccepts(validation, password));
    }
  });

  it("shows Postfixadmin's own wording when given its language files", () => {
    const spec = fromPostfixadminValidation(realDefault(), {
      languages: { en: realLanguage('en'), de: realLanguage('de') },
    });
    const policy = definePolicy({ ...presets.mailbox, ...spec });
    const [digits] = validatePassword(policy, 'Abcdefg!1').violations;
    expect(digits).toMatchObject({ code: 'pattern_mismatch', id: 'password_no_digits', index: 2 });
    expect(formatViolation(digits as never, { locale: 'en' })).toBe(
      'Your password must contain at least 2 digit(s).',
    );
    expect(formatViolation(digits as never, { locale: 'de' })).toBe(
      'Ihr Passwort muss mindestens 2 Ziffer(n) enthalten.',
    );
  });

  it('the generator meets the imported rules', () => {
    const policy = definePolicy({ ...presets.mailbox, ...fromPostfixadminValidation(realDefault()) });
    for (let i = 0; i < 100; i++) expect(validatePassword(policy, generatePassword(policy)).ok).toBe(true);
  });
});

describe('translatePcre', () => {
  it('converts delimiters, escaped delimiters, \\x{…} and the modifiers JavaScript has', () => {
    expect(translatePcre('#^a\\#b$#iD')).toEqual({ source: '^a#b$', flags: 'iu' });
    expect(translatePcre('{[0-9]{2}}')).toEqual({ source: '[0-9]{2}', flags: 'u' });
    expect(translatePcre('/\\x{e9}\\//u')).toEqual({ source: '\\u{e9}\\/', flags: 'u' });
    expect(translatePcre('|a\\|b|s')).toEqual({ source: 'a\\|b', flags: 'su' });
    expect(translatePcre('/[a\\-z]\\-/')).toEqual({ source: '[a\\-z]-', flags: 'u' });
  });

  it.each([
    ['/a++/', 'possessive'],
    ['/(?>a)/', '(?…) group'],
    ['/(?i)a/', '(?…) group'],
    ['/(?P<n>a)/', '(?…) group'],
    ['/\\Aa\\z/', '\\A'],
    ['/a\\K/', '\\K'],
    ['/[[:alpha:]]/', 'POSIX'],
    ['/a/x', 'modifier x'],
    ['/a/U', 'modifier U'],
    ['abc', 'no PCRE delimiter'],
    ['/abc', 'closing delimiter'],
    ['/a{2,1}/', 'not a valid JavaScript'],
  ])('refuses %s (%s)', (regex, problem) => {
    expect(() => translatePcre(regex)).toThrow(
      expect.objectContaining({
        code: 'invalid_postfixadmin_validation',
        message: expect.stringContaining(problem),
      }),
    );
  });

  it('refuses callables (they arrive as objects) instead of dropping them', () => {
    expect(() => fromPostfixadminValidation({ length_check: {} })).toThrow(/callables cannot be imported/);
  });
});
