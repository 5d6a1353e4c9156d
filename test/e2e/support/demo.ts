/** @module Starts the three example servers for one test file, on free ports over a fresh SQLite file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_POLICY_SPEC } from '../../../examples/shared/demo-policy.js';
import { type RunningDemo, startDemo } from '../../../examples/shared/start-demo.js';
import { dovecotRevokers } from '../../../src/adapters/dovecot/index.js';
import { type MemoryNotifier, memoryNotifier } from '../../../src/adapters/memory/index.js';
import { createHasher, createNodeEngine } from '../../../src/hash/node.js';
import type { PasswordHasher, SessionRevoker } from '../../../src/index.js';

/** The password every seeded account gets in the tests. */
export const DEMO_PASSWORD = 'Harbor-Lantern-47!';

/** A running demo and its temporary directory. */
export interface TestDemo extends RunningDemo {
  readonly dir: string;
  /** What was notified when the demo has no SMTP server (reset links included). */
  readonly notifications: MemoryNotifier;
}

/**
 * Starts the demo with Argon2id at a cheap cost (the browser flows do not measure hashing; the
 * load test uses the production cost), optionally with a private Dovecot.
 *
 * @example
 * ```ts
 * const demo = await startTestDemo();
 * afterAll(() => demo.stop());
 * ```
 */
export async function startTestDemo(
  options: {
    dovecotBinary?: string;
    wrapHasher?: (hasher: PasswordHasher) => PasswordHasher;
    /** Another database than a fresh SQLite file (e.g. a fresh PostgreSQL database). */
    database?: string;
    redisUrl?: string;
    redisPrefix?: string;
    /** Mail owners through this SMTP server (`PASSROTATE_SMTP_URL` of the demo). */
    smtpUrl?: string;
    /** Wraps the Dovecot revokers the demo builds (e.g. to count their runs). */
    wrapDovecotRevokers?: (revokers: readonly SessionRevoker[]) => readonly SessionRevoker[];
  } = {},
): Promise<TestDemo> {
  const dir = await mkdtemp(join(tmpdir(), 'passrotate-e2e-'));
  const engine = createNodeEngine({ threads: 2 });
  const wrap = options.wrapHasher ?? ((hasher: PasswordHasher) => hasher);
  const wrapRevokers = options.wrapDovecotRevokers ?? ((revokers: readonly SessionRevoker[]) => revokers);
  const notifications = memoryNotifier();
  const demo = await startDemo({
    notifier: notifications,
    database: options.database ?? `sqlite:${join(dir, 'demo.db')}`,
    ...(options.redisUrl !== undefined ? { redisUrl: options.redisUrl } : {}),
    ...(options.redisPrefix !== undefined ? { redisPrefix: options.redisPrefix } : {}),
    ports: { webmail: 0, userPanel: 0, adminPanel: 0 },
    policySpec: DEMO_POLICY_SPEC,
    hasher: wrap(createHasher({ default: { scheme: 'ARGON2ID', params: { m: 4096, t: 1, p: 1 } }, engine })),
    demoPassword: DEMO_PASSWORD,
    ...(options.smtpUrl !== undefined ? { smtpUrl: options.smtpUrl } : {}),
    ...(options.dovecotBinary !== undefined
      ? {
          dovecot: true,
          dovecotBinary: options.dovecotBinary,
          dovecotRevokers: (server) => wrapRevokers(dovecotRevokers({ config: server.configPath })),
        }
      : {}),
  });
  return {
    ...demo,
    dir,
    notifications,
    stop: async () => {
      await demo.stop();
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
