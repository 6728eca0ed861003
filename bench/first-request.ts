/**
 * The "first request" figure of `npm run bench:bundle`: what a visitor after a quiet spell waits for.
 * A fresh `node` process imports the bundled api function and hands its handler two HTTP API (payload
 * 2.0) events, one after the other: an anonymous hall search (`GET /api/v1/achievements?q=…`) and an
 * owner's match (`GET /api/v1/needs/:id/matches`). Timed from process start (performance.now() in the
 * child counts from it), so Node's own start-up is in the figure and reported apart.
 *
 * What the function talks to, all on this machine:
 * - DynamoDB Local with the demo data plus generated listings (bench/marketplace.ts);
 * - for Meilisearch, a stand-in answered by the embedded engine (bench/meilisearch-standin.ts), so the
 *   search requests are the ones the function sends in AWS (multi-search, filters) but the engine's time
 *   is ours, not a network's;
 * - a JWKS from the local token issuer, fetched by the function's verifier as it would Cognito's.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createLocalIssuer } from '../shared/auth/local-issuer';
import { createDb } from '../shared/db/client';
import { ensureTable } from '../shared/db/ensure-table';
import { createEmbeddedIndex } from '../shared/search/embedded-index';
import { reindexFromTable } from '../shared/search/reindex';
import { demoNeeds } from '../scripts/demo-data/listings';
import { startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { startLocalFiles } from '../scripts/local/local-app';
import { seedDemoData, seedId } from '../scripts/local/seed';
import { importEnvironment } from '../infra/bundling';
import { median } from './lib';
import { writeGeneratedListings } from './marketplace';
import { startMeilisearchStandin } from './meilisearch-standin';

export interface FirstRequestFigures {
  runs: number;
  listings: { achievements: number; needs: number };
  /** Whether any run loaded jieba (it should not: the terms come with the search documents). */
  segmenterLoaded: boolean;
  /** Medians over the runs, ms from process start. */
  nodeReadyMs: number;
  importedMs: number;
  searchedMs: number;
  matchedMs: number;
  /** Medians of each step alone. */
  steps: { importMs: number; searchMs: number; matchMs: number };
  /** Medians of the time the search stand-in spent answering during each step (in AWS: Meilisearch's time). */
  engine: { searchMs: number; matchMs: number };
  samples: { nodeReadyMs: number; importedMs: number; searchedMs: number; matchedMs: number; searchEngineMs: number; matchEngineMs: number }[];
}

/** An API Gateway HTTP API (payload 2.0) GET event, as the api function receives it. */
export function httpApiEvent(path: string, query = '', headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'abc.execute-api.ap-southeast-1.amazonaws.com', 'x-forwarded-proto': 'https', accept: 'application/json', ...headers },
    requestContext: { http: { method: 'GET', path, sourceIp: '203.0.113.1' }, requestId: 'req-1', stage: '$default' },
    isBase64Encoded: false,
  };
}

