/** @module The password write, the session revoke-all and the attempt count as MySQL/MariaDB stored procedures, so each costs one round trip. */
import { quoteIdentifier, type ResolvedSchema } from '../sql/mailbox-schema.js';
import { domainExpiryDaysQuery } from '../sql/queries.js';
import { CONFLICT, NOT_FOUND } from '../sql/write-outcome.js';

/** passrotate's own tables are byte-ordered utf8mb4 (see `createStatements`). */
const OWN_TEXT = 'VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin';

/** A stored procedure: its quoted name and the statements that (re)create it. */
export interface Procedure {
  readonly name: string;
  /** `DROP PROCEDURE IF EXISTS …` then `CREATE PROCEDURE …` (MySQL 8 has no `CREATE OR REPLACE PROCEDURE`). */
  readonly ddl: readonly string[];
}

function procedure(schema: ResolvedSchema, what: string, signature: string, body: string): Procedure {
  const name = quoteIdentifier(`${schema.names.prefix}${what}`.slice(0, 64), 'mysql');
  return {
    name,
    ddl: [`DROP PROCEDURE IF EXISTS ${name}`, `CREATE PROCEDURE ${name}(${signature})\nBEGIN\n${body}\nEND`],
  };
}

/**
 * The revoke-all's statements for the account in variable `account`, keeping the session whose
 * digest is in variable `except` (NULL for none); they need a `v_epoch BIGINT` variable, and the
 * last one (the DELETE) sets `ROW_COUNT()`. Shared by {@link revokeSessionsInTransaction} and the
 * password write, which runs them inline.
 *
 * @example
 * ```ts
 * const body = `DECLARE v_epoch BIGINT; ${revokeSessionsStatements(schema, 'p_account', 'NULL')}`;
 * ```
 */
export function revokeSessionsStatements(schema: ResolvedSchema, account: string, except: string): string {
  const { q } = schema;
  return `INSERT INTO ${q.sessionEpochs} (account, epoch) VALUES (${account}, 1) ON DUPLICATE KEY UPDATE epoch = epoch + 1;
  SELECT epoch INTO v_epoch FROM ${q.sessionEpochs} WHERE account = ${account};
  IF ${except} IS NOT NULL THEN
    UPDATE ${q.sessions} SET epoch = v_epoch WHERE account = ${account} AND id_digest = ${except} AND epoch >= v_epoch - 1;
  END IF;
  DELETE FROM ${q.sessions} WHERE account = ${account} AND epoch < v_epoch;`;
}

/**
 * The session revoke-all without transaction control, for callers inside a transaction: raise the
 * account's epoch (the upsert locks its epoch row until commit, so racing calls serialize per
 * account), move the kept session (digest `p_except`, if live at the previous epoch) to the new
 * epoch, delete the account's sessions below it; `p_removed` is how many it deleted.
 *
 * @example
 * ```ts
 * for (const sql of revokeSessionsInTransaction(schema).ddl) await connection.query(sql);
 * ```
 */
export function revokeSessionsInTransaction(schema: ResolvedSchema): Procedure {
  return procedure(
    schema,
    'revoke_sessions_in_tx',
    `IN p_account ${OWN_TEXT}, IN p_except ${OWN_TEXT}, OUT p_removed BIGINT`,
    `  DECLARE v_epoch BIGINT;
  ${revokeSessionsStatements(schema, 'p_account', 'p_except')}
  SET p_removed = ROW_COUNT();`,
  );
}

/**
 * `SessionStore.revokeAll` as one call: {@link revokeSessionsInTransaction} in its own READ
 * COMMITTED transaction; answers one row, `removed`.
 *
 * @example
 * ```ts
 * const [sets] = await pool.query(`CALL ${revokeSessions(schema).name}(?, ?)`, [account, null]);
 * ```
 */
export function revokeSessions(schema: ResolvedSchema): Procedure {
  return procedure(
    schema,
    'revoke_sessions',
    `IN p_account ${OWN_TEXT}, IN p_except ${OWN_TEXT}`,
    `  DECLARE v_removed BIGINT;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
  START TRANSACTION;
  CALL ${revokeSessionsInTransaction(schema).name}(p_account, p_except, v_removed);
  COMMIT;
  SELECT v_removed AS removed;`,
  );
}

