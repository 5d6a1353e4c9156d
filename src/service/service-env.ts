/** @module The Hono environment of the service: what the log middleware reads, and the client's address. */
import type { Context } from 'hono';

/**
 * The service's Hono bindings: `outcome` and `account` for the request's log line, and the Node
 * request that `@hono/node-server` passes as `incoming`.
 *
 * @example
 * ```ts
 * const app = new Hono<ServiceEnv>();
 * ```
 */
export interface ServiceEnv {
  Bindings: { readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } } };
  Variables: { outcome: string; account: string };
}

/** The connecting peer's address (`unknown` outside `@hono/node-server`). */
export function peerAddress(c: Context<ServiceEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
