import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { redisAttemptLimiter, redisSessionStore } from '../../../src/adapters/redis/index.js';
import { testAttemptLimiter, testSessionStore } from '../../../src/testing/index.js';

const redisUrl = process.env.PASSROTATE_TEST_REDIS_URL;

describe.skipIf(redisUrl === undefined)('redis adapters', () => {
  const client = new Redis(redisUrl ?? '', { lazyConnect: true });
  const prefix = `passrotate-test:${randomBytes(6).toString('hex')}:`;
  afterAll(async () => {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
  });

  testSessionStore('redis', () => redisSessionStore({ client, prefix }));
  testAttemptLimiter(
    'redis',
    ({ limit, windowMs }) => redisAttemptLimiter({ client, prefix, limit, windowMs }),
    {
      usesClock: false,
    },
  );
});
