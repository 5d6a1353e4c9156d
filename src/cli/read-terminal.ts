/** @module Reads passwords typed on a terminal without echoing them (raw mode), one prompt per answer. */
import { StringDecoder } from 'node:string_decoder';

/** A terminal input: standard input when it is a TTY. */
export interface TerminalInput extends NodeJS.ReadableStream {
  readonly isRaw?: boolean;
  setRawMode(mode: boolean): unknown;
}

const ENTER = new Set(['\r', '\n']);
const ERASE = new Set(['\u007f', '\b']);
const INTERRUPT = '\u0003';
const END_OF_FILE = '\u0004';
const KILL_LINE = '\u0015';

/**
 * Asks each prompt in turn on `output` and reads one line per prompt from the terminal `input`
 * with echo off (raw mode, restored afterwards), like `doveadm pw`. Backspace erases a character,
 * Ctrl-U the line; Ctrl-C, or Ctrl-D on an empty line, cancels (resolves `null`). Characters typed
 * ahead of a prompt are kept for it.
 *
 * @param prompts - One prompt per password to read, e.g. `['Enter new password: ', 'Retype new password: ']`.
 * @returns The answers, or `null` when the user cancelled.
 * @example
 * ```ts
 * const answers = await askHidden(['Enter new password: ', 'Retype new password: ']);
 * ```
 */
export function askHidden(
  prompts: readonly string[],
  input: TerminalInput = process.stdin as TerminalInput,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string[] | null> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    const answers: string[] = [];
    let current: string[] = [];
    const wasRaw = input.isRaw === true;
    const finish = (value: string[] | null): void => {
      input.off('data', onData);
      input.off('error', onError);
      input.setRawMode(wasRaw);
      input.pause();
      resolve(value);
    };
    const onError = (error: Error): void => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      reject(error);
    };
    const onData = (chunk: Buffer | string): void => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      for (const character of text) {
        if (ENTER.has(character)) {
          output.write('\n');
          answers.push(current.join(''));
          current = [];
          const next = prompts[answers.length];
          if (next === undefined) {
            finish(answers);
            return;
          }
          output.write(next);
        } else if (character === INTERRUPT || (character === END_OF_FILE && current.length === 0)) {
          output.write('\n');
          finish(null);
          return;
        } else if (ERASE.has(character)) {
          current.pop();
        } else if (character === KILL_LINE) {
          current = [];
        } else if (character !== END_OF_FILE) {
          current.push(character);
        }
      }
    };
    if (prompts.length === 0) {
      resolve([]);
      return;
    }
    output.write(prompts[0] ?? '');
    input.setRawMode(true);
    input.on('data', onData);
    input.once('error', onError);
    input.resume();
  });
}
