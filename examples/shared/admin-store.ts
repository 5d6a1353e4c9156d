/**
 * @module The admin panel's own accounts and domain rights, in Postfixadmin's `admin`,
 * `domain_admins` and `domain` tables (the library's ports cover mailboxes only).
 */
import type { SqlClient } from './sql-client.js';

/** An admin of the admin panel. */
export interface AdminAccount {
  readonly username: string;
  readonly passwordHash: string;
  readonly superadmin: boolean;
  readonly active: boolean;
  /** Domains this admin may manage (every domain for a superadmin). */
  readonly domains: readonly string[];
}

/** Reads and writes admins and domains. */
export interface AdminStore {
  /** Creates the tables that are missing. */
  migrate(): Promise<void>;
  getAdmin(username: string): Promise<AdminAccount | null>;
  createAdmin(admin: Omit<AdminAccount, 'active'>): Promise<void>;
  listDomains(): Promise<readonly string[]>;
  createDomain(domain: string, description: string): Promise<void>;
}

/**
 * The admin store over either SQL database.
 *
 * @example
 * ```ts
 * const admins = sqlAdminStore(sqliteSqlClient(db));
 * await admins.migrate();
 * ```
 */
export function sqlAdminStore(sql: SqlClient): AdminStore {
  const typedBool = sql.dialect !== 'sqlite';
  const bool = typedBool ? 'BOOLEAN' : 'INTEGER';
  const yes = typedBool ? 'TRUE' : '1';
  const no = typedBool ? 'FALSE' : '0';
  const flag = (value: boolean): boolean | number => (typedBool ? value : value ? 1 : 0);
  // MySQL 8 allows no literal default on TEXT; Postfixadmin's columns are VARCHAR(255) anyway.
  const text = sql.dialect === 'mysql' ? 'VARCHAR(255)' : 'TEXT';
  return {
    async migrate() {
      // password_expiry: days, 0 = never; Postfixadmin's column, which its documented Dovecot query reads.
      await sql.run(`CREATE TABLE IF NOT EXISTS domain (domain VARCHAR(255) NOT NULL PRIMARY KEY,
        description ${text} NOT NULL DEFAULT '', active ${bool} NOT NULL DEFAULT ${yes},
        password_expiry INTEGER NOT NULL DEFAULT 0)`);
      await sql.run(`CREATE TABLE IF NOT EXISTS admin (username VARCHAR(255) NOT NULL PRIMARY KEY,
        password ${text} NOT NULL, superadmin ${bool} NOT NULL DEFAULT ${no}, active ${bool} NOT NULL DEFAULT ${yes})`);
      await sql.run(`CREATE TABLE IF NOT EXISTS domain_admins (username VARCHAR(255) NOT NULL,
        domain VARCHAR(255) NOT NULL, PRIMARY KEY (username, domain))`);
    },
    async getAdmin(username) {
      const rows = await sql.all(
        'SELECT username, password, superadmin, active FROM admin WHERE username = ?',
        [username.toLowerCase()],
      );
      const row = rows[0];
      if (!row) return null;
      const superadmin = Boolean(row.superadmin);
      const domainRows = superadmin
        ? await sql.all('SELECT domain FROM domain ORDER BY domain')
        : await sql.all(
            'SELECT d.domain FROM domain_admins a JOIN domain d ON d.domain = a.domain WHERE a.username = ? ORDER BY d.domain',
            [row.username],
          );
      return {
        username: String(row.username),
        passwordHash: String(row.password),
        superadmin,
        active: Boolean(row.active),
        domains: domainRows.map((r) => String(r.domain)),
      };
    },
    async createAdmin(admin) {
      const username = admin.username.toLowerCase();
      await sql.run('INSERT INTO admin (username, password, superadmin, active) VALUES (?, ?, ?, ?)', [
        username,
        admin.passwordHash,
        flag(admin.superadmin),
        flag(true),
      ]);
      for (const domain of admin.domains) {
        await sql.run('INSERT INTO domain_admins (username, domain) VALUES (?, ?)', [
          username,
          domain.toLowerCase(),
        ]);
      }
    },
    async listDomains() {
      return (await sql.all('SELECT domain FROM domain ORDER BY domain')).map((r) => String(r.domain));
    },
    async createDomain(domain, description) {
      await sql.run('INSERT INTO domain (domain, description) VALUES (?, ?)', [
        domain.toLowerCase(),
        description,
      ]);
    },
  };
}
