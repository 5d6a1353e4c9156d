/** @module Registers every CLI sub-command on the program. */
import type { Command } from 'commander';
import { calibrateCommand } from './calibrate.js';
import { checkCommand } from './check.js';
import { expireCommand } from './expire.js';
import { explainCommand } from './explain.js';
import { generateCommand } from './generate.js';
import { hashCommand } from './hash.js';
import { resumeCommand } from './resume.js';
import { rotateDomainCommand } from './rotate-domain.js';
import { serveCommand } from './serve.js';
import { sessionsCommand } from './sessions.js';
import { setCommand } from './set.js';
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
    setCommand(),
    rotateDomainCommand(),
    expireCommand(),
    sessionsCommand(),
    resumeCommand(),
    serveCommand(),
  ]) {
    program.addCommand(inheritSettings(command, program));
  }
}

/** Copies `parent`'s settings to `command` and to its own sub-commands (e.g. `sessions revoke`). */
function inheritSettings(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inheritSettings(sub, command);
  return command;
}
