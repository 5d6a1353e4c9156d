/** @module Listens with `@hono/node-server` over HTTP, or HTTPS when given a certificate and key. */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ListenAddress } from './listen-address.js';
import type { ServiceEnv } from './service-env.js';

/** A listening service. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8690` (the port the OS chose when asked for 0). */
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on `address`; with `tls` (PEM file paths) speaks HTTPS. */
export async function startServer(
  app: Hono<ServiceEnv>,
  address: ListenAddress,
  tls?: { readonly cert: string; readonly key: string },
): Promise<RunningServer> {
  const serverOptions = tls
    ? {
        createServer: createHttpsServer,
        serverOptions: { cert: await readFile(tls.cert), key: await readFile(tls.key) },
      }
    : {};
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: address.host, port: address.port, ...serverOptions }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
