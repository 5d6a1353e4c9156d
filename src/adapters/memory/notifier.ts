/** @module In-memory Notifier that keeps every notification, for tests and demos. */
import type { Notifier, PasswordNotification } from '../../ports/notifier.js';

/**
 * A notifier whose notifications can be read back.
 *
 * @example
 * ```ts
 * const notifier: MemoryNotifier = memoryNotifier();
 * notifier.sent.length; // 0 until something is sent
 * ```
 */
export interface MemoryNotifier extends Notifier {
  /** Every notification, oldest first. */
  readonly sent: readonly PasswordNotification[];
}

/**
 * Creates a {@link Notifier} that keeps notifications in memory instead of sending them.
 *
 * @example
 * ```ts
 * const notifier = memoryNotifier();
 * await notifier.notify({ kind: 'password_changed', account: 'alice@example.org', at: new Date(), actor: 'self' });
 * notifier.sent.length; // 1
 * ```
 */
export function memoryNotifier(): MemoryNotifier {
  const sent: PasswordNotification[] = [];
  return {
    sent,
    async notify(notification) {
      sent.push(Object.freeze({ ...notification }));
    },
  };
}
