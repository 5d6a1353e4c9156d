/** @module A session store's revoke-all as one PL/pgSQL function, so it costs one round trip. */
import type { ResolvedSchema } from '../sql/mailbox-schema.js';

/**
 * The revoke-all's PL/pgSQL statements for the account in variable `account`, keeping the session
 * whose digest is in variable `except` (NULL for none); they need a `v_epoch bigint` variable, and
 * the last one (the DELETE) sets `ROW_COUNT`. Shared by the function below and the password write,
 * which runs them inline (calling the function per revoked account cost ~0.03 ms more).
 *
 * @example
 * ```ts
 * const body = `FOR v_revoked IN … LOOP ${revokeSessionsStatements(schema, 'v_revoked', 'NULL')} END LOOP;`;
 * ```
 */
export function revokeSessionsStatements(schema: ResolvedSchema, account: string, except: string): string {
  const { q } = schema;
  return `INSERT INTO ${q.sessionEpochs} AS e (account, epoch) VALUES (${account}, 1)
      ON CONFLICT (account) DO UPDATE SET epoch = e.epoch + 1 RETURNING epoch INTO v_epoch;
    IF ${except} IS NOT NULL THEN
      UPDATE ${q.sessions} SET epoch = v_epoch
        WHERE account = ${account} AND id_digest = ${except} AND epoch >= v_epoch - 1;
    END IF;
    DELETE FROM ${q.sessions} WHERE account = ${account} AND epoch < v_epoch;`;
}

/**
 * The function's quoted name (per prefix) and its `CREATE OR REPLACE` text.
 *
 * Inside, in the caller's one transaction: raise the account's epoch (the upsert locks its epoch
 * row until commit, so racing calls serialize per account), move the kept session (digest
 * `p_except`, if still live at the previous epoch) to the new epoch, and delete the account's
 * sessions below it. Each statement of a volatile PL/pgSQL function takes a fresh snapshot under
 * READ COMMITTED, so the statements after the lock see every revoke-all committed before it.
 * Returns the number of sessions deleted.
 *
 * @example
 * ```ts
 * const fn = revokeSessionsFunction(resolveSchema());
 * await client.query(fn.ddl);
 * ```
 */
export function revokeSessionsFunction(schema: ResolvedSchema): {
  readonly name: string;
  readonly ddl: string;
} {
  const { names } = schema;
  const name = `"${`${names.prefix}revoke_sessions`.slice(0, 63)}"`;
  const ddl = `CREATE OR REPLACE FUNCTION ${name}(p_account text, p_except text)
  RETURNS bigint LANGUAGE plpgsql VOLATILE AS $passrotate$
  DECLARE
    v_epoch bigint;
    v_removed bigint;
  BEGIN
    ${revokeSessionsStatements(schema, 'p_account', 'p_except')}
    GET DIAGNOSTICS v_removed = ROW_COUNT;
    RETURN v_removed;
  END
  $passrotate$`;
  return { name, ddl };
}
