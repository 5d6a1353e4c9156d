/** @module Options shared by the Redis adapters. */
import type { Redis } from 'ioredis';

/**
 * The injected ioredis client and the key prefix.
 *
 * @example
 * ```ts
 * const options: RedisOptions = { client: new Redis('redis://localhost:6379'), prefix: 'panel:' };
 * const sessions = redisSessionStore(options);
 * ```
 */
export interface RedisOptions {
  /** An ioredis 5 client connected to a single Redis ≥ 6.2 node. */
  readonly client: Redis;
  /** Prefix of every key (default `passrotate:`); give each application its own. */
  readonly prefix?: string;
}
