import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HibpFailure, hibpBreachChecker } from '../../src/adapters/hibp/index.js';
import { definePolicy, validatePasswordAsync } from '../../src/index.js';

const sha1 = (password: string) => createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();

/** The corpus the fake API serves: password → count. */
const BREACHED: Record<string, number> = { password: 10_434_004, 'P@ssw0rd': 127_054, 'Sommer2024!': 42 };
/** A password whose prefix the server answers only with padding that lists its own suffix at count 0. */
const PADDED_ONLY = 'this one only appears as padding';

interface Seen {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

/**
 * A local server that speaks the Pwned Passwords range protocol: `GET /range/{5 hex}` answers
 * `SUFFIX:COUNT` lines (CRLF), padded with count-0 entries when `Add-Padding: true` is sent.
 * `mode` switches it to slow or failing answers.
 */
function startRangeServer(): Promise<{
  server: Server;
  baseUrl: string;
  seen: Seen[];
  setMode(m: string): void;
}> {
  const seen: Seen[] = [];
  let mode = 'ok';
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (mode === 'slow')
      return void setTimeout(() => res.end('0000000000000000000000000000000000A:1\r\n'), 2000);
    if (mode === 'error') return void res.writeHead(503).end('Service Unavailable');
    if (mode === 'garbage') return void res.end('<html>not a range</html>');
    const match = /^\/range\/([0-9A-F]{5})$/.exec(req.url ?? '');
    if (req.method !== 'GET' || match === null)
      return void res.writeHead(400).end('The hash prefix was not in a valid format');
    const prefix = match[1] as string;
    const lines: string[] = [];
    for (const [password, count] of Object.entries(BREACHED)) {
      const hash = sha1(password);
      if (hash.startsWith(prefix)) lines.push(`${hash.slice(5)}:${count}`);
    }
    if (req.headers['add-padding'] === 'true') {
      const padded = sha1(PADDED_ONLY);
      if (padded.startsWith(prefix)) lines.push(`${padded.slice(5)}:0`);
      for (let i = 0; i < 20; i++)
        lines.push(`${createHash('sha1').update(`pad${i}`).digest('hex').toUpperCase().slice(5)}:0`);
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}`, seen, setMode: (m) => (mode = m) });
    });
  });
}

describe('hibpBreachChecker against a local range-API server', () => {
  let fake: Awaited<ReturnType<typeof startRangeServer>>;
  beforeAll(async () => {
    fake = await startRangeServer();
  });
  afterAll(() => new Promise<void>((done) => fake.server.close(() => done())));
  beforeEach(() => {
    fake.seen.length = 0;
    fake.setMode('ok');
  });

  it('finds breached passwords with their count, and 0 for unknown ones', async () => {
    const checker = hibpBreachChecker({ baseUrl: fake.baseUrl });
    expect(await checker.occurrences('password')).toBe(10_434_004);
    expect(await checker.occurrences('P@ssw0rd')).toBe(127_054);
    expect(await checker.occurrences('correct horse battery staple 9')).toBe(0);
  });

  it('sends only the 5-character prefix, with Add-Padding and the User-Agent', async () => {
    const checker = hibpBreachChecker({ baseUrl: `${fake.baseUrl}/`, userAgent: 'mail-panel/1.0' });
    await checker.occurrences('Sommer2024!');
    await checker.occurrences('an unknown secret');
    expect(fake.seen.map((s) => s.url)).toEqual([
      `/range/${sha1('Sommer2024!').slice(0, 5)}`,
      `/range/${sha1('an unknown secret').slice(0, 5)}`,
    ]);
    for (const { url, headers } of fake.seen) {
      const sent = url + JSON.stringify(headers);
      expect(headers['add-padding']).toBe('true');
      expect(headers['user-agent']).toBe('mail-panel/1.0');
      for (const secret of ['Sommer2024!', 'an unknown secret']) {
        expect(sent).not.toContain(sha1(secret).slice(5, 12));
        expect(sent).not.toContain(secret);
      }
    }
  });

  it('ignores padding entries (count 0), even one with the very suffix', async () => {
    const checker = hibpBreachChecker({ baseUrl: fake.baseUrl });
    expect(await checker.occurrences(PADDED_ONLY)).toBe(0);
    const policy = definePolicy({ rejectBreached: true, blocklist: false });
    expect((await validatePasswordAsync(policy, PADDED_ONLY, { breachChecker: checker })).ok).toBe(true);
    expect(
      (await validatePasswordAsync(policy, 'Sommer2024!', { breachChecker: checker })).violations,
    ).toEqual([{ code: 'breached_password', occurrences: 42 }]);
  });

  describe.each([
    ['timeout', 'slow', { reason: 'timeout' }],
    ['5xx', 'error', { reason: 'http_status', status: 503 }],
    ['a malformed body', 'garbage', { reason: 'malformed_response' }],
  ])('on %s', (_name, mode, expected) => {
    it('fail-closed rejects with breach_check_failed and reports', async () => {
      fake.setMode(mode);
      const failures: HibpFailure[] = [];
      const checker = hibpBreachChecker({
        baseUrl: fake.baseUrl,
        timeoutMs: 200,
        onFailure: (f) => failures.push(f),
      });
      const started = Date.now();
      const error = await checker.occurrences('password').catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'PassrotateError', code: 'breach_check_failed' });
      expect(String((error as Error).message)).not.toContain(sha1('password').slice(0, 5));
      expect(failures).toEqual([expect.objectContaining({ ...expected, outcome: 'closed' })]);
      expect(Date.now() - started).toBeLessThan(1500);
    });

    it('fail-open answers "not breached" and reports', async () => {
      fake.setMode(mode);
      const failures: HibpFailure[] = [];
      const checker = hibpBreachChecker({
        baseUrl: fake.baseUrl,
        timeoutMs: 200,
        onError: 'open',
        onFailure: (f) => failures.push(f),
      });
      expect(await checker.occurrences('password')).toBe(0);
      expect(failures).toEqual([expect.objectContaining({ ...expected, outcome: 'open' })]);
    });
  });

  it('a refused connection is a network failure', async () => {
    const closed = await startRangeServer();
    await new Promise<void>((done) => closed.server.close(() => done()));
    const failures: HibpFailure[] = [];
    const checker = hibpBreachChecker({
      baseUrl: closed.baseUrl,
      onError: 'open',
      onFailure: (f) => failures.push(f),
    });
    expect(await checker.occurrences('password')).toBe(0);
    expect(failures[0]?.reason).toBe('network');
  });

  it('refuses bad options', () => {
    expect(() => hibpBreachChecker({ baseUrl: 'ftp://x' })).toThrow(TypeError);
    expect(() => hibpBreachChecker({ timeoutMs: 0 })).toThrow(TypeError);
    expect(() => hibpBreachChecker({ onError: 'maybe' as never })).toThrow(TypeError);
  });
});
