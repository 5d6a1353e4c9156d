import { beforeEach, describe, expect, it } from 'vitest';
import {
  memoryAttemptLimiter,
  memoryCredentialStore,
  memorySessionStore,
} from '../../src/adapters/memory/index.js';
import { presets, type RotationDeps, sessionStoreRevoker } from '../../src/index.js';
import { createServiceApp } from '../../src/service/app.js';
import { cheapHasher } from '../support/hashers.js';

const SECRET = 'panel-secret-0123456789abcdef';
const ADMIN = 'admin-secret-0123456789abcdef';
const OLD = 'Garnet-Falcon-41!';
const NEW = 'Blue-Lantern-42!x';

function basic(secret: string): string {
  return `Basic ${Buffer.from(`roundcube:${secret}`).toString('base64')}`;
}

async function setup() {
  const store = memoryCredentialStore();
  const sessions = memorySessionStore();
  const hasher = cheapHasher();
  for (const account of ['alice@example.org', 'bob@example.net']) {
    await store.createMailbox({ account, passwordHash: await hasher.hash(OLD) });
  }
  const session = {
    id: 'web-session-1',
    account: 'alice@example.org',
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 3_600_000),
    epoch: 0,
    data: {},
  };
  await sessions.create(session);
  const rotation: RotationDeps = {
    store,
    hasher,
    policy: presets.mailbox,
    revokers: [sessionStoreRevoker(sessions)],
    limiter: memoryAttemptLimiter({ limit: 3 }),
  };
  const log: string[] = [];
  const app = createServiceApp({
    rotation,
    secret: SECRET,
    admin: { secret: ADMIN, actor: { name: 'service-admin', domains: ['example.org'] } },
    authLimiter: memoryAttemptLimiter({ limit: 2 }),
    maxBodyBytes: 2048,
    log: (line) => log.push(line),
  });
  const request = (path: string, init: RequestInit, peer = '203.0.113.7') =>
    app.request(path, init, { incoming: { socket: { remoteAddress: peer } } });
  const roundcube = (fields: Record<string, string>, secret = SECRET, peer?: string) =>
    request(
      '/roundcube',
      { method: 'POST', headers: { Authorization: basic(secret) }, body: new URLSearchParams(fields) },
      peer,
    );
  const json = (path: string, body: unknown, secret = SECRET) =>
    request(path, {
      method: 'POST',
      headers: { Authorization: basic(secret), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { store, sessions, session, hasher, log, request, roundcube, json };
}

let t: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  t = await setup();
});

describe('POST /roundcube (the stock httpapi driver)', () => {
  it('changes the password, answers 200 ok and ends the web sessions', async () => {
    const res = await t.roundcube({ user: 'alice@example.org', curpass: OLD, newpass: NEW });
    expect([res.status, await res.text()]).toEqual([200, 'ok']);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const record = await t.store.get('alice@example.org');
    expect(await t.hasher.verify(NEW, record?.passwordHash ?? '')).toBe(true);
    expect(await t.sessions.get(t.session.id, new Date())).toBeNull();
  });

  it('answers 401 with a challenge for a wrong or missing secret, and changes nothing', async () => {
    const wrong = await t.roundcube({ user: 'alice@example.org', curpass: OLD, newpass: NEW }, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
    const none = await t.request('/roundcube', { method: 'POST', body: new URLSearchParams({ user: 'x' }) });
    expect(none.status).toBe(401);
    expect((await t.store.get('alice@example.org'))?.version).toBe(1);
  });

  it('throttles wrong secrets per client with 429, while the right secret still works', async () => {
    const fields = { user: 'alice@example.org', curpass: OLD, newpass: 'x' };
    expect((await t.roundcube(fields, 'guess-1')).status).toBe(401);
    expect((await t.roundcube(fields, 'guess-2')).status).toBe(401);
    const third = await t.roundcube(fields, 'guess-3');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.roundcube(fields, 'guess-4', '198.51.100.1')).status).toBe(401);
    expect((await t.roundcube({ ...fields, newpass: NEW })).status).toBe(200);
  });

  it('refuses a weak password with 422 and one line listing every broken rule', async () => {
    const res = await t.roundcube({
      user: 'alice@example.org',
      curpass: OLD,
      newpass: 'password1',
      locale: 'de_DE',
    });
    const body = await res.text();
    expect(res.status).toBe(422);
    expect(body.trimEnd().split('\n')).toHaveLength(1);
    expect(body).toContain('Das neue Passwort erfüllt die Anforderungen nicht:');
    expect(body).toContain('Großbuchstaben');
    expect(body).not.toContain('password1');
    expect((await t.store.get('alice@example.org'))?.version).toBe(1);
  });

  it('answers a wrong current password and an unknown mailbox alike (403), then rate-limits the account', async () => {
    const wrong = await t.roundcube({ user: 'alice@example.org', curpass: 'Wrong-Pass-1!', newpass: NEW });
    const unknown = await t.roundcube({ user: 'nobody@example.org', curpass: OLD, newpass: NEW });
    expect([wrong.status, unknown.status]).toEqual([403, 403]);
    expect(await wrong.text()).toBe(await unknown.text());
    await t.roundcube(
      { user: 'alice@example.org', curpass: 'Wrong-Pass-2!', newpass: NEW },
      SECRET,
      '198.51.100.2',
    );
    await t.roundcube(
      { user: 'alice@example.org', curpass: 'Wrong-Pass-3!', newpass: NEW },
      SECRET,
      '198.51.100.3',
    );
    const limited = await t.roundcube(
      { user: 'alice@example.org', curpass: OLD, newpass: NEW },
      SECRET,
      '198.51.100.4',
    );
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(/^Too many attempts/);
    expect((await t.store.get('alice@example.org'))?.version).toBe(1);
  });

  it('answers 400 when a field is missing and 413 for a body above the limit', async () => {
    expect((await t.roundcube({ user: 'alice@example.org', curpass: OLD })).status).toBe(400);
    const big = await t.roundcube({ user: 'alice@example.org', curpass: OLD, newpass: 'x'.repeat(4096) });
    expect(big.status).toBe(413);
  });

  it('writes one log line per request and never a password', async () => {
    await t.roundcube({ user: 'alice@example.org', curpass: OLD, newpass: 'password1' });
    await t.roundcube({ user: 'alice@example.org', curpass: OLD, newpass: NEW });
    await t.json('/api/check', { password: 'Secret-Check-9!' });
    expect(t.log).toHaveLength(3);
    expect(t.log[0]).toMatch(/^POST "\/roundcube" 422 policy_violation account="alice@example.org" \d+ms$/);
    expect(t.log[1]).toMatch(/^POST "\/roundcube" 200 changed/);
    for (const secret of [OLD, NEW, 'password1', 'Secret-Check-9!', SECRET]) {
      expect(t.log.join('\n')).not.toContain(secret);
    }
  });
});

