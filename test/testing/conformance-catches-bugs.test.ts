import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

interface JsonReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs the suites against broken adapters in a child vitest and returns the failed test names. */
async function failedTests(): Promise<{ failed: string[]; passed: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'passrotate-meta-'));
  const out = join(dir, 'report.json');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  try {
    await promisify(execFile)(
      process.execPath,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--config',
        'test/testing/fixtures/vitest.config.ts',
        `--outputFile=${out}`,
      ],
      { env, cwd: process.cwd() },
    ).catch(() => undefined); // the child fails by design
    const report = JSON.parse(await readFile(out, 'utf8')) as JsonReport;
    const all = report.testResults.flatMap((f) => f.assertionResults);
    return {
      failed: all.filter((t) => t.status === 'failed').map((t) => t.fullName),
      passed: all.filter((t) => t.status === 'passed').map((t) => t.fullName),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the conformance suites catch broken adapters', () => {
  it('fails each broken adapter on the guarantee it breaks', { timeout: 60_000 }, async () => {
    const { failed, passed } = await failedTests();
    const failedIn = (suite: string) => failed.filter((name) => name.includes(`conformance: ${suite} `));
    const expectations: Record<string, string> = {
      'racy-cas': 'concurrent writers with the same expectedVersion win',
      'leaky-outbox': 'writes rows only with a winning write in a race',
      historyless: 'pushes the old hash newest first and keeps at most historyLimit',
      'case-sensitive': 'matches accounts case-insensitively',
      'lossy-paging': 'pages through a domain in account order',
      exceptless: 'keeps exceptDigest',
      immortal: 'never returns an expired session',
      'racy-limiter': 'allows exactly limit of 100 concurrent attempts on one key',
      'bottomless-limiter': 'never refunds below zero',
      epochless: 'never returns a session whose epoch was read before a racing revokeAll',
      'stuck-limiter': 'allows again once the window has passed',
      'racy-app-passwords': 'never exceeds the limit with 12 creates racing on one account',
      'unscoped-revoke': 'revokes by id only within the account',
    };
    for (const [suite, test] of Object.entries(expectations)) {
      expect(
        failedIn(suite).some((name) => name.includes(test)),
        `${suite} should fail "${test}"`,
      ).toBe(true);
    }
    // The broken adapters still pass the guarantees they keep: the suites are specific, not noisy.
    expect(passed.length).toBeGreaterThan(failed.length);
  });
});
