import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressPanel } from '../../examples/express/app.js';
import { createFastifyPanel } from '../../examples/fastify/app.js';
import { memoryCredentialStore, memorySessionStore } from '../../src/adapters/memory/index.js';
import { hashPassword } from '../../src/hash/node.js';
import type { SessionStore } from '../../src/index.js';
import { definePolicy } from '../../src/index.js';
import type { PassrotateOptions } from '../../src/node/index.js';
import { HttpClient } from '../e2e/support/http-client.js';

const ALICE = 'alice@example.org';
const OLD = 'Garnet-Falcon-41';
const NEW = 'Velvet-Harbor-73';
type Config = PassrotateOptions & { readonly sessions: SessionStore };
const SECRET = 'a-test-secret-that-is-long-enough-for-fastify';

/** Lines of glue: not blank, not a comment, not part of an import statement. */
function glueLines(path: string): number {
  const source = readFileSync(new URL(path, import.meta.url), 'utf8').replace(
    /^import[\s\S]*?from '[^']+';$/gm,
    '',
  );
  return source.split('\n').filter((line) => !/^\s*($|\/\/|\/\*\*|\*)/.test(line)).length;
}

async function config(): Promise<Config> {
  const store = memoryCredentialStore();
  await store.createMailbox({
    account: ALICE,
    displayName: 'Alice',
    passwordHash: await hashPassword(OLD, { scheme: 'ARGON2ID' }),
  });
  const policy = definePolicy({ minLength: 10, minDigit: 1 });
  return { store, sessions: memorySessionStore(), policy, hash: { scheme: 'ARGON2ID' } };
}

const panels = {
  express: {
    glue: '../../examples/express/passrotate.ts',
    async start(c: Config) {
      const server = createExpressPanel(c, SECRET).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        stop: () => new Promise((r) => server.close(r)),
      };
    },
  },
  fastify: {
    glue: '../../examples/fastify/passrotate.ts',
    async start(c: Config) {
      const app = createFastifyPanel(c, SECRET);
      return { url: await app.listen({ port: 0, host: '127.0.0.1' }), stop: () => app.close() };
    },
  },
};

describe.each(Object.entries(panels))('the %s panel example', (_name, panel) => {
  let c: Config;
  let running: { url: string; stop: () => Promise<unknown> };
  beforeAll(async () => {
    c = await config();
    running = await panel.start(c);
  });
  afterAll(() => running.stop());

  const login = (client: HttpClient, password: string, lang = 'en') =>
    client.request('/login', {
      method: 'POST',
      form: { account: ALICE, password },
      headers: { 'accept-language': lang },
    });
  const change = (client: HttpClient, form: Record<string, string>, lang = 'en') =>
    client.request('/password', { method: 'POST', form, headers: { 'accept-language': lang } });

  it(`wires passrotate in at most 30 lines of glue`, () => {
    expect(glueLines(panel.glue)).toBeLessThanOrEqual(30);
  });

  it('logs in, shows refusals localized, and logs out everywhere on a password change', async () => {
    const laptop = new HttpClient(running.url);
    const phone = new HttpClient(running.url);
    expect(await login(laptop, 'wrong-password', 'de')).toMatchObject({
      status: 401,
      body: 'E-Mail-Adresse oder Passwort ist falsch.',
    });
    expect((await login(laptop, OLD)).status).toBe(303);
    expect((await login(phone, OLD)).status).toBe(303);
    expect(await phone.request('/')).toMatchObject({ status: 200, body: `Signed in as ${ALICE}` });

    expect(await change(laptop, { current: 'nope', next: NEW, confirm: NEW }, 'fr')).toMatchObject({
      status: 422,
      body: 'Le mot de passe actuel est incorrect.',
    });
    const weak = await change(laptop, { current: OLD, next: 'short', confirm: 'short' }, 'es-ES,es;q=0.9');
    expect(weak.status).toBe(422);
    expect(weak.body).toMatch(
      /^La nueva contraseña no cumple todos los requisitos: Use al menos 10 caracteres/,
    );
    expect(await change(laptop, { current: OLD, next: NEW, confirm: 'other' }, 'nl')).toMatchObject({
      status: 422,
      body: 'Het nieuwe wachtwoord en de bevestiging komen niet overeen.',
    });

    expect(await change(laptop, { current: OLD, next: NEW, confirm: NEW })).toMatchObject({ status: 200 });
    expect((await phone.request('/')).status).toBe(401);
    expect((await laptop.request('/')).status).toBe(401);
    expect(await login(phone, OLD)).toMatchObject({
      status: 401,
      body: 'The email address or password is incorrect.',
    });
    expect((await login(phone, NEW)).status).toBe(303);
    expect(await phone.request('/')).toMatchObject({ status: 200, body: `Signed in as ${ALICE}` });
  });

  it('ends a session the sweep never saw once the account epoch is raised (another instance changed the password)', async () => {
    const tablet = new HttpClient(running.url);
    expect((await login(tablet, NEW)).status).toBe(303);
    expect((await tablet.request('/')).status).toBe(200);
    await c.sessions.revokeAll(ALICE);
    expect((await tablet.request('/')).status).toBe(401);
  });
});