export async function measureFirstRequest(bundleFile: string, options: { runs: number; achievements?: number; needs?: number; log?: (line: string) => void; /** e.g. ['--cpu-prof'] to see where a first request goes */ nodeArgs?: string[]; /** pause before the runs (default 5 s) */ settleMs?: number }): Promise<FirstRequestFigures> {
  const log = options.log ?? (() => {});
  const listings = { achievements: options.achievements ?? 2_000, needs: options.needs ?? 1_000 };
  const dynamo = await startDynamoDbLocal({ log });
  try {
    const tableName = 'bench-first-request';
    const db = createDb({ tableName, endpoint: dynamo.endpoint });
    await ensureTable(db);
    const now = new Date();
    // Demo contracts carry their signed scans: a throwaway local S3 holds them while seeding.
    const seedFiles = await startLocalFiles(undefined);
    await seedDemoData(db, now, seedFiles.store).finally(() => seedFiles.stop());
    await writeGeneratedListings(db, tableName, listings, now, log);
    const search = createEmbeddedIndex();
    await search.applySettings();
    await reindexFromTable(db, search);
    const issuer = await createLocalIssuer({ issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_bench' });
    const standin = await startMeilisearchStandin(search, { jwks: issuer.jwks });
    try {
      const need = demoNeeds.find((n) => n.publish)!;
      const token = await issuer.sign({ sub: `demo-${need.ownerOrgKey}`, groups: ['enterprise'], orgId: seedId('org', need.ownerOrgKey) });
      const hall = httpApiEvent('/api/v1/achievements', `q=${encodeURIComponent('光伏组件 回收')}`);
      const match = httpApiEvent(`/api/v1/needs/${seedId('need', need.key)}/matches`, '', { authorization: `Bearer ${token}` });
      const env = {
        ...importEnvironment('api'),
        POWERTOOLS_LOG_LEVEL: 'WARN',
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        MEILI_URL: standin.url,
        AUTH_ISSUER: issuer.issuer,
        AUTH_CLIENT_ID: issuer.clientId,
        AUTH_JWKS_URL: `${standin.url}/jwks.json`,
      };
      const script = `const ready = performance.now(); const { createRequire } = await import('node:module');
        const m = await import(${JSON.stringify(bundleFile)}); const imported = performance.now();
        const ctx = { awsRequestId: 'r', functionName: 'api', functionVersion: '1', memoryLimitInMB: '1024', invokedFunctionArn: 'arn', getRemainingTimeInMillis: () => 10000 };
        const s = await m.handler(${JSON.stringify(hall)}, ctx); const searched = performance.now();
        const r = await m.handler(${JSON.stringify(match)}, ctx); const matched = performance.now();
        const hits = JSON.parse(s.body).items?.length ?? -1; const matches = JSON.parse(r.body).items?.length ?? -1;
        const segmenterLoaded = Object.keys(createRequire(${JSON.stringify(bundleFile)}).cache).some((k) => k.includes('@node-rs/jieba'));
        process.stdout.write('FIRST ' + JSON.stringify({ origin: performance.timeOrigin, ready, imported, searched, matched, status: [s.statusCode, r.statusCode], hits, matches, segmenterLoaded, body: r.statusCode === 200 ? '' : r.body }));`;
      const samples: FirstRequestFigures['samples'] = [];
      let segmenterLoaded = false;
      // DynamoDB Local's JVM keeps compiling for a while after the load: let it settle, so that it does
      // not share the cores with the runs (a run before that would time the JVM, not the function).
      await new Promise((r) => setTimeout(r, options.settleMs ?? 5_000));
      for (let i = 0; i < options.runs; i++) {
        // Asynchronously: the stand-in and the JWKS are served by this process's event loop.
        const run = await promisify(execFile)(process.execPath, [...(options.nodeArgs ?? []), '--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 60_000 }).catch((error: { stderr?: string; message: string }) => {
          throw new Error(`the api bundle failed its first request: ${error.stderr ?? error.message}`);
        });
        const line = run.stdout.split('\n').find((l) => l.startsWith('FIRST '));
        if (!line) throw new Error(`the api bundle gave no figures: ${run.stderr}${run.stdout}`);
        const r = JSON.parse(line.slice(6)) as { origin: number; ready: number; imported: number; searched: number; matched: number; status: number[]; hits: number; matches: number; segmenterLoaded: boolean; body: string };
        // A figure for an error page or an empty answer would time the wrong thing.
        if (r.status.join() !== '200,200' || r.hits < 1 || r.matches < 1) throw new Error(`first request answered ${r.status.join('/')} with ${r.hits} hits and ${r.matches} matches ${r.body}`);
        segmenterLoaded ||= r.segmenterLoaded;
        samples.push({
          nodeReadyMs: r.ready,
          importedMs: r.imported,
          searchedMs: r.searched,
          matchedMs: r.matched,
          searchEngineMs: standin.busyMs(r.origin + r.imported, r.origin + r.searched),
          matchEngineMs: standin.busyMs(r.origin + r.searched, r.origin + r.matched),
        });
      }
      const m = (f: (s: FirstRequestFigures['samples'][number]) => number) => Math.round(median(samples.map(f)));
      return {
        runs: options.runs,
        listings,
        segmenterLoaded,
        nodeReadyMs: m((s) => s.nodeReadyMs),
        importedMs: m((s) => s.importedMs),
        searchedMs: m((s) => s.searchedMs),
        matchedMs: m((s) => s.matchedMs),
        engine: { searchMs: m((s) => s.searchEngineMs), matchMs: m((s) => s.matchEngineMs) },
        steps: { importMs: m((s) => s.importedMs - s.nodeReadyMs), searchMs: m((s) => s.searchedMs - s.importedMs), matchMs: m((s) => s.matchedMs - s.searchedMs) },
        samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v)])) as FirstRequestFigures['samples'][number]),
      };
    } finally {
      await standin.close();
      db.doc.destroy();
    }
  } finally {
    await dynamo.stop();
  }
}
