/** @module `passrotate serve`: the password flows over HTTP for PHP panels and Roundcube's password plugin. */
import { Command, Option } from 'commander';
import { PassrotateError } from '../../errors.js';
import { say } from '../rotation/io.js';
import type { StoreCommandOptions } from '../rotation/setup.js';
import { addStoreOptions } from './store-options.js';

/**
 * The options of `passrotate serve` (each also read from a `PASSROTATE_*` environment variable).
 *
 * @example
 * ```ts
 * const options: ServeOptions = { store: 'sqlite:mail.sqlite', listen: '127.0.0.1:8690', secretFile: '/etc/passrotate/secret' };
 * ```
 */
export interface ServeOptions extends StoreCommandOptions {
  readonly listen: string;
  readonly secretFile: string;
  readonly adminSecretFile?: string;
  readonly adminDomains?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly allowPlainHttp?: boolean;
  readonly locale?: string;
}

async function loadService(): Promise<typeof import('../../service/run-service.js')> {
  try {
    return await import('../../service/run-service.js');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new PassrotateError(
      'missing_dependency',
      'passrotate serve needs hono and @hono/node-server: npm install hono @hono/node-server',
      { cause: error },
    );
  }
}

/**
 * Registers `passrotate serve`.
 *
 * @example
 * ```ts
 * program.addCommand(serveCommand()); // passrotate serve --store sqlite:mail.sqlite --listen 127.0.0.1:8690 --secret-file secret
 * ```
 */
export function serveCommand(): Command {
  const command = new Command('serve')
    .description(
      "Serve the password flows over HTTP: Roundcube's httpapi driver at POST /roundcube, JSON for any panel under /api/",
    )
    .addOption(
      new Option('--listen <host:port>', 'address to listen on')
        .env('PASSROTATE_LISTEN')
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--secret-file <file>', "file holding the panels' shared secret (HTTP Basic password)")
        .env('PASSROTATE_SECRET_FILE')
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--admin-secret-file <file>',
        'file holding the admin secret, enabling POST /api/admin/set',
      ).env('PASSROTATE_ADMIN_SECRET_FILE'),
    )
    .addOption(
      new Option(
        '--admin-domains <list>',
        "comma-separated domains the admin may manage, or '*' for all",
      ).env('PASSROTATE_ADMIN_DOMAINS'),
    )
    .addOption(new Option('--tls-cert <file>', 'PEM certificate: serve HTTPS').env('PASSROTATE_TLS_CERT'))
    .addOption(new Option('--tls-key <file>', 'PEM private key of --tls-cert').env('PASSROTATE_TLS_KEY'))
    .addOption(
      new Option('--allow-plain-http', 'allow plain HTTP on a non-loopback address (behind a TLS proxy)').env(
        'PASSROTATE_ALLOW_PLAIN_HTTP',
      ),
    )
    .addOption(
      new Option('--locale <id>', 'language of messages when the caller names none')
        .choices(['en', 'de', 'fr', 'nl', 'es'])
        .env('PASSROTATE_LOCALE'),
    );
  // The shared storage options, each given its environment variable before it is added (commander
  // reads `envVar` when the option is added).
  for (const option of addStoreOptions(new Command(), { hashing: true }).options) {
    const env = ENV_OF_STORE_OPTION[option.attributeName()];
    command.addOption(env === undefined ? option : option.env(env));
  }
  return command.action(async (options: ServeOptions) => {
    const { runService } = await loadService();
    process.exitCode = await runService(options, say);
  });
}

/** The environment variables of the shared storage options, for `serve` only (run as a service). */
const ENV_OF_STORE_OPTION: Readonly<Record<string, string>> = {
  store: 'PASSROTATE_STORE',
  policy: 'PASSROTATE_POLICY',
  scheme: 'PASSROTATE_SCHEME',
  dovecotConfig: 'PASSROTATE_DOVECOT_CONFIG',
  doveadm: 'PASSROTATE_DOVEADM',
};
