/**
 * @module `npm run bench:cli-startup`: wall time of the built CLI's quick commands against a bare
 * `node -e 0`, as medians of interleaved runs and as ratios (target: `generate` and `check` ≤ 1.5×).
 * Needs `npm run build` first (the npm script runs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');

const runs = Number(process.env.CLI_STARTUP_RUNS ?? 30);
const cases: readonly { name: string; args: readonly string[]; input?: string }[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'passrotate --version', args: [cli, '--version'] },
  { name: 'passrotate generate', args: [cli, 'generate'] },
  { name: 'passrotate check', args: [cli, 'check'], input: 'Correct-H0rse-Battery\n' },
  { name: 'passrotate --help', args: [cli, '--help'] },
];

const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
// Interleaved, so load from other processes spreads over every case alike.
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, c.args, { input: c.input ?? '', encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0 && !(c.name.includes('check') && run.status === 1)) {
      throw new Error(`${c.name} exited ${run.status}: ${run.stderr}`);
    }
    samples.get(c.name)?.push(ms);
  }
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const baseline = median(samples.get('node -e 0') ?? []);
process.stdout.write(`CLI start-up, median of ${runs} interleaved runs (Node ${process.version})\n`);
process.stdout.write('| command | ms | ÷ node -e 0 | target |\n| --- | --- | --- | --- |\n');
for (const c of cases) {
  const ms = median(samples.get(c.name) ?? []);
  const target = c.name.endsWith('generate') || c.name.endsWith('check') ? '≤ 1.5×' : '';
  process.stdout.write(`| ${c.name} | ${ms.toFixed(1)} | ${(ms / baseline).toFixed(2)}× | ${target} |\n`);
}
