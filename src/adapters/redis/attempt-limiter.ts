/** @module AttemptLimiter over Redis: an expiring counter per key, shared by every panel instance. */
import type { AttemptLimiter } from '../../ports/index.js';
import { checkLimiterOptions, decideFromCount, type LimiterSettings } from '../shared/limiter-settings.js';
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

// KEYS[1] counter; ARGV[1] window ms; ARGV[2] limit. Below the limit: INCR (and PEXPIRE when the
// window opens) → {count, 0}; at the limit: nothing counted → {limit + 1, remaining ms}.
const CONSUME = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
  return {n + 1, ttl}
end
n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, 0}`;

// KEYS[1] counter. DECR keeps the expiry; a missing or zero counter is left alone.
const REFUND = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * An `AttemptLimiter` in Redis: the first attempt creates a counter expiring after `windowMs`;
 * `consume` counts up to `limit` attempts and then refuses with the counter's remaining time.
 * `consume` and `refund` are Lua scripts, which Redis runs one at a time, so racing callers (from
 * any number of panel instances) never get more than `limit` allowed and no counter lives forever.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * const limiter = redisAttemptLimiter({ client: new Redis(), limit: 5, windowMs: 15 * 60_000 });
 * const decision = await limiter.consume('client:203.0.113.5');
 * ```
 */
export function redisAttemptLimiter(options: RedisAttemptLimiterOptions): AttemptLimiter {
  checkLimiterOptions(options);
  const { client, limit, windowMs } = options;
  const prefix = options.prefix ?? 'passrotate:';
  const counter = (key: string): string => `${prefix}attempts:${key}`;
  return {
    async consume(key) {
      const [count, remainingMs] = (await client.eval(
        CONSUME,
        1,
        counter(key),
        String(windowMs),
        String(limit),
      )) as [number, number];
      return decideFromCount({ limit, windowMs }, count, remainingMs);
    },
    async refund(key) {
      await client.eval(REFUND, 1, counter(key));
    },
    async reset(key) {
      await client.del(counter(key));
    },
  };
}
