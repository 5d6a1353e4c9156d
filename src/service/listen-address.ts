/** @module The `--listen HOST:PORT` value, and the rule that only loopback may listen without TLS. */
import { isIP } from 'node:net';
import { PassrotateError } from '../errors.js';

/** A parsed `--listen` value. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Parses `HOST:PORT` (`[::1]:8690` for IPv6).
 *
 * @throws PassrotateError `invalid_listen` for anything else.
 */
export function parseListenAddress(value: string): ListenAddress {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[3]) : Number.NaN;
  if (match === null || !Number.isInteger(port) || port > 65_535) {
    throw new PassrotateError(
      'invalid_listen',
      `--listen must be HOST:PORT (e.g. 127.0.0.1:8690), not "${value}"`,
    );
  }
  return { host: (match[1] ?? match[2]) as string, port };
}

/** Whether `host` only ever reaches this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return /^(?:0{0,4}:){2,7}0{0,3}1$|^::1$/.test(host) || host === '::ffff:127.0.0.1';
  return false;
}

/**
 * Refuses a listen address other machines can reach unless the service speaks TLS or the operator
 * said `--allow-plain-http` (e.g. behind a TLS-terminating proxy on a private network): passwords
 * and the shared secret travel in every request.
 *
 * @throws PassrotateError `insecure_listen`.
 */
export function assertSafeListen(
  address: ListenAddress,
  options: { readonly tls: boolean; readonly allowPlainHttp: boolean },
): void {
  if (options.tls || options.allowPlainHttp || isLoopbackHost(address.host)) return;
  throw new PassrotateError(
    'insecure_listen',
    `refusing to serve plain HTTP on ${address.host}, which is not loopback: passwords would cross the network in clear. Give --tls-cert and --tls-key, listen on 127.0.0.1, or pass --allow-plain-http`,
  );
}
