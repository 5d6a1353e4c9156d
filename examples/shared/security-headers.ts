/** @module The security-headers baseline every example server sends. */
import type { MiddlewareHandler } from 'hono';
import { isHttpsRequest } from './request-origin.js';

/**
 * The Content-Security-Policy of the example pages: scripts and styles only from files on the same
 * origin (no inline code, no `eval`), forms post only to the same origin, and no framing.
 */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Middleware that sets CSP, anti-framing, nosniff, referrer, permissions and caching headers on every
 * response (pages are `no-store` so a logged-out back button shows nothing private), and HSTS when
 * the browser came over HTTPS (directly, or through a trusted proxy: see `trustForwardedHeaders`).
 *
 * @example
 * ```ts
 * app.use(securityHeaders());
 * ```
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Frame-Options', 'DENY');
    h.set('X-Content-Type-Options', 'nosniff');
    // A page may ask for less (the reset form, whose URL holds a token, sends `strict-origin`).
    if (!h.has('Referrer-Policy')) h.set('Referrer-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), clipboard-write=(self)');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (isHttpsRequest(c)) {
      h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
