/**
 * Wires the API for local use: DynamoDB Local (or DYNAMODB_ENDPOINT), the table, demo data, the local
 * token issuer. Shared by the runner (`npm start`) and the tests, so both exercise the same assembly.
 */
import { createApp } from '../../functions/api/app';
import { createLocalIssuer, type LocalIssuer } from '../../shared/auth/local-issuer';
import { createTokenVerifier, localKeySet } from '../../shared/auth/verify-token';
import { createDb, type Db } from '../../shared/db/client';
import { ensureTable } from '../../shared/db/ensure-table';
import { seedDemoData, type SeedResult } from './seed';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface LocalAppOptions {
  endpoint: string;
  tableName: string;
  issuerUrl: string;
  /** Keeps the signing key across restarts, so tokens stay valid. */
  issuerKeyFile?: string;
  seed: boolean;
  now?: () => Date;
}

export interface LocalApp {
  app: ReturnType<typeof createApp>['app'];
  db: Db;
  issuer: LocalIssuer;
  seeded: SeedResult | null;
}

export async function createLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const db = createDb({ tableName: options.tableName, endpoint: options.endpoint, region: 'cn-northwest-1' });
  await ensureTable(db);
  const now = options.now ?? (() => new Date());
  const seeded = options.seed ? await seedDemoData(db, now()) : null;
  const issuer = await createLocalIssuer({ issuer: options.issuerUrl, ...(options.issuerKeyFile ? { keyFile: options.issuerKeyFile } : {}) });
  const { app } = createApp({
    db,
    verifyToken: createTokenVerifier({ issuer: issuer.issuer, clientId: issuer.clientId, keys: localKeySet(issuer.jwks) }),
    now,
    mode: 'local',
    searchEngine: 'none',
    dev: { issuer, accounts: seeded?.accounts ?? [] },
  });
  return { app, db, issuer, seeded };
}