/**
 * The compare-and-set password write as one call, in one READ COMMITTED transaction: lock the
 * mailbox row and its state row (`SELECT … FOR UPDATE`), compare the version (a mailbox another
 * tool created, without a state row, is at version 1), write the hash and `modified`, the password
 * expiry (unless `p_expiry` is null: the write keeps the password; with `domainExpiry`, capped at
 * `p_base` plus the domain's days from Postfixadmin's domain table), the state, the history push
 * and trim (below the oldest kept row's `seq`, read first: no derived table), and the outbox rows
 * (`p_outbox`, a JSON array read with `JSON_TABLE`; NULL for none); then end the web
 * sessions for each entry of `p_revoke` (`[{ account, keep }]`, `keep` empty for none) with
 * {@link revokeSessionsStatements} (inline: no nested CALL); then insert the audit rows of `p_audit` (a JSON array of
 * `passrotate_audit` rows, in array order; NULL for none). Times are UTC DATETIMEs, written in the session's time zone
 * (`NOW()`'s). Answers one row, `v`: the new version, `NOT_FOUND` or `CONFLICT`.
 *
 * `accountType` declares the account parameters as the mailbox table's account column is
 * declared (character set and collation), so comparisons with it use its collation.
 *
 * @example
 * ```ts
 * const fn = setPasswordProcedure(schema, { domainExpiry: false, accountType: 'VARCHAR(255)' });
 * ```
 */
export function setPasswordProcedure(
  schema: ResolvedSchema,
  options: { readonly domainExpiry: boolean; readonly accountType: string },
): Procedure {
  const { q } = schema;
  const acct = options.accountType;
  const local = (v: string): string => `CONVERT_TZ(${v}, '+00:00', @@session.time_zone)`;
  const sets = [`${q.password} = p_hash`, q.modified && `${q.modified} = ${local('p_modified')}`].filter(
    Boolean,
  );
  const domainDays = options.domainExpiry ? domainExpiryDaysQuery(schema, 'v_domain') : null;
  const capByDomain =
    domainDays === null
      ? ''
      : `SELECT MAX(d.days) INTO v_days FROM (${domainDays}) d;
      IF v_days > 0 THEN SET v_expiry = LEAST(v_expiry, p_base + INTERVAL v_days DAY); END IF;`;
  const updateMailbox = q.passwordExpiry
    ? `IF v_expiry IS NULL THEN
      UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = v_account;
    ELSE
      ${capByDomain}
      UPDATE ${q.table} SET ${[...sets, `${q.passwordExpiry} = ${local('v_expiry')}`].join(', ')} WHERE ${q.account} = v_account;
    END IF;`
    : `UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = v_account;`;
  const domainOfRow = q.domain ? `m.${q.domain}` : `SUBSTRING_INDEX(m.${q.account}, '@', -1)`;
  const text = (path: string) => `VARCHAR(255) PATH '$.${path}'`;
  /** The audit table's TEXT columns (an event's account and actor may exceed 255 characters). */
  const long = (path: string) => `TEXT CHARACTER SET utf8mb4 PATH '$.${path}'`;
  return procedure(
    schema,
    `set_password_${schema.names.table}`,
    `IN p_account ${acct}, IN p_expected BIGINT, IN p_hash TEXT CHARACTER SET utf8mb4, IN p_changed_at BIGINT,
  IN p_must_change BOOLEAN, IN p_expires_at BIGINT, IN p_history_limit INT, IN p_keep_history BOOLEAN,
  IN p_modified DATETIME, IN p_expiry DATETIME, IN p_base DATETIME, IN p_outbox JSON, IN p_revoke JSON,
  IN p_audit JSON`,
    `  DECLARE v_account ${acct} DEFAULT NULL;
  DECLARE v_old TEXT CHARACTER SET utf8mb4;
  DECLARE v_domain ${acct};
  DECLARE v_version BIGINT;
  DECLARE v_days INT;
  DECLARE v_trim BIGINT DEFAULT NULL;
  DECLARE v_expiry DATETIME DEFAULT p_expiry;
  DECLARE v_i INT DEFAULT 0;
  DECLARE v_epoch BIGINT;
  DECLARE v_keep ${OWN_TEXT};
  DECLARE v_revoked ${OWN_TEXT};
  DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN END;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
  START TRANSACTION;
  SELECT m.${q.account}, m.${q.password}, s.version, ${domainOfRow} INTO v_account, v_old, v_version, v_domain
    FROM ${q.table} m LEFT JOIN ${q.state} s ON s.account = m.${q.account} WHERE m.${q.account} = p_account FOR UPDATE;
  IF v_account IS NULL THEN
    ROLLBACK;
    SELECT ${NOT_FOUND} AS v;
  ELSEIF COALESCE(v_version, 1) <> p_expected THEN
    ROLLBACK;
    SELECT ${CONFLICT} AS v;
  ELSE
    SET v_version = COALESCE(v_version, 1);
    ${updateMailbox}
    INSERT INTO ${q.state} (account, version, changed_at, must_change, expires_at)
      VALUES (v_account, v_version + 1, p_changed_at, p_must_change, p_expires_at)
      ON DUPLICATE KEY UPDATE version = v_version + 1, changed_at = p_changed_at, must_change = p_must_change,
        expires_at = p_expires_at;
    IF p_history_limit > 0 AND NOT p_keep_history AND NOT (CAST(p_hash AS BINARY) <=> CAST(v_old AS BINARY)) THEN
      INSERT INTO ${q.history} (account, seq, password_hash)
        SELECT v_account, COALESCE(MAX(seq), 0) + 1, v_old FROM ${q.history} WHERE account = v_account;
    END IF;
    SELECT seq INTO v_trim FROM ${q.history} WHERE account = v_account ORDER BY seq DESC LIMIT p_history_limit, 1;
    IF v_trim IS NOT NULL THEN
      DELETE FROM ${q.history} WHERE account = v_account AND seq <= v_trim;
    END IF;
    IF p_outbox IS NOT NULL THEN
      INSERT INTO ${q.outbox} (id, account, revoker, keep_session_digest, created_at, attempts, next_attempt_at, last_error)
        SELECT r.id, r.account, r.revoker, r.keep, r.created_at, r.attempts, r.next_attempt_at, r.last_error
        FROM JSON_TABLE(p_outbox, '$[*]' COLUMNS (id ${text('id')}, account ${text('account')},
          revoker ${text('revoker')}, keep ${text('keep')}, created_at BIGINT PATH '$.created_at',
          attempts BIGINT PATH '$.attempts', next_attempt_at BIGINT PATH '$.next_attempt_at',
          last_error ${text('last_error')})) AS r;
    END IF;
    WHILE v_i < JSON_LENGTH(p_revoke) DO
      SET v_revoked = JSON_UNQUOTE(JSON_EXTRACT(p_revoke, CONCAT('$[', v_i, '].account')));
      SET v_keep = NULLIF(JSON_UNQUOTE(JSON_EXTRACT(p_revoke, CONCAT('$[', v_i, '].keep'))), '');
      ${revokeSessionsStatements(schema, 'v_revoked', 'v_keep')}
      SET v_i = v_i + 1;
    END WHILE;
    IF p_audit IS NOT NULL THEN
      INSERT INTO ${q.audit} (type, account, actor, at, outcome, details)
        SELECT a.type, a.account, a.actor, a.at, a.outcome, a.details
        FROM JSON_TABLE(p_audit, '$[*]' COLUMNS (n FOR ORDINALITY, type ${long('type')},
          account ${long('account')}, actor ${long('actor')}, at BIGINT PATH '$.at',
          outcome ${long('outcome')}, details ${long('details')})) AS a
        ORDER BY a.n;
    END IF;
    COMMIT;
    SELECT v_version + 1 AS v;
  END IF;`,
  );
}

