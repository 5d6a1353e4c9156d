/**
 * @module A Fastify panel with its own session store (@fastify/session), as an integrator has it
 * before adding passrotate; `mountPassrotate` (./passrotate.ts) is the glue.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifySession, { MemoryStore } from '@fastify/session';
import Fastify, { type FastifyInstance } from 'fastify';
import type { PassrotateOptions } from '../../src/node/index.js';
import { mountPassrotate } from './passrotate.js';

declare module 'fastify' {
  interface Session {
    account: string;
  }
}

/**
 * @fastify/session's memory store over a Map it can list (`all`, as express-session stores have), so
 * a password change can sweep the account's sessions. In production: a store with `all`
 * (connect-redis…); without one, the epoch check alone still logs out everywhere.
 */
class ListedMemoryStore extends MemoryStore {
  constructor(private readonly sessions = new Map<string, unknown>()) {
    super(sessions as never);
  }
  all(callback: (error: unknown, sessions?: Record<string, unknown>) => void): void {
    callback(null, Object.fromEntries(this.sessions));
  }
}

/**
 * The Fastify app: cookies, form bodies, @fastify/session, `GET /` showing who is signed in.
 *
 * @example
 * ```ts
 * const config = { store, sessions, policy: presets.mailbox, hash: { scheme: 'ARGON2ID' } };
 * await createFastifyPanel(config, secret).listen({ port: 3000 });
 * ```
 */
export function createFastifyPanel(config: PassrotateOptions, secret: string): FastifyInstance {
  const store = new ListedMemoryStore();
  const app = Fastify();
  app.register(fastifyCookie).register(fastifyFormbody);
  app.register(fastifySession, { secret, store, saveUninitialized: false, cookie: { secure: 'auto' } });
  mountPassrotate(app, store, config);
  app.get('/', async (req, reply) => {
    if (req.session?.account) return `Signed in as ${req.session.account}`;
    return reply.code(401).send('Not signed in');
  });
  return app;
}
