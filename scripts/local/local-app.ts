/**
 * Wires the API for local use: DynamoDB Local (or DYNAMODB_ENDPOINT), the table, demo data, the local
 * token issuer, the search index (embedded unless MEILI_URL is set) rebuilt from the table, and the
 * stream pump that feeds the same stream handlers Lambda runs. Shared by `npm start` and the tests.
 */
import { createApp } from '../../functions/api/site';
import { accountPickerPage } from '../../web/pages/sign-in';
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
import { createS3ObjectStore, type ObjectStore } from '../../shared/files/object-store';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalS3, type RunningLocalS3 } from './s3-local';
import { randomBytes } from 'node:crypto';
import { createSmtpMailer } from '../../shared/mail/mailer';
import { createMailHandler, type MailDeps } from '../../shared/services/mail-delivery';
import { startLocalMail } from './mail-local';
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
  /** The local S3 server's data (kept) and port; default a temporary directory removed at stop, any free port. */
  s3?: { dataDir?: string; port?: number; host?: string; /** The storage's clock (tests move it to expire policies). */ now?: () => Date };
  /** The local mail catcher's ports (default any free port) and where it keeps mail (default its own temporary directory). */
  mail?: { smtpPort?: number; webPort?: number; dataDir?: string };
  /** The site's public URL, for the links in mail (default http://localhost:3000). */
  siteUrl?: string;
  /** Signs unsubscribe links; default MAIL_LINK_SECRET, else a random one for this run. */
  mailLinkSecret?: string;
  /** Overrides the mail notifier's deps (tests: a failing mailer, a short backoff). */
  mailDeps?: Partial<Pick<MailDeps, 'mailer' | 'sendAttempts' | 'backoffMs'>>;
}

/** The sender of local mail (MAIL_FROM overrides). */
export const LOCAL_MAIL_FROM = '石嘴山科技大市场 <noreply@szs-techmarket.cn>';

/** The local S3 server's fixed keys: it only listens on this machine. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'local-marketplace', secretAccessKey: 'local-marketplace-secret' };
export const LOCAL_FILES_BUCKET = 'marketplace-files';

export interface LocalFiles {
  store: ObjectStore;
  endpoint: string;
  bucket: string;
  dataDir: string;
}

export async function startLocalFiles(options: LocalAppOptions['s3'], log?: (line: string) => void): Promise<LocalFiles & { stop(): Promise<void> }> {
  const temporary = !options?.dataDir;
  const dataDir = options?.dataDir ?? (await mkdtemp(join(tmpdir(), 'marketplace-s3-')));
  let server: RunningLocalS3;
  try {
    server = await startLocalS3({ dataDir, credentials: LOCAL_S3_CREDENTIALS, ...(options?.port !== undefined ? { port: options.port } : {}), ...(options?.host ? { host: options.host } : {}), ...(options?.now ? { now: options.now } : {}), ...(log ? { log } : {}) });
  } catch (error) {
    throw new Error(`the local S3 server cannot listen on port ${options?.port ?? 0}: ${(error as Error).message} (set S3_LOCAL_PORT to another port)`);
  }
  const client = new S3Client({ region: 'cn-northwest-1', endpoint: server.endpoint, forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS });
  await client.send(new CreateBucketCommand({ Bucket: LOCAL_FILES_BUCKET }));
  client.destroy();
  const store = createS3ObjectStore({ bucket: LOCAL_FILES_BUCKET, region: 'cn-northwest-1', endpoint: server.endpoint, credentials: LOCAL_S3_CREDENTIALS });
  return {
    store,
    endpoint: server.endpoint,
    bucket: LOCAL_FILES_BUCKET,
    dataDir,
    async stop() {
      await server.stop();
      if (temporary) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LocalApp {
  app: ReturnType<typeof createApp>['app'];
  db: Db;
  issuer: LocalIssuer;
  search: SearchIndex;
  files: LocalFiles;
  /** The mail catcher: its web inbox (REST API under /api) and the SMTP URL the notifier sends to. */
  mail: { inboxUrl: string; smtpUrl: string; deps: MailDeps };
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
  const catcher = await startLocalMail({ ...(options.mail?.smtpPort !== undefined ? { smtpPort: options.mail.smtpPort } : {}), ...(options.mail?.webPort !== undefined ? { webPort: options.mail.webPort } : {}), ...(options.mail?.dataDir ? { dataDir: options.mail.dataDir } : {}) });
  const mailDeps: MailDeps = {
    db,
    mailer: createSmtpMailer({ url: catcher.smtpUrl, from: process.env.MAIL_FROM ?? LOCAL_MAIL_FROM }),
    siteUrl: options.siteUrl ?? 'http://localhost:3000',
    linkSecret: options.mailLinkSecret ?? process.env.MAIL_LINK_SECRET ?? randomBytes(32).toString('hex'),
    now,
    ...(options.log ? { log: (entry: Record<string, unknown>) => entry.level === 'ERROR' && options.log!(`mail: ${JSON.stringify(entry)}`) } : {}),
    ...options.mailDeps,
  };
  // The demo data's own history is not mailed: mail starts with what happens after start-up.
  let mailOpen = false;
  const mailHandler = createMailHandler(mailDeps);
  const gatedMail: StreamHandler = async (event) => (mailOpen ? mailHandler(event) : { batchItemFailures: [] });
  // The pump starts before the rebuild, so a write landing during the rebuild is not missed (both are idempotent).
  const pump = await startStreamPump({
    endpoint: options.endpoint,
    tableName: options.tableName,
    handlers: {
      'search-indexer': createSearchIndexer({ db, index: search }),
      'match-alerts': createMatchAlertHandler({ db, index: search, now }),
      'reward-ledger': createRewardLedgerHandler({ db, now }),
      'mail-notifier': gatedMail,
      ...(options.streamHandlers ?? {}),
    },
    ...(options.log ? { log: options.log } : {}),
  });
  const files = await startLocalFiles(options.s3, options.log);
  const seeded = options.seed ? await seedDemoData(db, now(), files.store) : null;
  if (seeded) await pump.drain(60_000);
  mailOpen = true;
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
    dev: { issuer, accounts: seeded?.accounts ?? [], signInPage: ({ lang, path, request }, accounts) => accountPickerPage({ lang, path, user: null }, accounts, request) },
    ...(options.rateLimit === null ? {} : { rateLimit: options.rateLimit ?? rateLimitFromEnv() }),
    files: files.store,
    mail: { linkSecret: mailDeps.linkSecret },
    web: { hostedUi: { baseUrl: '/api/v1/dev', clientId: issuer.clientId, fetch: async (input, init) => self!.request(input, init) } },
  });
  self = app;
  return {
    app,
    db,
    issuer,
    search,
    files,
    mail: { inboxUrl: catcher.inboxUrl, smtpUrl: catcher.smtpUrl, deps: mailDeps },
    pump,
    seeded,
    async stop() {
      await pump.stop();
      await files.stop();
      mailDeps.mailer.close();
      await catcher.stop();
      db.doc.destroy();
    },
  };
}
