import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
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

describe.skipIf(redisUrl === undefined)('redisAttemptLimiter window', () => {
  it('lets the counter expire on the server after windowMs', async () => {
    const client = new Redis(redisUrl ?? '');
    const prefix = `passrotate-test:${randomBytes(6).toString('hex')}:`;
    try {
      const limiter = redisAttemptLimiter({ client, prefix, limit: 2, windowMs: 200 });
      await limiter.consume('account:a@example.org');
      await limiter.consume('account:a@example.org');
      expect((await limiter.consume('account:a@example.org')).allowed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await limiter.consume('account:a@example.org')).toEqual({ allowed: true });
    } finally {
      await client.quit();
    }
  });
});
