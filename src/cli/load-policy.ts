/** @module The CLI's shared `--policy` option: a preset name or a JSON file holding a policy spec. */
import { readFile } from 'node:fs/promises';
import { PassrotateError } from '../errors.js';
import { definePolicy, type Policy, type PolicySpec, presets } from '../policy/index.js';

/**
 * The preset used when `--policy` is not given.
 *
 * @example
 * ```ts
 * await loadPolicy(); // presets[DEFAULT_POLICY]
 * ```
 */
const DEFAULT_POLICY: string = 'mailbox';

/**
 * Help text of the `--policy` option, shared by every command that takes it.
 *
 * @example
 * ```ts
 * new Command('generate').option('--policy <name|file>', POLICY_OPTION_HELP);
 * ```
 */
export const POLICY_OPTION_HELP: string = `a preset (${Object.keys(presets).join(', ')}) or a JSON file with a policy spec`;

/**
 * Resolves `--policy`: a preset name, or the path of a JSON file whose content is a `PolicySpec`.
 *
 * @throws PassrotateError `invalid_policy` when the file cannot be read, is not JSON, or is not a
 *   valid spec (the message names the file and the field).
 * @example
 * ```ts
 * const policy = await loadPolicy('nist');
 * ```
 */
export async function loadPolicy(name: string = DEFAULT_POLICY): Promise<Policy> {
  if (Object.hasOwn(presets, name)) return presets[name as keyof typeof presets];
  let text: string;
  try {
    text = await readFile(name, 'utf8');
  } catch (cause) {
    throw new PassrotateError(
      'invalid_policy',
      `--policy: "${name}" is neither a preset (${Object.keys(presets).join(', ')}) nor a readable file`,
      { cause },
    );
  }
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (cause) {
    throw new PassrotateError('invalid_policy', `--policy: ${name} is not valid JSON`, { cause });
  }
  try {
    return definePolicy(spec as PolicySpec);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PassrotateError('invalid_policy', `--policy: ${name}: ${detail}`, { cause: error });
  }
}
