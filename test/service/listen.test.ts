import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretMatches } from '../../src/service/credentials.js';
import { assertSafeListen, isLoopbackHost, parseListenAddress } from '../../src/service/listen-address.js';
import { runCli } from '../support/run-cli.js';

describe('listen address', () => {
  it('parses HOST:PORT and [IPv6]:PORT, refuses the rest', () => {
    expect(parseListenAddress('127.0.0.1:8690')).toEqual({ host: '127.0.0.1', port: 8690 });
    expect(parseListenAddress('[::1]:0')).toEqual({ host: '::1', port: 0 });
    for (const bad of ['8690', '127.0.0.1', 'host:99999', ':80']) {
      expect(() => parseListenAddress(bad)).toThrow(/HOST:PORT/);
    }
  });

  it('only loopback may serve plain HTTP, unless TLS or --allow-plain-http', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', '::1', 'localhost'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'mail.example.org', '128.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(false);
      expect(() => assertSafeListen({ host, port: 1 }, { tls: false, allowPlainHttp: false })).toThrow(
        /not loopback/,
      );
      expect(() => assertSafeListen({ host, port: 1 }, { tls: true, allowPlainHttp: false })).not.toThrow();
      expect(() => assertSafeListen({ host, port: 1 }, { tls: false, allowPlainHttp: true })).not.toThrow();
    }
  });

  it('compares secrets whatever their lengths', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    expect(secretMatches('abd', 'abc')).toBe(false);
    expect(secretMatches('abcd', 'abc')).toBe(false);
    expect(secretMatches(null, '')).toBe(false);
  });
});

describe('passrotate serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pr-serve-'));
  const secret = join(dir, 'secret');
  writeFileSync(secret, 'a-long-enough-secret-0123456789\n');

  it('refuses a non-loopback address without TLS (exit 2), reading options from the environment', async () => {
    const run = await runCli(['serve'], '', {
      PASSROTATE_STORE: `sqlite:${join(dir, 'mail.sqlite')}`,
      PASSROTATE_LISTEN: '0.0.0.0:0',
      PASSROTATE_SECRET_FILE: secret,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to serve plain HTTP on 0\.0\.0\.0/);
  });

  it('refuses a short secret (exit 2)', async () => {
    const short = join(dir, 'short');
    writeFileSync(short, 'tooshort\n');
    const run = await runCli([
      'serve',
      '--store',
      'sqlite:x',
      '--listen',
      '127.0.0.1:0',
      '--secret-file',
      short,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/at least 16 characters/);
    expect(run.stderr).not.toContain('tooshort');
  });
});
