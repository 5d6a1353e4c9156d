import { describe, expect, it } from 'vitest';
import { describePolicy, presets, toPasswordRules } from '../../src/index.js';
import { runCli } from './run-cli.js';

describe('passrotate explain', { timeout: 60_000 }, () => {
  it('prints the requirement lines, in the asked locale', async () => {
    const [en, de] = await Promise.all([runCli(['explain']), runCli(['explain', '--locale', 'de'])]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(
      describePolicy(presets.mailbox)
        .map((line) => `- ${line.text}\n`)
        .join(''),
    );
    expect(de.stdout).toBe(
      describePolicy(presets.mailbox, { locale: 'de' })
        .map((line) => `- ${line.text}\n`)
        .join(''),
    );
  });

  it('prints passwordrules, escaped HTML attributes and JSON', async () => {
    const [rules, html, json] = await Promise.all([
      runCli(['explain', '--policy', 'strict', '--format', 'passwordrules']),
      runCli(['explain', '--format', 'html']),
      runCli(['explain', '--policy', 'nist', '--format', 'json']),
    ]);
    expect(rules.stdout).toBe(`${toPasswordRules(presets.strict)}\n`);
    expect(html.stdout).toMatch(
      /^minlength="8" maxlength="\d+" passwordrules="[^"]*" autocomplete="new-password"\n$/,
    );
    expect(html.stdout).toContain('&quot;');
    const parsed = JSON.parse(json.stdout) as { policy: { minLength: number }; passwordRules: string };
    expect(parsed.policy.minLength).toBe(15);
    expect(parsed.passwordRules).toBe(toPasswordRules(presets.nist));
  });

  it('exits 2 for an unknown format', async () => {
    const { code, stderr } = await runCli(['explain', '--format', 'yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('text, passwordrules, html, json');
  });
});
