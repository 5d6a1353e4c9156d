/** @module Runs the passrotate CLI from source on a real pseudo-terminal (Python's pty module), typing answers to prompts. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Debian's Python (stdlib only: os, pty, select, subprocess). */
export const ptyPython: string | undefined = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : undefined;

/** Opens a pty, runs the command with stdin, stdout and stderr on it, and answers each awaited text. */
const DRIVER = `
import json, os, pty, select, subprocess, sys, time
spec = json.loads(sys.argv[1])
master, slave = pty.openpty()
child = subprocess.Popen(spec["argv"], stdin=slave, stdout=slave, stderr=slave, close_fds=True)
os.close(slave)
seen = b""
def read_for(seconds):
    global seen
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                data = os.read(master, 4096)
            except OSError:
                return False
            if not data:
                return False
            seen += data
        elif child.poll() is not None:
            return False
    return True
for wait_for, send in spec["steps"]:
    deadline = time.time() + 30
    while wait_for.encode() not in seen and time.time() < deadline:
        if not read_for(0.1):
            break
    time.sleep(0.2)
    os.write(master, send.encode())
while child.poll() is None:
    read_for(0.2)
read_for(0.3)
print(json.dumps({"code": child.returncode, "output": seen.decode("utf-8", "replace")}))
`;

/** What the terminal showed, and the exit code. */
export interface PtyRun {
  readonly code: number | null;
  /** Everything written to the terminal: prompts, output and anything echoed. */
  readonly output: string;
}

/**
 * Runs `passrotate ...args` on a pseudo-terminal; for each `[text, keys]` step waits until `text`
 * has appeared on the terminal, then types `keys` (use `\r` for Enter).
 *
 * @example
 * ```ts
 * const run = await runCliInPty(['verify', stored], [['Enter password to verify:', 'pw\r']]);
 * ```
 */
export function runCliInPty(
  args: readonly string[],
  steps: readonly (readonly [string, string])[],
): Promise<PtyRun> {
  const spec = JSON.stringify({ argv: [process.execPath, '--import', 'tsx', main, ...args], steps });
  return new Promise((resolve, reject) => {
    execFile(ptyPython ?? 'python3', ['-c', DRIVER, spec], { timeout: 60_000 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as PtyRun);
    });
  });
}
