/** @module `passrotate calibrate`: finds the cost whose hash takes about a target time on this machine. */
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_LIMITS,
  type HashLimits,
  type HashParams,
  hashPassword,
  identifyHash,
} from '../../hash/node.js';
import { calibrateCost } from '../calibrate-cost.js';
import { costKnob } from '../scheme-cost.js';
import { DEFAULT_CLI_SCHEME } from './hash.js';

const SAMPLES = 3;
const PASSWORD = 'calibration-password';

function parseTarget(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('must be a positive number of milliseconds');
  return n;
}

/**
 * Trial hashes may overshoot the target several times over before the estimate settles, so they
 * run under a work budget well above it (never below the default).
 */
function trialLimits(targetMs: number): Partial<HashLimits> {
  return { maxWorkMs: Math.max(DEFAULT_LIMITS.maxWorkMs, Math.ceil(targetMs * 16)) };
}

/** Median wall time of `SAMPLES` hashes with `params`. */
async function timeHash(scheme: string, params: HashParams, limits: Partial<HashLimits>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await hashPassword(PASSWORD, { scheme, params, limits });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)] as number;
}

const formatParams = (params: HashParams): string =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');

/**
 * The `calibrate` command: `passrotate calibrate [-s SCHEME] [--target-ms 250]` measures hashes on
 * this machine (through the same worker pool a server would use) and prints the scheme, the
 * parameters whose hash takes about the target time, and the median time measured for them:
 * `ARGON2ID m=19456,t=7,p=1,v=19 243 ms (target 250 ms)`.
 *
 * @example
 * ```ts
 * program.addCommand(calibrateCommand());
 * // passrotate calibrate -s BLF-CRYPT --target-ms 100
 * ```
 */
export function calibrateCommand(): Command {
  return new Command('calibrate')
    .description('pick the cost whose hash takes about --target-ms on this machine')
    .option('-s, --scheme <scheme>', 'password scheme', DEFAULT_CLI_SCHEME)
    .addOption(new Option('--target-ms <ms>', 'wanted time per hash').argParser(parseTarget).default(250))
    .action(async (flags: { scheme: string; targetMs: number }, command: Command) => {
      const scheme = flags.scheme.toUpperCase();
      const knob = costKnob(scheme);
      if (!knob) {
        command.error(`error: scheme ${scheme} has no cost to calibrate`, {
          exitCode: 2,
          code: 'commander.invalidArgument',
        });
      }
      const paramsFor = (value: number): HashParams => ({ ...knob.fixed, [knob.param]: value });
      const limits = trialLimits(flags.targetMs);
      await hashPassword(PASSWORD, { scheme, params: paramsFor(knob.min), limits }); // start the worker threads
      const best = await calibrateCost(
        knob,
        (value) => timeHash(scheme, paramsFor(value), limits),
        flags.targetMs,
      );
      // Print the parameters as the library reads them back from a hash made with them.
      const { params } = identifyHash(
        await hashPassword(PASSWORD, { scheme, params: paramsFor(best.value), limits }),
      );
      process.stdout.write(
        `${scheme} ${formatParams(params)} ${Math.round(best.ms)} ms (target ${flags.targetMs} ms)\n`,
      );
      if (flags.targetMs > DEFAULT_LIMITS.maxWorkMs) {
        process.stderr.write(
          `note: above ${DEFAULT_LIMITS.maxWorkMs} ms a hash needs a raised work budget (limits.maxWorkMs) to be written and verified\n`,
        );
      }
    });
}
