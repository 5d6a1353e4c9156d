/** @module In-memory AuditSink that keeps every event, for tests and demos. */
import type { AuditEvent, AuditSink } from '../../ports/audit-sink.js';

/**
 * An audit sink whose events can be read back.
 *
 * @example
 * ```ts
 * const audit: MemoryAuditSink = memoryAuditSink();
 * audit.events.length; // 0 until something is recorded
 * ```
 */
export interface MemoryAuditSink extends AuditSink {
  /** Every recorded event, oldest first. */
  readonly events: readonly AuditEvent[];
}

/**
 * Creates an {@link AuditSink} that keeps the events in memory.
 *
 * @example
 * ```ts
 * const audit = memoryAuditSink();
 * await changeOwnPassword({ ...deps, audit }, input);
 * audit.events.map((e) => e.type); // ['password_changed', 'sessions_revoked']
 * ```
 */
export function memoryAuditSink(): MemoryAuditSink {
  const events: AuditEvent[] = [];
  return {
    events,
    async record(event) {
      events.push(Object.freeze({ ...event }));
    },
  };
}
