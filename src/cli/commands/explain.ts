/** @module `passrotate explain`: the policy as text, a passwordrules string, HTML attributes or JSON. */
import { Command, Option } from 'commander';
import { describePolicy, type LocaleId, locales, toHtmlAttributes, toPasswordRules } from '../../index.js';
import { loadPolicy, POLICY_OPTION_HELP } from '../load-policy.js';
import { oneOf } from '../parse-options.js';

const FORMATS = ['text', 'passwordrules', 'html', 'json'] as const;
type ExplainFormat = (typeof FORMATS)[number];

interface ExplainFlags {
  policy?: string;
  format: ExplainFormat;
  locale: LocaleId;
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * The `explain` command: `passrotate explain [--policy P] [--format text|passwordrules|html|json] [--locale de]`.
 * `text` prints the requirement lines a form shows, `passwordrules` the attribute value for password
 * managers, `html` the `<input>` attributes (escaped), `json` the policy, its lines and both strings.
 *
 * @example
 * ```ts
 * program.addCommand(explainCommand());
 * ```
 */
export function explainCommand(): Command {
  return new Command('explain')
    .description('describe the policy for people, password managers or HTML forms')
    .option('--policy <name|file>', POLICY_OPTION_HELP)
    .addOption(new Option('--format <format>', FORMATS.join('|')).argParser(oneOf(FORMATS)).default('text'))
    .addOption(
      new Option('--locale <id>', 'language of the text')
        .argParser(oneOf(Object.keys(locales) as LocaleId[]))
        .default('en'),
    )
    .action(async (flags: ExplainFlags) => {
      const policy = await loadPolicy(flags.policy);
      const lines = describePolicy(policy, { locale: flags.locale });
      let output: string;
      switch (flags.format) {
        case 'text':
          output = lines.map((line) => `- ${line.text}\n`).join('');
          break;
        case 'passwordrules':
          output = `${toPasswordRules(policy)}\n`;
          break;
        case 'html':
          output = `${Object.entries(toHtmlAttributes(policy))
            .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
            .join(' ')}\n`;
          break;
        case 'json':
          output = `${JSON.stringify(
            {
              policy,
              requirements: lines.map(({ code, text }) => ({ code, text })),
              passwordRules: toPasswordRules(policy),
              htmlAttributes: toHtmlAttributes(policy),
            },
            null,
            2,
          )}\n`;
          break;
      }
      process.stdout.write(output);
    });
}
