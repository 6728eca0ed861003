/**
 * Wires the API for local use: DynamoDB Local (or DYNAMODB_ENDPOINT), the table, demo data, the local
 * token issuer, the search index (embedded unless MEILI_URL is set) rebuilt from the table, and the
 * stream pump that feeds the same stream handlers Lambda runs. Shared by `npm start` and the tests.
 */
import { createApp } from '../../functions/api/app';
import { createLocalIssuer, type LocalIssuer } from '../../shared/auth/local-issuer';
import { createTokenVerifier, localKeySet } from '../../shared/auth/verify-token';
import { createDb, type Db } from '../../shared/db/client';
import { ensureTable } from '../../shared/db/ensure-table';
import { rateLimitFromEnv, type RateLimit } from '../../shared/db/rate-limits';
import { searchIndexFromEnv } from '../../shared/search/from-env';
import { createSearchIndexer } from '../../shared/search/indexer';
import { reindexFromTable } from '../../shared/search/reindex';
import type { SearchIndex } from '../../shared/search/search-index';
import { createMatchAlertHandler } from '../../shared/services/alerts';
import { createRewardLedgerHandler } from '../../shared/services/rewards';
import { seedDemoData, type SeedResult } from './seed';
import { startStreamPump, type StreamHandler, type StreamPump } from './stream-pump';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalAppOptions {
  endpoint: string;
  tableName: string;
  issuerUrl: string;
  /** Keeps the signing key across restarts, so tokens stay valid. */
  issuerKeyFile?: string;
  seed: boolean;
  now?: () => Date;
  /** Defaults to searchIndexFromEnv() (embedded unless MEILI_URL is set). */
  search?: SearchIndex;
  /** Extra stream handlers beside the indexer (by name). */
  streamHandlers?: Record<string, StreamHandler>;
  log?: (line: string) => void;
  /** Writes per person per window; defaults to RATE_LIMIT_WRITES_PER_MINUTE (60 per minute). */
  rateLimit?: RateLimit | null;
}

export interface LocalApp {
  app: ReturnType<typeof createApp>['app'];
  db: Db;
  issuer: LocalIssuer;
  search: SearchIndex;
  pump: StreamPump;
  seeded: SeedResult | null;
  stop(): Promise<void>;
}

export async function createLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const db = createDb({ tableName: options.tableName, endpoint: options.endpoint, region: 'cn-northwest-1' });
  await ensureTable(db);
  const now = options.now ?? (() => new Date());
  const search = options.search ?? searchIndexFromEnv();
  await search.applySettings();
  // The pump starts before the rebuild, so a write landing during the rebuild is not missed (both are idempotent).
  const pump = await startStreamPump({
    endpoint: options.endpoint,
    tableName: options.tableName,
    handlers: {
      'search-indexer': createSearchIndexer({ db, index: search }),
      'match-alerts': createMatchAlertHandler({ db, index: search, now }),
      'reward-ledger': createRewardLedgerHandler({ db, now }),
      ...(options.streamHandlers ?? {}),
    },
    ...(options.log ? { log: options.log } : {}),
  });
  const seeded = options.seed ? await seedDemoData(db, now()) : null;
  const reindexStarted = performance.now();
  const reindexed = await reindexFromTable(db, search);
  options.log?.(`search index: ${reindexed.indexed} documents in ${Math.round(performance.now() - reindexStarted)} ms (${search.engine})`);
  const issuer = await createLocalIssuer({ issuer: options.issuerUrl, ...(options.issuerKeyFile ? { keyFile: options.issuerKeyFile } : {}) });
  // The pages sign in through the issuer's hosted-UI stand-in; its token endpoint is answered in-process.
  let self: { request: (input: string, init: RequestInit) => Response | Promise<Response> } | undefined;
  const { app } = createApp({
    db,
    verifyToken: createTokenVerifier({ issuer: issuer.issuer, clientId: issuer.clientId, keys: localKeySet(issuer.jwks) }),
    now,
    mode: 'local',
    search,
    dev: { issuer, accounts: seeded?.accounts ?? [] },
    ...(options.rateLimit === null ? {} : { rateLimit: options.rateLimit ?? rateLimitFromEnv() }),
    web: { hostedUi: { baseUrl: '/api/v1/dev', clientId: issuer.clientId, fetch: async (input, init) => self!.request(input, init) } },
  });
  self = app;
  return {
    app,
    db,
    issuer,
    search,
    pump,
    seeded,
    async stop() {
      await pump.stop();
      db.doc.destroy();
    },
  };
}
