/** @module The session revoke-all statements over SQLite, run inside the caller's transaction. */
import type { Database, Statement } from 'better-sqlite3';
import type { ResolvedSchema } from '../sql/mailbox-schema.js';

/**
 * A function that, inside the caller's transaction, raises `account`'s session epoch, moves the
 * kept session (digest `keep`, if live at the previous epoch) to the new epoch and deletes the
 * account's sessions below it; it returns how many it deleted. Statements are prepared on first use.
 * Shared by `sqliteSessionStore.revokeAll` and the credential store's in-write revocation.
 *
 * @example
 * ```ts
 * const revokeAll = db.transaction(sqliteRevokeSessions(db, resolveSchema()));
 * revokeAll.immediate('alice@example.org', null);
 * ```
 */
export function sqliteRevokeSessions(
  db: Database,
  schema: ResolvedSchema,
): (account: string, keep: string | null) => number {
  const { q } = schema;
  let statements: ReturnType<typeof prepare> | undefined;
  function prepare() {
    return {
      bump: db.prepare(
        `INSERT INTO ${q.sessionEpochs} (account, epoch) VALUES (?, 1)
         ON CONFLICT (account) DO UPDATE SET epoch = epoch + 1 RETURNING epoch`,
      ) as Statement<[string], { epoch: number }>,
      keep: db.prepare(
        `UPDATE ${q.sessions} SET epoch = @epoch WHERE account = @account AND id_digest = @keep AND epoch >= @epoch - 1`,
      ),
      revokeBelow: db.prepare(`DELETE FROM ${q.sessions} WHERE account = ? AND epoch < ?`),
    };
  }
  return (account, keep) => {
    statements ??= prepare();
    const epoch = (statements.bump.get(account) as { epoch: number }).epoch;
    if (keep !== null) statements.keep.run({ epoch, account, keep });
    return statements.revokeBelow.run(account, epoch).changes;
  };
}
