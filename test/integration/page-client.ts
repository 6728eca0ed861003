/** A minimal browser for page tests in-process: keeps cookies and follows no redirects by itself. */
export class PageClient {
  cookies = new Map<string, string>();
  constructor(private readonly app: { request: (input: string, init: RequestInit) => Response | Promise<Response> }) {}

  get(path: string, headers: Record<string, string> = {}) {
    return this.send('GET', path, undefined, headers);
  }

  /** A form post from the site's own pages (same Origin). */
  post(path: string, form: Record<string, string>) {
    return this.send('POST', path, new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' });
  }

  /** The CSRF token that the page at `path` puts in its forms. */
  async csrf(path = '/me'): Promise<string> {
    const page = await (await this.get(path)).text();
    const match = /name="_csrf" value="([a-f0-9]{64})"/.exec(page);
    if (!match) throw new Error(`no CSRF token on ${path}`);
    return match[1]!;
  }

  private async send(method: string, path: string, body: string | undefined, headers: Record<string, string>) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.request(path, { method, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(body !== undefined ? { body } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return res;
  }
}

export function location(res: Response): URL {
  const to = res.headers.get('location');
  if (!to) throw new Error(`no redirect (status ${res.status})`);
  return new URL(to, 'http://localhost');
}

/** Signs `client` in as a demo account through /login and the local issuer's hosted-UI stand-in. */
export async function signInPages(client: PageClient, account: string, next?: string): Promise<Response> {
  const start = await client.get(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  const authorize = location(start);
  const chosen = await client.post(authorize.pathname + authorize.search, { ...Object.fromEntries(authorize.searchParams), account });
  const callback = location(chosen);
  return client.get(callback.pathname + callback.search);
}
