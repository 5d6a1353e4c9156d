/** @module Connection settings of a `mysql://` store URL, with the password from the URL, `MYSQL_PWD` or `MYSQL_PWD_FILE`. */
import { readFileSync } from 'node:fs';
import { PassrotateError } from '../errors.js';

/**
 * What the CLI hands to `mysql2`'s `createPool` (besides pool sizing).
 *
 * @example
 * ```ts
 * const settings: MysqlConnectionSettings = mysqlConnectionSettings('mysql://mail@db/mail', process.env);
 * ```
 */
export interface MysqlConnectionSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Absent when neither the URL nor the environment gives one. */
  readonly password?: string;
  readonly database: string;
}

/**
 * Reads `mysql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`. Without a password in the URL it takes
 * `MYSQL_PWD` (the variable the mysql and mariadb clients read), else the first line of the file
 * named by `MYSQL_PWD_FILE` (a secrets file), else none. Query parameters are refused rather than
 * passed to the driver as options.
 *
 * @throws PassrotateError `invalid_store` for a URL without host or database or with a query,
 *   `store_unavailable` when `MYSQL_PWD_FILE` cannot be read.
 * @example
 * ```ts
 * mysqlConnectionSettings('mysql://mail@127.0.0.1:3306/mail', { MYSQL_PWD: 's3cret' }).password; // 's3cret'
 * ```
 */
export function mysqlConnectionSettings(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): MysqlConnectionSettings {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new PassrotateError('invalid_store', '--store mysql:// is not a valid URL', { cause: error });
  }
  const database = decodeURIComponent(url.pathname.slice(1));
  if (url.protocol !== 'mysql:' || url.hostname === '' || database === '' || database.includes('/')) {
    throw new PassrotateError('invalid_store', '--store must look like mysql://USER@HOST:PORT/DATABASE');
  }
  if (url.search !== '') {
    throw new PassrotateError('invalid_store', '--store mysql:// takes no query parameters');
  }
  const password = url.password !== '' ? decodeURIComponent(url.password) : passwordFromEnv(env);
  return {
    host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username),
    ...(password === undefined ? {} : { password }),
    database,
  };
}

function passwordFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.MYSQL_PWD !== undefined && env.MYSQL_PWD !== '') return env.MYSQL_PWD;
  const file = env.MYSQL_PWD_FILE;
  if (file === undefined || file === '') return undefined;
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/, 1)[0];
  } catch (error) {
    throw new PassrotateError('store_unavailable', `cannot read MYSQL_PWD_FILE ${file}`, { cause: error });
  }
}
