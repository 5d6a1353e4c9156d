/**
 * @module Load test of the example servers on loopback: logins and password changes at the
 * production hash cost (Argon2id, OWASP default), while a probe keeps requesting a cheap page, so
 * we see whether the servers keep answering other requests while they hash. Bounded in time and in
 * request count. Run: `npx tsx bench/load.ts` (options: `--seconds N`, `--concurrency N`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_POLICY_SPEC } from '../examples/shared/demo-policy.js';
import { DEMO_MAILBOXES } from '../examples/shared/seed.js';
import { definePolicy, generatePassword } from '../src/index.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SECONDS = argument('seconds', 10);
const CONCURRENCY = argument('concurrency', 8);
const MAX_REQUESTS = 20_000;
const PASSWORD = 'Harbor-Lantern-47!';
const policy = definePolicy(DEMO_POLICY_SPEC);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A tiny browser: one cookie jar, manual redirects, the CSRF token of the last form. */
class Client {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ status: number; body: string; location: string | null }> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      body: await response.text(),
      location: response.headers.get('location'),
    };
  }

  static csrf(body: string): string {
    return /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  }

  async login(account: string, password: string): Promise<boolean> {
    const page = await this.request('/login');
    const answer = await this.request('/login', {
      method: 'POST',
      form: { _csrf: Client.csrf(page.body), username: account, password },
    });
    return answer.status === 303 && answer.location === '/';
  }
}

interface Series {
  readonly name: string;
  readonly latencies: number[];
  errors: number;
  seconds: number;
}

function summary(series: Series): string {
  const sorted = [...series.latencies].sort((a, b) => a - b);
  const at = (q: number): string =>
    sorted.length === 0
      ? '-'
      : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  const rate = (sorted.length / series.seconds).toFixed(1);
  return `| ${series.name} | ${sorted.length} | ${rate}/s | ${at(0.5)} | ${at(0.99)} | ${sorted.at(-1)?.toFixed(1) ?? '-'} | ${series.errors} |`;
}

async function timed<T>(series: Series, call: () => Promise<T>, ok: (value: T) => boolean): Promise<void> {
  const start = performance.now();
  try {
    const value = await call();
    if (ok(value)) series.latencies.push(performance.now() - start);
    else series.errors += 1;
  } catch (error) {
    if (series.errors === 0) console.error(series.name, error);
    series.errors += 1;
  }
}

/** Runs `workers` loops of `step` until the deadline or the request cap; returns the elapsed seconds. */
async function run(
  workers: number,
  seconds: number,
  step: (worker: number) => Promise<void>,
  counter: () => number,
): Promise<number> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline && counter() < MAX_REQUESTS) await step(worker);
    }),
  );
  return (performance.now() - start) / 1000;
}

async function startServers(dir: string): Promise<{ child: ChildProcess; webmail: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], {
    env: {
      ...process.env,
      PASSROTATE_DB: `sqlite:${join(dir, 'load.db')}`,
      WEBMAIL_PORT: String(port),
      USER_PANEL_PORT: '0',
      ADMIN_PANEL_PORT: '0',
      DEMO_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl+C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`demo exited early with ${code}`)));
  });
  return { child, webmail: `http://127.0.0.1:${port}` };
}

const dir = await mkdtemp(join(tmpdir(), 'passrotate-load-'));
const { child, webmail } = await startServers(dir);
const rows: string[] = [];
try {
  const probe = (name: string): Series => ({ name, latencies: [], errors: 0, seconds: 0 });

  // 1. Baseline: the cheap page alone.
  const baseline = probe('GET /login alone');
  const probeClient = new Client(webmail);
  baseline.seconds = await run(
    1,
    Math.min(3, SECONDS),
    () =>
      timed(
        baseline,
        () => probeClient.request('/login'),
        (r) => r.status === 200,
      ),
    () => baseline.latencies.length,
  );
  rows.push(summary(baseline));

  // 2. Logins (each verifies an Argon2id hash) with a probe running beside them.
  const logins = probe(`POST /login ×${CONCURRENCY} (Argon2id verify)`);
  const duringLogins = probe('GET /login while logging in');
  let stop = false;
  const probing = (async () => {
    while (!stop)
      await timed(
        duringLogins,
        () => probeClient.request('/login'),
        (r) => r.status === 200,
      );
  })();
  const loginStart = performance.now();
  logins.seconds = await run(
    CONCURRENCY,
    SECONDS,
    (worker) => {
      const mailbox = DEMO_MAILBOXES[worker % DEMO_MAILBOXES.length]?.account ?? '';
      return timed(
        logins,
        // A fresh cookie jar per login, like a new browser (a signed-in one would be sent to the inbox).
        () => new Client(webmail).login(mailbox, PASSWORD),
        (ok) => ok,
      );
    },
    () => logins.latencies.length + logins.errors,
  );
  stop = true;
  await probing;
  duringLogins.seconds = (performance.now() - loginStart) / 1000;
  rows.push(summary(logins), summary(duringLogins));

  // 3. Password changes: one worker per mailbox (a change verifies the current hash and writes a new one).
  const changes = probe(`password change ×${DEMO_MAILBOXES.length} (verify + hash)`);
  const duringChanges = probe('GET /login while changing');
  stop = false;
  const probing2 = (async () => {
    while (!stop)
      await timed(
        duringChanges,
        () => probeClient.request('/login'),
        (r) => r.status === 200,
      );
  })();
  const current = DEMO_MAILBOXES.map(() => PASSWORD);
  const changeStart = performance.now();
  changes.seconds = await run(
    DEMO_MAILBOXES.length,
    SECONDS,
    async (worker) => {
      const mailbox = DEMO_MAILBOXES[worker]?.account ?? '';
      const client = new Client(webmail);
      if (!(await client.login(mailbox, current[worker] ?? ''))) {
        changes.errors += 1;
        return;
      }
      const form = await client.request('/account');
      const next = generatePassword(policy);
      await timed(
        changes,
        () =>
          client.request('/account/password', {
            method: 'POST',
            form: {
              _csrf: Client.csrf(form.body),
              currentPassword: current[worker] ?? '',
              newPassword: next,
              confirmPassword: next,
            },
          }),
        (r) => r.status === 303 && r.location === '/login?m=changed',
      );
      current[worker] = next;
    },
    () => changes.latencies.length + changes.errors,
  );
  stop = true;
  await probing2;
  duringChanges.seconds = (performance.now() - changeStart) / 1000;
  rows.push(summary(changes), summary(duringChanges));
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dir, { recursive: true, force: true });
}

process.stdout.write(
  [
    `Load test on loopback, webmail example, Argon2id m=19456 t=2 p=1 (production default), ${SECONDS} s per phase`,
    '',
    '| requests | count | throughput | p50 ms | p99 ms | max ms | errors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
