/** @module AttemptLimiter over Redis: an expiring counter per key, shared by every panel instance. */
import type { AttemptLimiter } from '../../ports/index.js';
import { checkLimiterOptions, type LimiterSettings } from '../shared/limiter-settings.js';
import type { RedisOptions } from './options.js';

/**
 * Options of `redisAttemptLimiter`. Time is Redis's own (key expiry), so there is no clock option.
 *
 * @example
 * ```ts
 * const options: RedisAttemptLimiterOptions = { client: new Redis(), limit: 5, windowMs: 15 * 60_000 };
 * const limiter = redisAttemptLimiter(options);
 * ```
 */
export interface RedisAttemptLimiterOptions extends RedisOptions, LimiterSettings {}

// KEYS[1] counter; ARGV[1] window ms. INCR and the first PEXPIRE happen together or not at all.
const RECORD = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * An `AttemptLimiter` in Redis: the first failure creates a counter expiring after `windowMs`;
 * once it reaches `limit`, `check` refuses with the counter's remaining time. `recordFailure` is a
 * Lua script (INCR + PEXPIRE atomically), so no increment is lost and no counter lives forever.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * const limiter = redisAttemptLimiter({ client: new Redis(), limit: 5, windowMs: 15 * 60_000 });
 * await limiter.recordFailure('client:203.0.113.5');
 * ```
 */
export function redisAttemptLimiter(options: RedisAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const { client, limit, windowMs } = options;
  const prefix = options.prefix ?? 'passrotate:';
  const counter = (key: string): string => `${prefix}attempts:${key}`;
  return {
    async check(key) {
      const replies = await client.multi().get(counter(key)).pttl(counter(key)).exec();
      const failures = Number(replies?.[0]?.[1] ?? 0);
      const ttl = Number(replies?.[1]?.[1] ?? -2);
      if (failures < limit || ttl <= 0) return { allowed: true };
      return { allowed: false, retryAfterMs: Math.min(ttl, windowMs) };
    },
    async recordFailure(key) {
      await client.eval(RECORD, 1, counter(key), String(windowMs));
    },
    async reset(key) {
      await client.del(counter(key));
    },
  };
}
