/** @module A tiny escaping HTML template tag: every interpolated value is escaped unless it is already `SafeHtml`. */

/** A fragment of HTML that is known to be safe (built by `html` or `trustedHtml`). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into an `html` template. `null`, `undefined` and `false` render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML content and in quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"x"</b>'); // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes every interpolation (arrays are joined, `SafeHtml` passes through).
 *
 * @example
 * ```ts
 * html`<p>${userInput}</p>`.value; // user input is escaped
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/**
 * Renders HTML attributes from a record; values are escaped, `false`/`null`/`undefined` drop the
 * attribute and `true` renders it bare.
 *
 * @example
 * ```ts
 * attributes({ minlength: 8, required: true, hidden: false }).value; // ' minlength="8" required'
 * ```
 */
export function attributes(
  attrs: Readonly<Record<string, string | number | boolean | null | undefined>>,
): SafeHtml {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (!/^[a-z][a-z0-9-]*$/i.test(name)) throw new TypeError(`attributes: invalid attribute name ${name}`);
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new SafeHtml(out);
}
