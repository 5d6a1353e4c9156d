/** @module SessionStore over Redis, shared by every panel instance; ids are stored as SHA-256 digests. */
import type { SessionStore, WebSession } from '../../ports/index.js';
import { normalizeAccount } from '../shared/accounts.js';
import { digestSessionId } from '../shared/session-digest.js';
import type { RedisOptions } from './options.js';

interface StoredSession {
  readonly account: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly epoch: number;
  readonly data: Record<string, string>;
}

// KEYS[1] session key; ARGV: account epoch key prefix. The session's JSON, or nil when its epoch is stale.
const GET = `
local v = redis.call('GET', KEYS[1])
if not v then return nil end
local s = cjson.decode(v)
local current = tonumber(redis.call('GET', ARGV[1] .. s.account) or '0')
if s.epoch < current then return nil end
return v`;

// KEYS[1] session key, KEYS[2] account set; ARGV: json, expiresAt ms, digest.
const CREATE = `
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
local ttl = redis.call('PEXPIRETIME', KEYS[2])
if ttl >= 0 and ttl < tonumber(ARGV[2]) then redis.call('PEXPIREAT', KEYS[2], ARGV[2]) end
if ttl == -1 then redis.call('PEXPIREAT', KEYS[2], ARGV[2]) end
return 1`;

// KEYS[1] session key; ARGV: account set key prefix, digest.
const REVOKE = `
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
redis.call('SREM', ARGV[1] .. cjson.decode(v).account, ARGV[2])
return redis.call('DEL', KEYS[1])`;

// KEYS[1] account set, KEYS[2] account epoch; ARGV: session key prefix, digest to keep ('' for none).
const REVOKE_ALL = `
local epoch = redis.call('INCR', KEYS[2])
local removed = 0
for _, d in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local kept = false
  if d == ARGV[2] then
    local v = redis.call('GET', ARGV[1] .. d)
    if v then
      local s = cjson.decode(v)
      if s.epoch >= epoch - 1 then
        s.epoch = epoch
        redis.call('SET', ARGV[1] .. d, cjson.encode(s), 'KEEPTTL')
        kept = true
      end
    end
  end
  if not kept then
    removed = removed + redis.call('DEL', ARGV[1] .. d)
    redis.call('SREM', KEYS[1], d)
  end
end
return removed`;

/**
 * A `SessionStore` in Redis, so many panel instances share sessions: one string key per session
 * (named by the SHA-256 digest of its id, expiring at `expiresAt`), one set and one epoch counter
 * (never expiring) per account. `create`, `get`, `revoke` and `revokeAll` are Lua scripts, so each
 * is atomic: `revokeAll` raises the epoch (`INCR`) and removes the sessions in one step, `get`
 * compares a session's epoch with its account's; two concurrent `revokeAll` calls never count a
 * session twice. Needs Redis ≥ 7 (`PEXPIRETIME`), single node.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * const sessions = redisSessionStore({ client: new Redis(process.env.REDIS_URL!) });
 * await sessions.revokeAll('alice@example.org', { exceptDigest: await sessionIdDigest(currentId) });
 * ```
 */
export function redisSessionStore(options: RedisOptions): SessionStore {
  const { client } = options;
  const prefix = options.prefix ?? 'passrotate:';
  const sessionKey = (digest: string): string => `${prefix}session:${digest}`;
  const accountKey = (account: string): string => `${prefix}account-sessions:${account}`;
  const epochPrefix = `${prefix}session-epoch:`;
  return {
    async create(session: WebSession) {
      const digest = digestSessionId(session.id);
      const account = normalizeAccount(session.account);
      const stored: StoredSession = {
        account,
        createdAt: session.createdAt.getTime(),
        expiresAt: session.expiresAt.getTime(),
        epoch: session.epoch,
        data: { ...session.data },
      };
      await client.eval(
        CREATE,
        2,
        sessionKey(digest),
        accountKey(account),
        JSON.stringify(stored),
        String(stored.expiresAt),
        digest,
      );
    },
    async get(id, now) {
      const raw = (await client.eval(GET, 1, sessionKey(digestSessionId(id)), epochPrefix)) as string | null;
      if (raw === null) return null;
      const stored = JSON.parse(raw) as StoredSession;
      if (stored.expiresAt <= now.getTime()) return null;
      return {
        id,
        account: stored.account,
        createdAt: new Date(stored.createdAt),
        expiresAt: new Date(stored.expiresAt),
        epoch: stored.epoch,
        data: stored.data,
      };
    },
    async revoke(id) {
      const digest = digestSessionId(id);
      await client.eval(REVOKE, 1, sessionKey(digest), `${prefix}account-sessions:`, digest);
    },
    async epoch(account) {
      return Number((await client.get(`${epochPrefix}${normalizeAccount(account)}`)) ?? 0);
    },
    async revokeAll(account, opts = {}) {
      const normalized = normalizeAccount(account);
      const removed = await client.eval(
        REVOKE_ALL,
        2,
        accountKey(normalized),
        `${epochPrefix}${normalized}`,
        `${prefix}session:`,
        opts.exceptDigest ?? '',
      );
      return Number(removed);
    },
  };
}
