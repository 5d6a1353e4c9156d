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
import { generatePassphrase, generatePassword, presets, validatePassword } from '../dist/index.js';
import { buildCorpus, seededSource } from './corpus.ts';

const corpusRandom = seededSource(7);
const corpus = buildCorpus((length) => generatePassword(presets.mailbox, { length, random: corpusRandom }));
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

type Task = { readonly name: string; readonly calls: number; readonly fn: () => void };
const tasks: Task[] = [];
function add(name: string, calls: number, fn: () => void): void {
  tasks.push({ name, calls, fn });
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

/**
 * Several short rounds, each running every task once, so a busy machine slows all tasks alike;
 * each figure is the median over the rounds, each ratio the median of the per-round ratios.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const perRound: Map<string, number>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 400, warmupTime: 100 });
  for (const task of tasks) bench.add(task.name, task.fn);
  await bench.run();
  const ops = new Map<string, number>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    const calls = tasks.find((t) => t.name === task.name)?.calls ?? 1;
    ops.set(task.name, (calls * 1000) / result.period);
  }
  perRound.push(ops);
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
const peerOf = (name: string): string =>
  name.startsWith('validate')
    ? 'validate: password-validator (composition)'
    : 'generate: generate-password strict, 16 chars';
const opsOf = (name: string): number => median(perRound.map((ops) => ops.get(name) as number));
const ratioOf = (name: string): number =>
  median(perRound.map((ops) => (ops.get(name) as number) / (ops.get(peerOf(name)) as number)));

const rows = tasks.map(({ name }) => [
  name,
  Math.round(opsOf(name)).toLocaleString('en-US'),
  `${ratioOf(name).toFixed(2)}×`,
]);
const header = ['task', 'ops/s (median)', 'vs peer'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]): string =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |\n`;
process.stdout.write(`\nNode ${process.version}, ${ROUNDS} rounds, corpus of ${corpus.length} passwords\n\n`);
process.stdout.write(line(header));
process.stdout.write(
  `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|\n`,
);
for (const row of rows) process.stdout.write(line(row as string[]));

const mailbox = ratioOf('validate: passrotate mailbox (+blocklist +account)');
const generation = ratioOf('generate: passrotate generatePassword(mailbox), 16 chars');
const handLoop = ratioOf('validate: hand-written four-class loop');
process.stdout.write(
  `\n"vs peer" = ÷ password-validator for validation, ÷ generate-password strict for generation.\n` +
    `mailbox validation ${mailbox.toFixed(2)}× password-validator (target ≥ 1×; hand loop ${handLoop.toFixed(2)}×): ${mailbox >= 1 ? 'met' : 'MISSED'}\n` +
    `generation ${generation.toFixed(2)}× generate-password strict (target ≥ 3×): ${generation >= 3 ? 'met' : 'MISSED'}\n` +
    `(checksum ${sink})\n`,
);
