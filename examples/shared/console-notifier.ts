/**
 * @module The demo's notifier when no SMTP server is configured: prints each notification to the
 * console like a development mail backend, so a reset link can be followed without a mail server.
 */
import type { Notifier } from '../../src/index.js';

/**
 * A {@link Notifier} that writes one line per notification to `write` (default: standard output). The
 * reset link is a secret: this is for a local demo only; configure `PASSROTATE_SMTP_URL` otherwise.
 *
 * @example
 * ```ts
 * const notifier = consoleNotifier();
 * ```
 */
export function consoleNotifier(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Notifier {
  return {
    async notify(n) {
      const to = n.kind === 'password_reset_requested' ? (n.recipient ?? n.account) : n.account;
      const link = n.kind === 'password_reset_requested' ? ` ${n.url}` : '';
      write(`[demo mail to ${to}] ${n.kind} for ${n.account}${link}`);
    },
  };
}
