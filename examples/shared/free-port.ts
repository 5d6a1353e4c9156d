/** @module Finds a free TCP port on the loopback interface. */
import { createServer } from 'node:net';

/**
 * Asks the kernel for a free port on 127.0.0.1 (closes it again at once).
 *
 * @example
 * ```ts
 * const port = await freePort();
 * ```
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
