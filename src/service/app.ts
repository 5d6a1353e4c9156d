/** @module The service's Hono app: body limit, request log, no-store, then the Roundcube and JSON routes. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { registerJsonRoutes } from './json-routes.js';
import { registerRoundcubeRoute } from './roundcube-route.js';
import type { ServiceConfig } from './service-config.js';
import type { ServiceEnv } from './service-env.js';

/** 16 KiB: far above any form the service reads (a password is at most a few hundred bytes). */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** The longest account a log line repeats. */
const MAX_LOGGED_ACCOUNT = 320;

/** `value` quoted as JSON (control characters escaped, so one request stays one line), bounded. */
function logged(value: string): string {
  return JSON.stringify(Array.from(value).slice(0, MAX_LOGGED_ACCOUNT).join(''));
}

/**
 * Builds the service: `POST /roundcube` (Roundcube's stock `httpapi` password driver) and the JSON
 * endpoints under `/api/` (`policy`, `check`, `generate`, `change`, `admin/set`). Every answer is
 * `Cache-Control: no-store`; bodies above `maxBodyBytes` get 413 before they are read.
 *
 * @example
 * ```ts
 * const app = createServiceApp({ rotation, secret, authLimiter: memoryAttemptLimiter() });
 * serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 8690 });
 * ```
 */
export function createServiceApp(config: ServiceConfig): Hono<ServiceEnv> {
  const app = new Hono<ServiceEnv>();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    if (config.log) {
      const outcome = c.get('outcome');
      const account = c.get('account');
      const ms = Math.round(performance.now() - started);
      const path = new URL(c.req.url).pathname;
      config.log(
        [
          c.req.method,
          logged(path),
          String(c.res.status),
          ...(outcome ? [outcome] : []),
          ...(account ? [`account=${logged(account)}`] : []),
          `${ms}ms`,
        ].join(' '),
      );
    }
  });
  app.use(
    bodyLimit({
      maxSize: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => {
        c.set('outcome', 'body_too_large');
        return c.text('Request body too large.\n', 413);
      },
    }),
  );
  registerRoundcubeRoute(app, config);
  registerJsonRoutes(app, config);
  app.notFound((c) => c.text('Not found.\n', 404));
  app.onError((error, c) => {
    const code = (error as { code?: unknown }).code;
    c.set('outcome', `error:${typeof code === 'string' ? code : error.name}`);
    return c.text('Internal error.\n', 500);
  });
  return app;
}
