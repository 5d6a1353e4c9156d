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

/** What {@link smtpSendAuthenticated} sends. */
export interface AuthenticatedMessage {
  readonly user: string;
  readonly password: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * Connects to `port`, authenticates with AUTH PLAIN and, when that answers 235, sends one message
 * (MAIL FROM, RCPT TO, DATA). Returns the AUTH reply code and the final DATA reply code (`null`
 * when it never got that far).
 *
 * @example
 * ```ts
 * const sent = await smtpSendAuthenticated(postfix.submissionPort, { user, password, from: user, to, subject: 'Hi', body: 'Hello' });
 * expect(sent).toEqual({ auth: 235, data: 250 });
 * ```
 */
export async function smtpSendAuthenticated(
  port: number,
  message: AuthenticatedMessage,
): Promise<{ auth: number; data: number | null }> {
  const socket = connect({ port, host: '127.0.0.1' });
  const code = (reply: string): number => Number.parseInt(reply.slice(0, 3), 10);
  try {
    const reply = replyReader(socket);
    await reply();
    socket.write('EHLO client.test.invalid\r\n');
    await reply();
    const token = Buffer.from(`\0${message.user}\0${message.password}`, 'utf8').toString('base64');
    socket.write(`AUTH PLAIN ${token}\r\n`);
    const auth = code(await reply());
    if (auth !== 235) return { auth, data: null };
    for (const command of [`MAIL FROM:<${message.from}>`, `RCPT TO:<${message.to}>`, 'DATA']) {
      socket.write(`${command}\r\n`);
      const answer = code(await reply());
      if (answer >= 400) return { auth, data: answer };
    }
    socket.write(
      [
        `From: <${message.from}>`,
        `To: <${message.to}>`,
        `Subject: ${message.subject}`,
        '',
        message.body.replace(/^\./gm, '..'),
        '.',
        '',
      ].join('\r\n'),
    );
    const data = code(await reply());
    socket.write('QUIT\r\n');
    return { auth, data };
  } finally {
    socket.destroySoon();
  }
}
