/**
 * @module The passrotate glue of the Fastify panel — everything an integrator adds to an app that
 * already has @fastify/session: the wiring, log-out-everywhere over the app's own session store,
 * login and password change with localized refusals. `test/examples/framework-glue.test.ts` counts it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type ConnectSessionStore,
  connectSessionRevoker,
  formatRefusal,
  type LocaleId,
} from '../../src/index.js';
import { createPassrotate, type PassrotateOptions } from '../../src/node/index.js';

// The panel's session already holds the signed-in `account` (see app.ts); passrotate adds its epoch.
declare module 'fastify' {
  interface Session {
    epoch: number;
  }
}

/**
 * Mounts `POST /login` and `POST /password` on `app`. `config.sessions` (required) keeps each
 * account's session epoch (log-out-everywhere raises it); `store`, the app's session store, is
 * swept on every change.
 */
export function mountPassrotate(app: FastifyInstance, store: ConnectSessionStore, config: PassrotateOptions) {
  const passrotate = createPassrotate({ ...config, revokers: [connectSessionRevoker({ store })] });
  const locale = (req: FastifyRequest) =>
    (/^(de|fr|nl|es)/.exec(`${req.headers['accept-language']}`)?.[1] ?? 'en') as LocaleId;
  app.addHook('preHandler', async (req) => {
    // A session opened before the account's last "log out everywhere" is dead, swept or not.
    const { account, epoch } = req.session;
    if (account && !(await passrotate.isSessionCurrent(account, epoch))) await req.session.destroy();
  });
  app.post<{ Body: Record<string, string> }>('/login', async (req, reply) => {
    const input = { account: `${req.body.account}`, password: `${req.body.password}` };
    const login = await passrotate.verifyLogin({ ...input, clientKey: req.ip });
    if (!login.ok) return reply.code(401).send(formatRefusal(login, { locale: locale(req) }));
    await req.session.regenerate();
    Object.assign(req.session, { account: login.account, epoch: login.sessionEpoch });
    return reply.redirect('/', 303);
  });
  app.post<{ Body: Record<string, string> }>('/password', async (req, reply) => {
    if (!req.session?.account) return reply.code(401).send('Not signed in');
    const { current, next, confirm } = req.body;
    const input = { currentPassword: `${current}`, newPassword: `${next}`, confirmation: `${confirm}` };
    const result = await passrotate.changeOwnPassword({ account: req.session.account, ...input });
    if (!result.ok) return reply.code(422).send(formatRefusal(result, { locale: locale(req) }));
    return 'Password changed; signed out everywhere.';
  });
}
