/**
 * @module passrotate/adapters/redis — web sessions and attempt counters shared by many panel
 * instances, on an injected ioredis client.
 */
export type { LimiterSettings } from '../shared/limiter-settings.js';
export { type RedisAttemptLimiterOptions, redisAttemptLimiter } from './attempt-limiter.js';
export type { RedisOptions } from './options.js';
export { redisSessionStore } from './session-store.js';