/**
 * The limiter's `consume` as one procedure, so it costs one round trip instead of a client-side
 * transaction's five: in one READ COMMITTED transaction, an `INSERT … ON DUPLICATE KEY UPDATE`
 * counts the attempt (restarting an ended window, counting only up to `limit + 1`) and locks the
 * key's row, then reads it back before anyone else can change it; the procedure answers that row
 * (`failures`, `window_ends_at`). MySQL assigns left to right and a later assignment reads the
 * earlier one's result, so `failures` (which reads the old `window_ends_at`) comes first.
 *
 * Arguments: key, now (ms), the new window's end (ms), limit.
 *
 * @example
 * ```ts
 * const consume = consumeAttemptProcedure(resolveSchema(undefined, 'mysql'));
 * const [sets] = await pool.execute(`CALL ${consume.name}(?, ?, ?, ?)`, ['client:203.0.113.5', now, now + windowMs, 5]);
 * ```
 */
export function consumeAttemptProcedure(schema: ResolvedSchema): Procedure {
  const { q } = schema;
  const key = quoteIdentifier('key', 'mysql');
  return procedure(
    schema,
    'consume_attempt',
    'IN p_key VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, IN p_now BIGINT, IN p_ends BIGINT, IN p_limit BIGINT',
    `  DECLARE v_failures BIGINT;
  DECLARE v_ends BIGINT;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
  START TRANSACTION;
  INSERT INTO ${q.attempts} (${key}, failures, window_ends_at) VALUES (p_key, 1, p_ends)
    ON DUPLICATE KEY UPDATE
      failures = CASE WHEN window_ends_at <= p_now THEN 1 WHEN failures <= p_limit THEN failures + 1 ELSE failures END,
      window_ends_at = CASE WHEN window_ends_at <= p_now THEN p_ends ELSE window_ends_at END;
  SELECT failures, window_ends_at INTO v_failures, v_ends FROM ${q.attempts} WHERE ${key} = p_key;
  COMMIT;
  SELECT v_failures AS failures, v_ends AS window_ends_at;`,
  );
}
