/**
 * The Meilisearch adapter's HTTP: a `fetch` over node:http / node:https, for the small JSON requests the
 * client sends (string bodies; the whole response read into a `Response`). Why not Node's own fetch:
 * undici compiles its WebAssembly HTTP parser on the first request of a process. Alone, a first POST took
 * 95 ms with fetch and 40 ms with node:http (whose native parser the AWS SDK's handler loads anyway); in
 * the api's first request (bench:bundle) the hall search step went from 52–74 ms to 51–53 ms over three
 * A/B rounds of nine cold processes. Connections are kept alive, as fetch does.
 */
import http from 'node:http';
import https from 'node:https';

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

export const nodeHttpFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(new TypeError(`not an http(s) URL: ${url.href}`));
    const { signal } = init;
    if (signal?.aborted) return reject(signal.reason);
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') return reject(new TypeError('nodeHttpFetch sends string bodies only'));
    const body = init.body ?? undefined;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));

    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol] }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        const status = response.statusCode ?? 502;
        const content = status === 204 || status === 304 ? null : new Uint8Array(Buffer.concat(chunks));
        resolve(new Response(content, { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
      });
    });
    function fail(error: unknown) {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    }
    function onAbort() {
      request.destroy();
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', fail);
    request.end(body);
  });
