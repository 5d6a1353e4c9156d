/** @module A tiny IMAP client over node:net for the end-to-end tests: tagged commands, LOGIN, disconnect detection. */
import { connect, type Socket } from 'node:net';

/** The tagged answer to one command. */
export interface ImapResponse {
  readonly status: 'OK' | 'NO' | 'BAD';
  /** The untagged lines received before it, and the tagged line last. */
  readonly lines: readonly string[];
}

/** An open IMAP connection. */
export interface ImapConnection {
  /** Sends `TAG command` and resolves with the tagged answer; rejects if the server hangs up first. */
  command(command: string): Promise<ImapResponse>;
  /** `LOGIN` with quoted user and password. */
  login(user: string, password: string): Promise<ImapResponse>;
  /** Resolves when the server closes the connection. */
  readonly closed: Promise<void>;
  /** Everything received so far. */
  transcript(): string;
  close(): void;
}

/** An IMAP quoted string. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Connects to an IMAP server on 127.0.0.1 and waits for the greeting.
 *
 * @example
 * ```ts
 * const imap = await connectImap(port);
 * (await imap.login('alice@example.org', 'pw')).status; // 'OK'
 * ```
 */
export async function connectImap(port: number, host = '127.0.0.1'): Promise<ImapConnection> {
  const socket: Socket = connect({ port, host });
  socket.setEncoding('utf8');
  let buffer = '';
  let all = '';
  let counter = 0;
  let ended = false;
  let waiter: {
    tag: string;
    resolve(r: ImapResponse): void;
    reject(e: Error): void;
    lines: string[];
  } | null = null;
  let greeted: ((line: string) => void) | null = null;
  const closed = new Promise<void>((resolve) => {
    socket.on('close', () => {
      ended = true;
      waiter?.reject(new Error(`connection closed before the answer to ${waiter.tag}`));
      waiter = null;
      resolve();
    });
  });
  socket.on('error', () => undefined);
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    all += chunk;
    for (let nl = buffer.indexOf('\r\n'); nl >= 0; nl = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      if (greeted) {
        const g = greeted;
        greeted = null;
        g(line);
        continue;
      }
      if (!waiter) continue;
      waiter.lines.push(line);
      if (line.startsWith(`${waiter.tag} `)) {
        const status = line.slice(waiter.tag.length + 1).split(' ')[0] as ImapResponse['status'];
        const w = waiter;
        waiter = null;
        w.resolve({ status, lines: w.lines });
      }
    }
  });
  const greeting = await new Promise<string>((resolve, reject) => {
    greeted = resolve;
    socket.once('error', reject);
    void closed.then(() => reject(new Error('closed before the greeting')));
  });
  if (!greeting.startsWith('* OK')) throw new Error(`unexpected IMAP greeting: ${greeting}`);

  const command = (text: string): Promise<ImapResponse> => {
    if (ended) return Promise.reject(new Error('connection is closed'));
    if (waiter) return Promise.reject(new Error('one command at a time'));
    counter += 1;
    const tag = `t${counter}`;
    return new Promise<ImapResponse>((resolve, reject) => {
      waiter = { tag, resolve, reject, lines: [] };
      socket.write(`${tag} ${text}\r\n`);
    });
  };
  return {
    command,
    login: (user, password) => command(`LOGIN ${quoted(user)} ${quoted(password)}`),
    closed,
    transcript: () => all,
    close: () => socket.destroy(),
  };
}

/**
 * Connects, logs in and logs out; `true` when LOGIN answered OK.
 *
 * @example
 * ```ts
 * await imapLoginWorks(port, 'alice@example.org', 'pw'); // true or false
 * ```
 */
export async function imapLoginWorks(port: number, user: string, password: string): Promise<boolean> {
  const imap = await connectImap(port);
  try {
    const answer = await imap.login(user, password);
    if (answer.status === 'OK') await imap.command('LOGOUT').catch(() => undefined);
    return answer.status === 'OK';
  } finally {
    imap.close();
  }
}
