/** @module Reads a password from standard input, so it never appears in argv or shell history. */

/**
 * Reads all of standard input as UTF-8 and removes one trailing line ending (`\n` or `\r\n`), the
 * one `echo` or a here-string adds; everything else, spaces included, is part of the password.
 *
 * @example
 * ```ts
 * const password = await readPasswordFromStdin(process.stdin);
 * ```
 */
export async function readPasswordFromStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n')) return text.slice(0, -1);
  return text;
}
