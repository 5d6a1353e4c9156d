/**
 * @module `npm run bench`: passrotate against peer libraries on one corpus, printed as ops/s and ratios.
 * Validation: the `mailbox` preset (composition + blocklist + account check) vs password-validator
 * (composition only), owasp-password-strength-test, and a hand-written four-class loop.
 * Generation: `generatePassword(mailbox)` vs generate-password in strict mode, both 16 characters.
 */
import generator from 'generate-password';
import owasp from 'owasp-password-strength-test';
import PasswordValidator from 'password-validator';
import { Bench } from 'tinybench';
import { generatePassphrase, generatePassword, presets, validatePassword } from '../src/index.ts';
import { buildCorpus, seededSource } from './corpus.ts';

const corpus = buildCorpus((length) =>
  generatePassword(presets.mailbox, { length, random: seededSource(length) }),
);
const context = { account: 'alice@example.org' };

const schema = new PasswordValidator();
schema.is().min(8).is().max(128).has().uppercase().has().lowercase().has().digits().has().symbols();
owasp.config({ minLength: 8, maxLength: 128 });

/** Length ≥ 8 and one each of upper, lower, digit, special: the practical floor of any validator. */
function fourClasses(password: string): boolean {
  if (password.length < 8 || password.length > 128) return false;
  let mask = 0;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1;
    else if (c >= 65 && c <= 90) mask |= 2;
    else if (c >= 48 && c <= 57) mask |= 4;
    else mask |= 8;
  }
  return mask === 15;
}

let sink = 0;
const BATCH = corpus.length;
const GENERATE_BATCH = 1000;
const gpOptions = {
  length: 16,
  numbers: true,
  symbols: true,
  uppercase: true,
  lowercase: true,
  strict: true,
};

const bench = new Bench({ time: 2000, warmupTime: 300 });
const perCall = new Map<string, number>();
function add(name: string, calls: number, fn: () => void): void {
  perCall.set(name, calls);
  bench.add(name, fn);
}

add('validate: passrotate mailbox (+blocklist +account)', BATCH, () => {
  for (const p of corpus) sink += validatePassword(presets.mailbox, p, context).ok ? 1 : 0;
});
add('validate: password-validator (composition)', BATCH, () => {
  for (const p of corpus) sink += schema.validate(p) ? 1 : 0;
});
add('validate: owasp-password-strength-test', BATCH, () => {
  for (const p of corpus) sink += owasp.test(p).strong ? 1 : 0;
});
add('validate: hand-written four-class loop', BATCH, () => {
  for (const p of corpus) sink += fourClasses(p) ? 1 : 0;
});
add('generate: passrotate generatePassword(mailbox), 16 chars', GENERATE_BATCH, () => {
  for (let i = 0; i < GENERATE_BATCH; i++) sink += generatePassword(presets.mailbox).length;
});
add('generate: generate-password strict, 16 chars', GENERATE_BATCH, () => {
  for (let i = 0; i < GENERATE_BATCH; i++) sink += generator.generate(gpOptions).length;
});
add('generate: passrotate generatePassphrase(mailbox)', GENERATE_BATCH, () => {
  for (let i = 0; i < GENERATE_BATCH; i++) sink += generatePassphrase(presets.mailbox).length;
});

await bench.run();

const opsPerSecond = new Map<string, number>();
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  opsPerSecond.set(task.name, ((perCall.get(task.name) ?? 1) * 1000) / result.period);
}
const ops = (prefix: string): number => {
  for (const [name, value] of opsPerSecond) if (name.startsWith(prefix)) return value;
  throw new Error(`no task ${prefix}`);
};
const baseline = {
  validate: ops('validate: password-validator'),
  generate: ops('generate: generate-password'),
};
const rows = [...opsPerSecond].map(([name, value]) => [
  name,
  Math.round(value).toLocaleString('en-US'),
  `${(value / (name.startsWith('validate') ? baseline.validate : baseline.generate)).toFixed(2)}×`,
]);
const header = ['task', 'ops/s', 'vs peer'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]): string =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |\n`;
process.stdout.write(line(header));
process.stdout.write(
  `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|\n`,
);
for (const row of rows) process.stdout.write(line(row as string[]));

const mailbox = ops('validate: passrotate mailbox') / baseline.validate;
const generation = ops('generate: passrotate generatePassword') / baseline.generate;
const handLoop = ops('validate: hand-written') / baseline.validate;
process.stdout.write(
  `\n"vs peer" = ÷ password-validator for validation, ÷ generate-password strict for generation.\n` +
    `mailbox validation ${mailbox.toFixed(2)}× password-validator (target ≥ 1×; hand loop ${handLoop.toFixed(2)}×)\n` +
    `generation ${generation.toFixed(2)}× generate-password strict (target ≥ 3×)\n` +
    `(checksum ${sink})\n`,
);
