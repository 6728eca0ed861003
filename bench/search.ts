/**
 * npm run bench:search — 10,000 achievements and 5,000 needs, then through the HTTP API on localhost at
 * 10 concurrent clients: keyword search and match latency (p50/p99), the time the server takes to index
 * the 15,000 documents at start, and the server's memory. Targets (issue 3): match p99 ≤ 50 ms, search
 * p99 ≤ 30 ms, indexing ≤ 15 s, RSS ≤ 600 MB.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../shared/db/client';
import { ensureTable } from '../shared/db/ensure-table';
import { listingItem } from '../shared/db/listings';
import { newAchievement, transitionAchievement } from '../shared/domain/achievement';
import { newNeed, transitionNeed } from '../shared/domain/need';
import { freePort, startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { demoAchievements, demoNeeds } from '../scripts/demo-data/listings';
import { demoOrganisations } from '../scripts/demo-data/organisations';
import { seedDemoData, seedId } from '../scripts/local/seed';
import { load, prng, summarise, writeResult } from './lib';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ACHIEVEMENTS = Number(process.env.BENCH_ACHIEVEMENTS ?? 10_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 5_000);
const CONCURRENCY = 10;
const SEARCHES = 3000;
const MATCHES = 1000;
const TERMS = ['光伏', '硅片 切割', '双氰胺', '高纯钽', '铸件 缺陷', '输送带 跑偏', '锂电池 正极', '枸杞 保鲜', '滩羊', '粪污 资源化', '矿山 修复', '余热 回收', '工业互联网', '冷链', '煤矿 安全', '氟材料', '智能制造', '节能 降耗', '奶牛 养殖', '精细化工'];

const log = (line: string) => console.log(`[bench:search] ${line}`);
const now = new Date();
const random = prng(20261126);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

async function main() {
  const dynamo = await startDynamoDbLocal({ log });
  const tableName = 'bench-search';
  const db = createDb({ tableName, endpoint: dynamo.endpoint });
  await ensureTable(db);
  const seeded = await seedDemoData(db, now);
  const orgIds = (type: string) => demoOrganisations.filter((o) => (type === 'university' ? o.type === 'university' || o.type === 'institute' : o.type === type)).map((o) => ({ id: seedId('org', o.key), name: o.name, district: o.district }));
  const universities = orgIds('university');
  const enterprises = orgIds('enterprise');

  log(`generating ${ACHIEVEMENTS} achievements and ${NEEDS} needs…`);
  const items: Record<string, unknown>[] = [];
  const needIds: string[] = [];
  for (let i = 0; i < ACHIEVEMENTS; i++) {
    const t = pick(demoAchievements);
    const other = pick(demoAchievements);
    const owner = pick(universities);
    const { key: _k, ownerOrgKey: _o, publish: _p, ...input } = t;
    const at = new Date(now.getTime() - Math.floor(random() * 400) * 86_400_000);
    const record = newAchievement(
      { ...input, title: `${t.title}（${i}）`, summary: `${t.summary}${other.summary.slice(0, 60)}`, keywords: [...new Set([...t.keywords.slice(0, 4), ...other.keywords.slice(0, 2)])].slice(0, 10), trl: 1 + Math.floor(random() * 9) },
      { id: `ach_BENCH${String(i).padStart(21, '0')}`, ownerOrgId: owner.id, ownerOrgName: owner.name, ownerDistrict: owner.district },
      at,
    );
    items.push(listingItem('achievement', transitionAchievement(record, 'publish', at)));
  }
  for (let i = 0; i < NEEDS; i++) {
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

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: tableName, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}/api/v1`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // starting
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const indexLine = /search index: (\d+) documents in (\d+) ms \((\w+)\)/.exec(output);
  if (!indexLine) throw new Error(`the server did not report indexing:\n${output}`);
  const indexed = Number(indexLine[1]);
  const indexMs = Number(indexLine[2]);
  log(`server indexed ${indexed} documents in ${(indexMs / 1000).toFixed(1)} s (${indexLine[3]})`);

  const admin = seeded.accounts.find((a) => a.id === 'demo-admin')!;
  const { accessToken } = (await (await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: admin.id }) })).json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };

  // Warm-up: JIT and jieba's dictionary.
  await load(200, CONCURRENCY, (i) => fetch(`${base}/achievements?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&limit=20`));
  await load(100, CONCURRENCY, (i) => fetch(`${base}/needs/${needIds[i]}/matches`, { headers: auth }));

  const search = await load(SEARCHES, CONCURRENCY, (i) => fetch(`${base}/achievements?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&limit=20`));
  const match = await load(MATCHES, CONCURRENCY, (i) => fetch(`${base}/needs/${needIds[(i * 7919) % needIds.length]}/matches?limit=10`, { headers: auth }));
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;

  server.kill('SIGINT');
  await new Promise((r) => server.once('exit', r));
  await dynamo.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const result = {
    engine: indexLine[3],
    documents: { achievements: ACHIEVEMENTS, needs: NEEDS, indexed },
    concurrency: CONCURRENCY,
    indexingSeconds: Math.round(indexMs / 100) / 10,
    search: { ...summarise(search.latencies), rps: search.rps, statuses: search.statuses },
    match: { ...summarise(match.latencies), rps: match.rps, statuses: match.statuses },
    serverRssMb: Math.round(rssMb),
    serverPeakRssMb: Math.round(peakMb),
    targets: { searchP99Ms: 30, matchP99Ms: 50, indexingSeconds: 15, rssMb: 600 },
  };
  const pass = {
    searchP99: result.search.p99 <= 30,
    matchP99: result.match.p99 <= 50,
    indexing: result.indexingSeconds <= 15,
    rss: result.serverPeakRssMb <= 600,
  };
  console.table({
    'keyword search': { p50_ms: result.search.p50, p99_ms: result.search.p99, target_p99_ms: 30, pass: pass.searchP99 },
    match: { p50_ms: result.match.p50, p99_ms: result.match.p99, target_p99_ms: 50, pass: pass.matchP99 },
  });
  console.table({
    indexing: { value: `${result.indexingSeconds} s`, target: '≤ 15 s', pass: pass.indexing },
    'server RSS (peak)': { value: `${result.serverPeakRssMb} MB`, target: '≤ 600 MB', pass: pass.rss },
  });
  log(`written ${writeResult('search', { ...result, pass })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
