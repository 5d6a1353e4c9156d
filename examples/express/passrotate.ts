/**
 * @module The passrotate glue of the Express panel — everything an integrator adds to an app that
 * already has express-session: the wiring, log-out-everywhere over the app's own session store,
 * login and password change with localized refusals. `test/examples/framework-glue.test.ts` counts it.
 */
import type { Express, Request } from 'express';
import type { Store } from 'express-session';
import { connectSessionRevoker, formatRefusal, type LocaleId } from '../../src/index.js';
import { createPassrotate, type PassrotateOptions } from '../../src/node/index.js';

// The panel's session already holds the signed-in `account` (see app.ts); passrotate adds its epoch.
declare module 'express-session' {
  interface SessionData {
    epoch: number;
  }
}

/**
 * Mounts `POST /login` and `POST /password` on `app`. `config.sessions` (required) keeps each
 * account's session epoch (log-out-everywhere raises it); `store`, the app's session store, is
 * swept on every change.
 */
export function mountPassrotate(app: Express, store: Store, config: PassrotateOptions) {
  const passrotate = createPassrotate({ ...config, revokers: [connectSessionRevoker({ store })] });
  const locale = (req: Request) => (req.acceptsLanguages('en', 'de', 'fr', 'nl', 'es') || 'en') as LocaleId;
  app.use(async (req, _res, next) => {
    // A session opened before the account's last "log out everywhere" is dead, swept or not.
    const { account, epoch } = req.session;
    if (account && !(await passrotate.isSessionCurrent(account, epoch))) return req.session.destroy(next);
    next();
  });
  app.post('/login', async (req, res) => {
    const input = { account: `${req.body.account}`, password: `${req.body.password}` };
    const login = await passrotate.verifyLogin({ ...input, clientKey: `${req.ip}` });
    if (!login.ok) return void res.status(401).send(formatRefusal(login, { locale: locale(req) }));
    await new Promise((done) => req.session.regenerate(done));
    Object.assign(req.session, { account: login.account, epoch: login.sessionEpoch });
    res.redirect(303, '/');
  });
  app.post('/password', async (req, res) => {
    if (!req.session?.account) return void res.status(401).send('Not signed in');
    const { current, next, confirm } = req.body;
    const input = { currentPassword: `${current}`, newPassword: `${next}`, confirmation: `${confirm}` };
    const result = await passrotate.changeOwnPassword({ account: req.session.account, ...input });
    if (!result.ok) return void res.status(422).send(formatRefusal(result, { locale: locale(req) }));
    res.send('Password changed; signed out everywhere.');
  });
}
