/** @module A minimal SMTP client over node:net for the tests: EHLO then AUTH PLAIN, returning the reply code. */
import { connect } from 'node:net';

/** Reads full SMTP replies (a last line `NNN ` ends a reply) from a socket. */
function replyReader(socket: ReturnType<typeof connect>): () => Promise<string> {
  let buffer = '';
  const waiting: ((reply: string) => void)[] = [];
  const drain = (): void => {
    for (;;) {
      const end = /^\d{3} .*\r\n/m.exec(buffer);
      const resolve = waiting[0];
      if (!end || !resolve) return;
      const upTo = end.index + end[0].length;
      waiting.shift();
      resolve(buffer.slice(0, upTo));
      buffer = buffer.slice(upTo);
    }
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    drain();
  });
  return () =>
    new Promise((resolve, reject) => {
      socket.once('error', reject);
      waiting.push(resolve);
      drain();
    });
}

/**
 * Connects to `port`, says EHLO and tries AUTH PLAIN with `user` and `password`; returns the reply
 * code (`235` accepted, `535` refused) and the EHLO reply.
 *
 * @example
 * ```ts
 * expect((await smtpAuthPlain(postfix.submissionPort, 'alice@example.org', 'pw')).code).toBe(235);
 * ```
 */
export async function smtpAuthPlain(
  port: number,
  user: string,
  password: string,
): Promise<{ code: number; ehlo: string }> {
  const socket = connect({ port, host: '127.0.0.1' });
  try {
    const reply = replyReader(socket);
    await reply();
    socket.write('EHLO client.test.invalid\r\n');
    const ehlo = await reply();
    const token = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
    socket.write(`AUTH PLAIN ${token}\r\n`);
    const auth = await reply();
    socket.write('QUIT\r\n');
    return { code: Number.parseInt(auth.slice(0, 3), 10), ehlo };
  } finally {
    socket.destroySoon();
  }
}
