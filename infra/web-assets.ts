/**
 * The site's static files for the S3 bucket behind CloudFront, rendered at synth time by asking the
 * very routes that serve them locally (web/routes.ts for /assets/*, the docs UI for /docs/assets/*),
 * so S3 always holds exactly what the app would have served. Deterministic: same code → same bytes →
 * same asset hash.
 *
 * /docs/assets/* (Swagger UI from swagger-ui-dist, ~1.5 MB) is served from S3 too: the api bundle
 * then carries no swagger files and stays small; /docs itself (the HTML page) still comes from the
 * api function, and behind CloudFront its asset URLs resolve to the bucket.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { docsUi } from '../functions/api/openapi/docs-ui';
import { webRoutes } from '../web/routes';
import { PROJECT_ROOT } from './bundling';

/** URL paths that CloudFront sends to the bucket; each file's key is its path without the leading slash. */
export const STATIC_PATHS = [
  '/assets/app.css',
  '/assets/favicon.svg',
  '/assets/hall.js',
  '/docs/assets/docs-init.js',
  '/docs/assets/swagger-ui.css',
  '/docs/assets/swagger-ui-bundle.js',
  '/docs/assets/swagger-ui-standalone-preset.js',
] as const;

/** CloudFront path patterns served from S3 (everything else goes to the API function). */
export const STATIC_PATH_PATTERNS = ['/assets/*', '/docs/assets/*'] as const;

export const DEFAULT_WEB_ASSETS_DIR = join(PROJECT_ROOT, '.build', 'web-assets');

export async function renderWebAssets(outDir: string = DEFAULT_WEB_ASSETS_DIR): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  const web = webRoutes();
  for (const path of STATIC_PATHS) {
    const app = path.startsWith('/docs/') ? docsUi : web;
    const response = await app.request(path);
    if (response.status !== 200) throw new Error(`rendering ${path} for S3 answered ${response.status}`);
    const file = join(outDir, path.slice(1));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  }
  return outDir;
}
