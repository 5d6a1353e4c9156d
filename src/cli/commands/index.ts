/** @module Registers every CLI sub-command on the program. */
import type { Command } from 'commander';
import { calibrateCommand } from './calibrate.js';
import { hashCommand } from './hash.js';
import { verifyCommand } from './verify.js';

/**
 * Adds all sub-commands to `program`.
 *
 * @example
 * ```ts
 * registerCommands(new Command('passrotate'));
 * ```
 */
export function registerCommands(program: Command): void {
  program.addCommand(hashCommand());
  program.addCommand(verifyCommand());
  program.addCommand(calibrateCommand());
}
