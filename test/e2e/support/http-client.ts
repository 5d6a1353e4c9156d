/** @module A cookie-keeping HTTP client for tests of the example servers without a browser. */

/** One answer, with the `Set-Cookie` lines as sent. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly location: string | null;
  readonly headers: Headers;
  readonly setCookies: readonly string[];
}

/** A cookie jar over fetch with manual redirects. */
export class HttpClient {
  readonly cookies: Map<string, string> = new Map();

  constructor(readonly base: string) {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(body !== undefined ? { body } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      body: await response.text(),
      location: response.headers.get('location'),
      headers: response.headers,
      setCookies,
    };
  }

  /** The CSRF token of the first form in `body`. */
  static csrf(body: string): string {
    return /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  }

  /** GET /login, then POST it with the form's token. */
  async login(username: string, password: string): Promise<HttpAnswer> {
    const page = await this.request('/login');
    return this.request('/login', {
      method: 'POST',
      form: { _csrf: HttpClient.csrf(page.body), username, password },
    });
  }
}
