/** @module Lets a request through only with the right HTTP Basic secret; counts wrong ones per client. */
import type { Context } from 'hono';
import { basicAuthPassword, secretMatches } from './credentials.js';
import type { ServiceConfig } from './service-config.js';
import { peerAddress, type ServiceEnv } from './service-env.js';

/**
 * `null` when the request's Basic password is `secret`; otherwise the answer to send: 401 (with a
 * `WWW-Authenticate` challenge), or 429 once the client has sent too many wrong secrets. The
 * comparison is constant-time; a right secret is never throttled.
 */
export async function refuseUnlessSecret(
  c: Context<ServiceEnv>,
  config: ServiceConfig,
  secret: string,
): Promise<Response | null> {
  if (secretMatches(basicAuthPassword(c.req.header('Authorization')), secret)) return null;
  const decision = await config.authLimiter.consume(`auth:${peerAddress(c)}`);
  if (!decision.allowed) {
    c.set('outcome', 'auth_rate_limited');
    c.header('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
    return c.text('Too many attempts with a wrong secret; try again later.\n', 429);
  }
  c.set('outcome', 'unauthorized');
  c.header('WWW-Authenticate', 'Basic realm="passrotate", charset="UTF-8"');
  return c.text('Wrong or missing credentials.\n', 401);
}