describe('JSON endpoints', () => {
  it('GET /api/policy gives the requirement lines in the asked locale, passwordrules and attributes', async () => {
    const res = await t.request('/api/policy?locale=fr', { headers: { Authorization: basic(SECRET) } });
    const body = (await res.json()) as {
      locale: string;
      requirements: { text: string }[];
      passwordrules: string;
    };
    expect(body.locale).toBe('fr');
    expect(body.requirements[0]?.text).toBe('Au moins 8 caractères');
    expect(body.passwordrules).toMatch(/^minlength: 8; maxlength: 128;/);
  });

  it('POST /api/check lists every violation with its sentence', async () => {
    const res = await t.json('/api/check', { password: 'abc', locale: 'en' });
    const body = (await res.json()) as { ok: boolean; violations: { code: string; message: string }[] };
    expect(body.ok).toBe(false);
    expect(body.violations.map((v) => v.code)).toEqual([
      'too_short',
      'missing_uppercase',
      'missing_digit',
      'missing_special',
    ]);
    expect(body.violations[0]?.message).toBe('Use at least 8 characters (currently 3).');
  });

  it('POST /api/generate returns a password the policy accepts', async () => {
    const { password } = (await (await t.json('/api/generate', {})).json()) as { password: string };
    const check = (await (await t.json('/api/check', { password })).json()) as { ok: boolean };
    expect(check.ok).toBe(true);
  });

  it('POST /api/change refuses with a code and violations, then changes', async () => {
    const weak = await t.json('/api/change', {
      account: 'alice@example.org',
      currentPassword: OLD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({
      ok: false,
      code: 'policy_violation',
      violations: expect.any(Array),
    });
    const mismatch = await t.json('/api/change', {
      account: 'alice@example.org',
      currentPassword: OLD,
      newPassword: NEW,
      confirmation: 'other',
    });
    expect(await mismatch.json()).toMatchObject({ code: 'confirmation_mismatch' });
    const ok = await t.json('/api/change', {
      account: 'alice@example.org',
      currentPassword: OLD,
      newPassword: NEW,
    });
    expect(await ok.json()).toMatchObject({ ok: true, version: 2 });
  });

  it('POST /api/admin/set takes only the admin secret and only within its domains', async () => {
    const body = { account: 'alice@example.org', generate: true };
    expect((await t.json('/api/admin/set', body, SECRET)).status).toBe(401);
    const other = await t.json('/api/admin/set', { account: 'bob@example.net', password: NEW }, ADMIN);
    expect([other.status, ((await other.json()) as { code: string }).code]).toEqual([403, 'forbidden']);
    const set = await t.json('/api/admin/set', body, ADMIN);
    const result = (await set.json()) as { ok: boolean; password: string; version: number };
    expect(result).toMatchObject({ ok: true, version: 2 });
    const record = await t.store.get('alice@example.org');
    expect(await t.hasher.verify(result.password, record?.passwordHash ?? '')).toBe(true);
    expect(t.log.join('\n')).not.toContain(result.password);
  });

  it('the panel secret does not open the admin endpoint, nor the admin secret the panel ones', async () => {
    const res = await t.json('/api/check', { password: 'abc' }, ADMIN);
    expect(res.status).toBe(401);
  });
});
