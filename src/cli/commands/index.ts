/** @module Registers every CLI sub-command on the program. */
import type { Command } from 'commander';

/**
 * Adds all sub-commands to `program`.
 *
 * @example
 * ```ts
 * registerCommands(new Command('passrotate'));
 * ```
 */
export function registerCommands(program: Command): void {
  void program;
}
