/**
 * The marketplace as the benchmarks run it: DynamoDB Local with the demo data plus generated, published
 * listings (written straight to the table, as a migration would), then the real runner (`scripts/start.ts`)
 * as its own process on a free port, so the load generator and the server do not share an event loop.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../shared/db/client';
import { ensureTable } from '../shared/db/ensure-table';
import { listingItem } from '../shared/db/listings';
import { newAchievement, transitionAchievement } from '../shared/domain/achievement';
import { newNeed, transitionNeed } from '../shared/domain/need';
import { freePort, startDynamoDbLocal, type RunningDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { demoAchievements, demoNeeds } from '../scripts/demo-data/listings';
import { demoOrganisations } from '../scripts/demo-data/organisations';
import { startLocalFiles } from '../scripts/local/local-app';
import { seedDemoData, seedId, type SeedResult } from '../scripts/local/seed';
import { prng } from './lib';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface BenchMarketplace {
  dynamo: RunningDynamoDbLocal;
  db: Db;
  seeded: SeedResult;
  achievementIds: string[];
  needIds: string[];
  /** http://127.0.0.1:<port> */
  origin: string;
  serverPid: number;
  serverOutput(): string;
  /** VmRSS and VmHWM (peak) of the server process, in MB. */
  serverMemory(): { rssMb: number; peakMb: number };
  /** An access token for a demo account, from the local issuer. */
  token(account: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchMarketplace(options: { name: string; achievements: number; needs: number; env?: Record<string, string>; log: (line: string) => void }): Promise<BenchMarketplace> {
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=.local/prof' to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const { log } = options;
  const now = new Date();
  const dynamo = await startDynamoDbLocal({ log });
  const tableName = `bench-${options.name}`;
  const db = createDb({ tableName, endpoint: dynamo.endpoint });
  await ensureTable(db);
  // Demo contracts carry their signed scans: a throwaway local S3 holds them while seeding.
  const seedFiles = await startLocalFiles(undefined);
  const seeded = await seedDemoData(db, now, seedFiles.store).finally(() => seedFiles.stop());
  const { achievementIds, needIds } = await writeGeneratedListings(db, tableName, options, now, log);

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${options.name}-`));
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, DATA_DIR: dataDir, S3_LOCAL_PORT: '0', MAIL_SMTP_PORT: '0', MAIL_WEB_PORT: '0', ...(options.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) break;
    } catch {
      // starting
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    dynamo,
    db,
    seeded,
    achievementIds,
    needIds,
    origin,
    serverPid: server.pid!,
    serverOutput: () => output,
    serverMemory() {
      const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
      return { rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024, peakMb: Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024 };
    },
    async token(account) {
      const res = await fetch(`${origin}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account }) });
      if (!res.ok) throw new Error(`no token for ${account}: ${res.status}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGINT');
        await new Promise((r) => server.once('exit', r));
      }
      await dynamo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Generated, published listings written straight to the table (as a migration would): each a demo
 * listing's text with another's summary appended and a random maturity, owned by a demo organisation
 * of the right kind. Deterministic (fixed seed). The demo data must be seeded first.
 */
export async function writeGeneratedListings(db: Db, tableName: string, counts: { achievements: number; needs: number }, now: Date, log: (line: string) => void): Promise<{ achievementIds: string[]; needIds: string[] }> {
  const random = prng(20261126);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const orgIds = (type: string) => demoOrganisations.filter((o) => (type === 'university' ? o.type === 'university' || o.type === 'institute' : o.type === type)).map((o) => ({ id: seedId('org', o.key), name: o.name, district: o.district }));
  const universities = orgIds('university');
  const enterprises = orgIds('enterprise');

  log(`generating ${counts.achievements} achievements and ${counts.needs} needs…`);
  const items: Record<string, unknown>[] = [];
  const achievementIds: string[] = [];
  const needIds: string[] = [];
  for (let i = 0; i < counts.achievements; i++) {
    const t = pick(demoAchievements);
    const other = pick(demoAchievements);
    const owner = pick(universities);
    const { key: _k, ownerOrgKey: _o, publish: _p, ...input } = t;
    const at = new Date(now.getTime() - Math.floor(random() * 400) * 86_400_000);
    const id = `ach_BENCH${String(i).padStart(21, '0')}`;
    const record = newAchievement(
      { ...input, title: `${t.title}（${i}）`, summary: `${t.summary}${other.summary.slice(0, 60)}`, keywords: [...new Set([...t.keywords.slice(0, 4), ...other.keywords.slice(0, 2)])].slice(0, 10), trl: 1 + Math.floor(random() * 9) },
      { id, ownerOrgId: owner.id, ownerOrgName: owner.name, ownerDistrict: owner.district },
      at,
    );
    items.push(listingItem('achievement', transitionAchievement(record, 'publish', at)));
    achievementIds.push(id);
  }
  for (let i = 0; i < counts.needs; i++) {
    const t = pick(demoNeeds);
    const owner = pick(enterprises);
    const { key: _k, ownerOrgKey: _o, publish: _p, challenge, ...input } = t;
    const id = `need_BENCH${String(i).padStart(21, '0')}`;
    const record = newNeed({ ...input, title: `${t.title}（${i}）`, minTrl: null, challenge: challenge ?? null }, { id, ownerOrgId: owner.id, ownerOrgName: owner.name, ownerDistrict: owner.district }, now);
    items.push(listingItem('need', transitionNeed(record, 'publish', now)));
    needIds.push(id);
  }
  const writeStarted = performance.now();
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let cursor = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const batch = batches[cursor++];
        if (!batch) return;
        let requests: Record<string, unknown>[] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
        while (requests && requests.length) {
          const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests as never } }));
          requests = out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined;
        }
      }
    }),
  );
  log(`table loaded in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`);
  return { achievementIds, needIds };
}
