/**
 * /docs: Swagger UI served from the swagger-ui-dist package on this server (no CDN: the bureau's
 * network and ours may not reach one).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

function assetDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    return null;
  }
}

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API 文档 · 石嘴山科技大市场</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs-init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

export const docsUi = new Hono()
  .get('/docs', (c) => c.html(PAGE))
  .get('/docs/assets/docs-init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
  .get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const dir = assetDir();
    if (!Object.hasOwn(ASSETS, file) || !dir) return c.notFound();
    const body = await readFile(join(dir, file));
    return c.body(body, 200, { 'content-type': ASSETS[file]!, 'cache-control': 'public, max-age=86400' });
  });
