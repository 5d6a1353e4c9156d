/** @module Runs one script in several Node processes at once against the same SQLite file, for cross-process races. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Writes `body` into a script in `dir` and runs it in one process per entry of `args`, all at once.
 * The script has `sqlite` (the SQLite adapters, from the source), `db` (the file, with a 10 s busy
 * timeout) and `args` (its entry of `args`) in scope, and prints the JSON of what `body` returns.
 * Returns each process's answer, in the order of `args`.
 */
export async function raceInProcesses(
  dir: string,
  file: string,
  body: string,
  args: readonly (readonly string[])[],
): Promise<unknown[]> {
  const adapter = new URL('../../src/adapters/sqlite/index.ts', import.meta.url).href;
  const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  const script = join(dir, `race-${process.pid}-${Date.now()}.mts`);
  writeFileSync(
    script,
    `import Database from ${JSON.stringify(driver)};
import * as sqlite from ${JSON.stringify(adapter)};
const db = new Database(process.argv[2]);
db.pragma('busy_timeout = 10000');
const args = process.argv.slice(3);
const answer = await (async () => {
${body}
})();
process.stdout.write(JSON.stringify(answer));`,
  );
  const outputs = await Promise.all(
    args.map((a) => run(process.execPath, ['--import', 'tsx', script, file, ...a])),
  );
  return outputs.map((o) => JSON.parse(o.stdout) as unknown);
}
