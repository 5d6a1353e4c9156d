/** @module The app-password passdb slots of docs/app-passwords.md, written for a test's private Dovecot (SQLite, PostgreSQL or MariaDB). */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Dovecot's SQL driver finds `mailbox` and `mailbox_app_password`. */
export interface AppPasswordSlotDatabase {
  readonly driver: 'sqlite' | 'pgsql' | 'mysql';
  /** Dovecot's `connect` value: the SQLite path, or the pgsql/mysql `host=… dbname=…` string. */
  readonly connect: string;
}

/**
 * The documented slot query for slot `slot`: the account's `slot`-th app password (by id) while
 * the mailbox is active. One query for all three databases.
 *
 * @example
 * ```ts
 * appPasswordSlotQuery(0); // "SELECT a.username AS user, … LIMIT 1 OFFSET 0"
 * ```
 */
export function appPasswordSlotQuery(slot: number): string {
  return `SELECT a.username AS user, a.password_hash AS password FROM mailbox_app_password a JOIN mailbox m ON m.username = a.username WHERE a.username = '%u' AND m.active = '1' ORDER BY a.id LIMIT 1 OFFSET ${slot}`;
}

/**
 * Writes one `dovecot-app-password-K.conf.ext` per slot into `dir` and returns the `passdb { … }`
 * blocks for `startDovecot({ extraPassdbs })`: every slot but the last continues on failure.
 *
 * @example
 * ```ts
 * const dovecot = await startDovecot({ passdb, extraPassdbs: appPasswordPassdbs(dir, { driver: 'sqlite', connect: file }, 5) });
 * ```
 */
export function appPasswordPassdbs(dir: string, database: AppPasswordSlotDatabase, slots: number): string[] {
  return Array.from({ length: slots }, (_, slot) => {
    const conf = join(dir, `dovecot-app-password-${slot}.conf.ext`);
    writeFileSync(
      conf,
      [
        `driver = ${database.driver}`,
        `connect = ${database.connect}`,
        `password_query = ${appPasswordSlotQuery(slot)}`,
        '',
      ].join('\n'),
    );
    chmodSync(conf, 0o644);
    const last = slot === slots - 1;
    return `passdb {\n  driver = sql\n  args = ${conf}\n${last ? '' : '  result_failure = continue\n'}}`;
  });
}
