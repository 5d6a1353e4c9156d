/**
 * @module The "Devices and app passwords" section of the webmail and the user panel: its view, and
 * the create and revoke form submissions over the library's app-password flows.
 */
import { createAppPassword, listAppPasswords, revokeAppPassword } from '../../src/index.js';
import { type AppContext, formField } from './app-base.js';
import type { Flash } from './flash.js';
import type { Notice } from './layout.js';
import type { ExampleServices } from './services.js';

/** One app password as the list shows it. */
export interface AppPasswordRow {
  readonly id: string;
  readonly name: string;
  /** Localised creation time, or `''` when the table has no `created` column. */
  readonly created: string;
}

/** A just-created app password: in clear for this one response only. */
export interface CreatedAppPassword {
  readonly name: string;
  readonly password: string;
}

/** What the section shows. */
export interface AppPasswordsView {
  readonly rows: readonly AppPasswordRow[];
  /** Where the create form posts; the revoke form posts to `${action}/revoke`. */
  readonly action: string;
  readonly created: CreatedAppPassword | null;
  readonly notice: Notice | null;
}

/** What to show besides the list. */
export interface AppPasswordsViewOptions {
  /** Where the create form posts. */
  readonly action: string;
  /** The password just created, to show in this response only. */
  readonly created?: CreatedAppPassword;
  readonly notice?: Notice | null;
}

/**
 * Whether the storage keeps app passwords (SQLite); on PostgreSQL and MySQL the section is hidden
 * and its routes are not mounted.
 *
 * @example
 * ```ts
 * if (appPasswordsEnabled(services)) app.post('/devices', …);
 * ```
 */
export function appPasswordsEnabled(services: ExampleServices): boolean {
  return services.rotation.appPasswords !== undefined;
}

/**
 * The section's view for `account`, or `null` when the storage keeps no app passwords
 * (PostgreSQL, MySQL: the section is hidden) or listing failed.
 *
 * @example
 * ```ts
 * const devices = await appPasswordsView(c, services, account, { action: '/devices' });
 * ```
 */
export async function appPasswordsView(
  c: AppContext,
  services: ExampleServices,
  account: string,
  options: {
    readonly action: string;
    readonly created?: CreatedAppPassword;
    readonly notice?: Notice | null;
  },
): Promise<AppPasswordsView | null> {
  if (!appPasswordsEnabled(services)) return null;
  const listed = await listAppPasswords(services.rotation, account);
  if (!listed.ok) return null;
  const format = new Intl.DateTimeFormat(c.get('locale'), { dateStyle: 'medium', timeStyle: 'short' });
  return {
    rows: listed.appPasswords.map((entry) => ({
      id: entry.id,
      name: entry.name,
      created: entry.createdAt ? format.format(entry.createdAt) : '',
    })),
    action: options.action,
    created: options.created ?? null,
    notice: options.notice ?? null,
  };
}

/** The outcome of a create form: the new password to show once, or a notice. */
export type AppPasswordCreateOutcome =
  | { readonly ok: true; readonly created: CreatedAppPassword }
  | { readonly ok: false; readonly notice: Notice; readonly status: 400 | 409 | 500 };

/**
 * Reads `deviceName` from the form and creates an app password for the signed-in owner. Mount the
 * route only when {@link appPasswordsEnabled}.
 *
 * @example
 * ```ts
 * const outcome = await submitAppPasswordCreate(c, services, account);
 * ```
 */
export async function submitAppPasswordCreate(
  c: AppContext,
  services: ExampleServices,
  account: string,
): Promise<AppPasswordCreateOutcome> {
  const t = c.get('t');
  const result = await createAppPassword(services.rotation, {
    account,
    name: await formField(c, 'deviceName'),
  });
  if (result.ok) return { ok: true, created: { name: result.name, password: result.password } };
  const error = (text: string, status: 400 | 409 | 500): AppPasswordCreateOutcome => ({
    ok: false,
    status,
    notice: { kind: 'error', text },
  });
  switch (result.code) {
    case 'invalid_name':
      return error(t('invalidDeviceName'), 400);
    case 'limit_reached':
      return error(
        t('appPasswordLimitReached', { limit: String(services.rotation.appPasswordLimit ?? 5) }),
        409,
      );
    default:
      return error(t('appPasswordTryLater'), 500);
  }
}

/**
 * Reads `id` from the form and revokes that app password of the signed-in owner (never another
 * account's: the store matches both); returns the notice to flash after the redirect.
 *
 * @example
 * ```ts
 * setFlash(c, cookieName, await submitAppPasswordRevoke(c, services, account));
 * ```
 */
export async function submitAppPasswordRevoke(
  c: AppContext,
  services: ExampleServices,
  account: string,
): Promise<Flash> {
  const result = await revokeAppPassword(services.rotation, { account, id: await formField(c, 'id') });
  if (result.ok) {
    return result.revocation.pending.length === 0
      ? { kind: 'success', key: 'appPasswordRevoked' }
      : { kind: 'info', key: 'appPasswordRevokedPending' };
  }
  return result.code === 'not_found'
    ? { kind: 'error', key: 'appPasswordNotFound' }
    : { kind: 'error', key: 'appPasswordTryLater' };
}
