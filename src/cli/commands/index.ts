/** @module Registers every CLI sub-command on the program. */
import type { Command } from 'commander';
import { calibrateCommand } from './calibrate.js';
import { checkCommand } from './check.js';
import { explainCommand } from './explain.js';
import { generateCommand } from './generate.js';
import { hashCommand } from './hash.js';
import { verifyCommand } from './verify.js';

/**
 * Adds all sub-commands to `program`. Each inherits the program's settings (notably `exitOverride`,
 * so usage errors reach `main.ts` and exit with code 2).
 *
 * @example
 * ```ts
 * registerCommands(new Command('passrotate'));
 * ```
 */
export function registerCommands(program: Command): void {
  for (const command of [
    generateCommand(),
    checkCommand(),
    explainCommand(),
    hashCommand(),
    verifyCommand(),
    calibrateCommand(),
  ]) {
    program.addCommand(command.copyInheritedSettings(program));
  }
}
