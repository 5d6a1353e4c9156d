/** @module Parses a delivered RFC 5322 message for assertions: unfolded headers, RFC 2047 words, a QP/base64 text body. */

/** A parsed message: every header (lower-case name → values in order), the decoded text body. */
export interface ParsedMail {
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** The single value of `name` (decoded), or throws when absent or repeated. */
  header(name: string): string;
  readonly text: string;
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/**
 * Parses a single-part message as Postfix delivered it into a Maildir.
 *
 * @example
 * ```ts
 * const mail = parseMail(postfix.messages('alice@example.org')[0]);
 * mail.header('subject');
 * ```
 */
export function parseMail(raw: string): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string[]>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), decodeWords(line.slice(colon + 1).trim())]);
  }
  const encoding = (headers.get('content-transfer-encoding')?.[0] ?? '7bit').toLowerCase();
  return {
    headers,
    header(name) {
      const values = headers.get(name.toLowerCase()) ?? [];
      if (values.length !== 1) throw new Error(`${name}: ${values.length} values`);
      return values[0] ?? '';
    },
    text: decodeBody(body, encoding).replace(/\r\n/g, '\n'),
  };
}
