/** @module Reads a password from standard input: one line, without its line ending. */

/**
 * Reads the first line of `input` (up to the first `\n`, or to the end of the stream) and returns it
 * without the `\n` or `\r\n` that ends it. Nothing else is trimmed: spaces belong to the password.
 * The stream is paused afterwards, so an interactive terminal does not keep the process waiting.
 *
 * @param input - The stream to read; default standard input.
 * @returns The line, `''` when the stream is empty.
 * @example
 * ```ts
 * // echo 'Correct-Horse-9' | passrotate verify '{SHA512-CRYPT}$6$…'
 * const password = await readPasswordLine();
 * ```
 */
export function readPasswordLine(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const done = (): void => {
      input.off('data', onData);
      input.off('end', done);
      input.off('error', onError);
      input.pause();
      const text = Buffer.concat(chunks).toString('utf8');
      const newline = text.indexOf('\n');
      const line = newline === -1 ? text : text.slice(0, newline);
      resolve(line.endsWith('\r') ? line.slice(0, -1) : line);
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      if (bytes.includes(0x0a)) done();
    };
    const onError = (error: Error): void => {
      input.off('data', onData);
      input.off('end', done);
      reject(error);
    };
    input.on('data', onData);
    input.once('end', done);
    input.once('error', onError);
    input.resume();
  });
}
