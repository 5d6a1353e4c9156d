import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'passrotate-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) await run('npm', ['run', 'build'], { cwd: root });
}, 300_000);

const page = `# A page

<!-- snippet: declare const stored: string; -->
\`\`\`ts
import { createHasher } from 'passrotate/hash';

const hasher = createHasher({ default: { scheme: 'ARGON2ID' } });
const { ok, replacement } = await hasher.verifyAndUpdate('pw', stored);
\`\`\`

<!-- snippet: body -->
\`\`\`ts
import { presets, validatePassword } from 'passrotate';
if (!validatePassword(presets.mailbox, 'pw').ok) return 'refused';
\`\`\`

<!-- snippet: skip (pseudo-code) -->
\`\`\`ts
this is not TypeScript
\`\`\`
`;

async function check(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = join(root, 'scripts', 'check-doc-snippets.ts');
  return run(process.execPath, ['--import', 'tsx', script, join(dir, file)], { cwd: root })
    .then((r) => ({ code: 0, ...r }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

describe('scripts/check-doc-snippets.ts', { timeout: 120_000 }, () => {
  it('reports a snippet that does not compile at its Markdown file:line, under both resolutions', async () => {
    writeFileSync(join(dir, 'page.md'), page);
    const result = await check('page.md');
    expect(result.code).toBe(1);
    // Line 8 of page.md destructures a `replacement` that the `{ ok: false }` member lacks.
    expect(result.stderr).toMatch(
      /page\.md:8: \[nodenext, bundler\] TS2339: Property 'replacement' does not exist/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1); // the body block compiles, the skipped one is not read
    expect(result.stdout).toContain(
      '2 TypeScript blocks compiled under nodenext and bundler (1 marked skip): 1 error(s)',
    );
  });

  it('passes a page whose snippets compile', async () => {
    writeFileSync(join(dir, 'good.md'), page.replace('const { ok, replacement } =', 'const login ='));
    expect((await check('good.md')).code).toBe(0);
  });
});
