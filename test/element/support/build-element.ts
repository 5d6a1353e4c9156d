/** @module Builds `passrotate/element` exactly as `npm run build` does (its tsup config), into a temporary folder. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import tsupConfig from '../../../tsup.config.js';

/** The built element file and a way to remove it. */
export interface BuiltElement {
  readonly code: string;
  remove(): Promise<void>;
}

/** The element's entry of tsup.config.ts (the published build). */
export function elementBuildOptions(): Options {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const options = configs.find(
    (config) =>
      typeof config.entry === 'object' &&
      !Array.isArray(config.entry) &&
      'element/passrotate-password' in config.entry,
  );
  if (options === undefined) throw new Error('tsup.config.ts has no element/passrotate-password entry');
  return options;
}

/**
 * Runs the element's tsup build (no declarations, no source map) and reads the one output file.
 *
 * @example
 * ```ts
 * const { code, remove } = await buildElement();
 * ```
 */
export async function buildElement(): Promise<BuiltElement> {
  const outDir = await mkdtemp(join(tmpdir(), 'passrotate-element-'));
  await build({
    ...elementBuildOptions(),
    outDir,
    dts: false,
    sourcemap: false,
    silent: true,
    config: false,
  });
  const code = await readFile(join(outDir, 'element', 'passrotate-password.js'), 'utf8');
  return { code, remove: () => rm(outDir, { recursive: true, force: true }) };
}
