import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS } from '../../src/cli/commands/index.js';

const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
/** docs/cli.md cut at its `## ` headings; the text before the first one is the preamble. */
const [preamble = '', ...sections] = doc.split(/^(?=## )/m);
const storageOptions = sections.find((s) => s.startsWith('## Options of the storage commands')) ?? '';

/** Every command that runs something, by its full name (`sessions revoke`). */
async function leafCommands(): Promise<{ path: string; command: Command }[]> {
  const leaves: { path: string; command: Command }[] = [];
  const walk = (command: Command, prefix: string): void => {
    const path = `${prefix}${command.name()}`;
    if (command.commands.length === 0) leaves.push({ path, command });
    for (const sub of command.commands) walk(sub, `${path} `);
  };
  for (const load of Object.values(COMMAND_LOADERS)) walk(await load(), '');
  return leaves;
}

describe('docs/cli.md, the full reference', () => {
  it('has a section for every command and names each of its options there (or among the shared ones)', async () => {
    const missing: string[] = [];
    for (const { path, command } of await leafCommands()) {
      const section = sections.find((s) => s.split('\n')[0]?.includes(`\`passrotate ${path}\``));
      if (section === undefined) {
        missing.push(`no "## \`passrotate ${path}\`" section`);
        continue;
      }
      for (const option of command.options) {
        const names = [option.long, option.short].filter((n): n is string => n !== undefined);
        const where = [section, preamble, storageOptions];
        if (!names.some((n) => where.some((text) => new RegExp(`${n}(?![\\w-])`).test(text)))) {
          missing.push(`\`passrotate ${path}\` option ${option.flags}`);
        }
      }
    }
    expect(missing, 'missing from docs/cli.md').toEqual([]);
  });

  it('documents --version and one exit-code table for every command', () => {
    expect(preamble).toContain('--version');
    for (const code of [0, 1, 2]) expect(preamble).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
