/** The Meilisearch adapter's HTTP client (shared/search/node-http-fetch.ts) against a real local server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../shared/search/node-http-fetch';

let server: Server;
let base: string;
const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/slow') return setTimeout(() => res.end('late'), 2_000);
      if (req.url === '/missing') {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ message: 'Document not found.', code: 'document_not_found' }));
      }
      if (req.url === '/empty') {
        res.writeHead(204);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(JSON.stringify({ echo: body, 中文: '光伏' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('nodeHttpFetch', () => {
  it('sends method, headers and a UTF-8 body, and returns status, headers and body as fetch would', async () => {
    const body = JSON.stringify({ q: '金刚线 切割' });
    const res = await nodeHttpFetch(new URL('/indexes/a/search?x=1', base), { method: 'POST', body, headers: new Headers({ 'content-type': 'application/json', authorization: 'Bearer k' }) });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(await res.json()).toEqual({ echo: body, 中文: '光伏' });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/indexes/a/search?x=1', body });
    expect(request.headers).toMatchObject({ authorization: 'Bearer k', 'content-length': String(Buffer.byteLength(body)) });
  });

  it('hands error statuses and empty answers back, not as exceptions', async () => {
    const missing = await nodeHttpFetch(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('document_not_found');
    const empty = await nodeHttpFetch(`${base}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('rejects with the signal’s reason when aborted, and when the server cannot be reached', async () => {
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('timed out')), 50);
    await expect(pending).rejects.toThrow('timed out');
    await expect(nodeHttpFetch('http://127.0.0.1:9/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
