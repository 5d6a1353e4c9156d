/** @module The compare-and-set password write as one PL/pgSQL function, so a write costs one round trip. */
import type { ResolvedSchema } from '../sql/mailbox-schema.js';
import { domainExpiryDaysQuery } from '../sql/queries.js';
import { CONFLICT, NOT_FOUND } from '../sql/write-outcome.js';
import { revokeSessionsStatements } from './revoke-sessions-function.js';

/**
 * The function's quoted name (per prefix and table) and its `CREATE OR REPLACE` text.
 *
 * Inside, in one transaction: lock the mailbox row and its state row (`FOR UPDATE`; a mailbox
 * another tool created gets its state row at version 1 first), compare the version, then write
 * the hash and `modified`, the password expiry (unless `p_expiry` is null: the write keeps the
 * password), the new version and flags, the history push and trim, and the outbox rows — except
 * those of the revoker named `p_apply_revoker`, which it carries out instead with the session
 * revoke-all's statements (`revokeSessionsStatements`, inline) in the same transaction; then the audit
 * rows of `p_audit` (a JSON array of `passrotate_audit` rows, inserted in array order). With
 * `domainExpiry`, the expiry is capped at `p_base` plus the domain's days from Postfixadmin's
 * domain table, as Postfixadmin computes it. Each statement of a volatile PL/pgSQL function takes
 * a fresh snapshot under READ COMMITTED, so everything after the lock sees every write committed
 * before it. Returns the new version, `NOT_FOUND` or `CONFLICT`.
 *
 * Arguments: account, expected version, hash, changed-at (ms), must-change, expires-at (ms),
 * history limit, keep-history, modified (timestamptz), expiry (timestamptz or null), expiry base
 * (timestamptz), outbox rows (jsonb), the revoker applied in the write (text or null), audit rows
 * (jsonb or null).
 *
 * @example
 * ```ts
 * const fn = setPasswordFunction(resolveSchema(), { domainExpiry: true });
 * await client.query(fn.ddl);
 * ```
 */
export function setPasswordFunction(
  schema: ResolvedSchema,
  options: { readonly domainExpiry: boolean },
): { readonly name: string; readonly ddl: string } {
  const { q, names } = schema;
  const name = `"${`${names.prefix}set_password_${names.table}`.slice(0, 63)}"`;
  const sets = [`${q.password} = p_hash`, q.modified && `${q.modified} = p_modified`].filter(Boolean);
  const domainDays = options.domainExpiry ? domainExpiryDaysQuery(schema, 'v_domain') : null;
  const capByDomain =
    domainDays === null
      ? ''
      : `SELECT (${domainDays})::integer INTO v_days;
      IF v_days > 0 THEN v_expiry := LEAST(v_expiry, p_base + make_interval(days => v_days)); END IF;`;
  const updateMailbox = q.passwordExpiry
    ? `IF v_expiry IS NULL THEN
      UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = v_account;
    ELSE
      ${capByDomain}
      UPDATE ${q.table} SET ${[...sets, `${q.passwordExpiry} = v_expiry`].join(', ')} WHERE ${q.account} = v_account;
    END IF;`
    : `UPDATE ${q.table} SET ${sets.join(', ')} WHERE ${q.account} = v_account;`;
  const domainOfRow = q.domain ? `m.${q.domain}` : `split_part(m.${q.account}, '@', 2)`;
  const lock = `SELECT m.${q.account}, m.${q.password}, ${domainOfRow}, s.version INTO v_account, v_old, v_domain, v_version
      FROM ${q.table} m JOIN ${q.state} s ON s.account = m.${q.account} WHERE m.${q.account} = p_account FOR UPDATE;`;
  const ddl = `CREATE OR REPLACE FUNCTION ${name}(p_account text, p_expected bigint, p_hash text,
    p_changed_at bigint, p_must_change boolean, p_expires_at bigint, p_history_limit integer,
    p_keep_history boolean, p_modified timestamptz, p_expiry timestamptz, p_base timestamptz, p_outbox jsonb,
    p_apply_revoker text, p_audit jsonb)
  RETURNS bigint LANGUAGE plpgsql VOLATILE AS $passrotate$
  DECLARE
    v_account text;
    v_old text;
    v_domain text;
    v_version bigint;
    v_days integer;
    v_expiry timestamptz := p_expiry;
    v_revoked text;
    v_keep text;
    v_epoch bigint;
  BEGIN
    ${lock}
    IF NOT FOUND THEN
      INSERT INTO ${q.state} (account, version, changed_at, must_change, expires_at)
        SELECT ${q.account}, 1, 0, FALSE, NULL FROM ${q.table} WHERE ${q.account} = p_account
        ON CONFLICT (account) DO NOTHING;
      ${lock}
      IF NOT FOUND THEN RETURN ${NOT_FOUND}; END IF;
    END IF;
    IF v_version <> p_expected THEN RETURN ${CONFLICT}; END IF;
    ${updateMailbox}
    UPDATE ${q.state} SET version = v_version + 1, changed_at = p_changed_at, must_change = p_must_change,
      expires_at = p_expires_at WHERE account = v_account;
    IF p_history_limit > 0 AND NOT p_keep_history AND p_hash IS DISTINCT FROM v_old THEN
      INSERT INTO ${q.history} (account, seq, password_hash)
        SELECT v_account, COALESCE(MAX(seq), 0) + 1, v_old FROM ${q.history} WHERE account = v_account;
    END IF;
    DELETE FROM ${q.history} WHERE account = v_account AND seq NOT IN
      (SELECT seq FROM ${q.history} WHERE account = v_account ORDER BY seq DESC LIMIT p_history_limit);
    INSERT INTO ${q.outbox} (id, account, revoker, keep_session_digest, created_at, attempts, next_attempt_at, last_error)
      SELECT id, account, revoker, keep_session_digest, created_at, attempts, next_attempt_at, last_error
      FROM jsonb_to_recordset(p_outbox) AS r(id text, account text, revoker text, keep_session_digest text,
        created_at bigint, attempts bigint, next_attempt_at bigint, last_error text)
      WHERE r.revoker IS DISTINCT FROM p_apply_revoker;
    IF p_apply_revoker IS NOT NULL THEN
      FOR v_revoked, v_keep IN SELECT r.account, r.keep_session_digest
        FROM jsonb_to_recordset(p_outbox) AS r(account text, revoker text, keep_session_digest text)
        WHERE r.revoker = p_apply_revoker
      LOOP
        ${revokeSessionsStatements(schema, 'v_revoked', 'v_keep')}
      END LOOP;
    END IF;
    IF p_audit IS NOT NULL THEN
      INSERT INTO ${q.audit} (type, account, actor, at, outcome, details)
        SELECT e->>'type', e->>'account', e->>'actor', (e->>'at')::bigint, e->>'outcome', e->>'details'
        FROM jsonb_array_elements(p_audit) WITH ORDINALITY AS a(e, n) ORDER BY a.n;
    END IF;
    RETURN v_version + 1;
  END
  $passrotate$`;
  return { name, ddl };
}
