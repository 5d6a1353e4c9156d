/** @module passrotate/adapters/redis */
// Web sessions and attempt counters on an injected ioredis client.
// Shared by many panel instances.
export type { LimiterSettings } from '../shared/limiter-settings.js';
export { type RedisAttemptLimiterOptions, redisAttemptLimiter } from './attempt-limiter.js';
export type { RedisOptions } from './options.js';
export { redisSessionStore } from './session-store.js';
