/**
 * @module The origin a request was made to: the URL the server saw, or — with `TRUST_PROXY=1`
 * behind a TLS-terminating reverse proxy — the scheme and host the proxy reports in
 * `X-Forwarded-Proto` and `X-Forwarded-Host`.
 */
import type { Context, MiddlewareHandler } from 'hono';

const forwarded = new WeakMap<Request, string>();

/** The first value of a comma-separated forwarded header, trimmed. */
function firstValue(header: string | undefined): string | undefined {
  const value = header?.split(',')[0]?.trim();
  return value === '' ? undefined : value;
}

/**
 * Middleware that, when `trustProxy` is on, records the origin from `X-Forwarded-Proto`
 * (`http`/`https`) and `X-Forwarded-Host` for {@link requestOrigin}. Off, those headers are
 * ignored: any client could send them. Turn it on only when a proxy you run sets (and overwrites)
 * them.
 *
 * @example
 * ```ts
 * app.use(trustForwardedHeaders(process.env.TRUST_PROXY === '1'));
 * ```
 */
export function trustForwardedHeaders(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (trustProxy) {
      const url = new URL(c.req.url);
      const proto = firstValue(c.req.header('x-forwarded-proto'))?.toLowerCase();
      const host = firstValue(c.req.header('x-forwarded-host'));
      const scheme = proto === 'https' || proto === 'http' ? `${proto}:` : url.protocol;
      try {
        forwarded.set(c.req.raw, new URL(`${scheme}//${host ?? url.host}`).origin);
      } catch {
        // A malformed X-Forwarded-Host: keep the origin the server saw.
      }
    }
    await next();
  };
}

/**
 * The request's origin (`https://mail.example.org`), as forwarded by a trusted proxy or as seen.
 *
 * @example
 * ```ts
 * const sameOrigin = c.req.header('origin') === requestOrigin(c);
 * ```
 */
export function requestOrigin(c: Context): string {
  return forwarded.get(c.req.raw) ?? new URL(c.req.url).origin;
}

/**
 * Whether the browser reached the app over HTTPS (so cookies get `Secure` and pages get HSTS).
 *
 * @example
 * ```ts
 * setCookie(c, name, value, { secure: isHttpsRequest(c) });
 * ```
 */
export function isHttpsRequest(c: Context): boolean {
  return requestOrigin(c).startsWith('https:');
}
