/**
 * @module An Express panel with its own session store (express-session), as an integrator has it
 * before adding passrotate; `mountPassrotate` (./passrotate.ts) is the glue.
 */
import express from 'express';
import session from 'express-session';
import type { PassrotateOptions } from '../../src/node/index.js';
import { mountPassrotate } from './passrotate.js';

declare module 'express-session' {
  interface SessionData {
    account: string;
  }
}

/**
 * The Express app: express-session over an in-memory store (connect-pg-simple or connect-redis in
 * production: any store that lists its sessions with `all`), `GET /` showing who is signed in.
 *
 * @example
 * ```ts
 * const config = { store, sessions, policy: presets.mailbox, hash: { scheme: 'ARGON2ID' } };
 * createExpressPanel(config, secret).listen(3000);
 * ```
 */
export function createExpressPanel(config: PassrotateOptions, secret: string): express.Express {
  const sessionStore = new session.MemoryStore();
  const app = express();
  app.use(
    express.urlencoded(),
    session({ store: sessionStore, secret, resave: false, saveUninitialized: false }),
  );
  mountPassrotate(app, sessionStore, config);
  app.get('/', (req, res) => {
    if (req.session?.account) res.send(`Signed in as ${req.session.account}`);
    else res.status(401).send('Not signed in');
  });
  return app;
}
