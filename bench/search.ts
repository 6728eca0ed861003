/**
 * npm run bench:search — 10,000 achievements and 5,000 needs, then through the HTTP API on localhost at
 * 10 concurrent clients: keyword search and match latency in both directions (p50/p99), the time the server takes to index
 * the 15,000 documents at start, and the server's memory. Targets (issue 3): match p99 ≤ 50 ms, search
 * p99 ≤ 30 ms, indexing ≤ 15 s, RSS ≤ 600 MB.
 */
import { startBenchMarketplace } from './marketplace';
import { load, summarise, writeResult } from './lib';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ACHIEVEMENTS = Number(process.env.BENCH_ACHIEVEMENTS ?? 10_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 5_000);
const CONCURRENCY = 10;
const SEARCHES = 3000;
const MATCHES = 1000;
const TERMS = ['光伏', '硅片 切割', '双氰胺', '高纯钽', '铸件 缺陷', '输送带 跑偏', '锂电池 正极', '枸杞 保鲜', '滩羊', '粪污 资源化', '矿山 修复', '余热 回收', '工业互联网', '冷链', '煤矿 安全', '氟材料', '智能制造', '节能 降耗', '奶牛 养殖', '精细化工'];

const log = (line: string) => console.log(`[bench:search] ${line}`);

async function main() {
  const market = await startBenchMarketplace({ name: 'search', achievements: ACHIEVEMENTS, needs: NEEDS, log });
  const output = market.serverOutput();
  const base = `${market.origin}/api/v1`;
  const needIds = market.needIds;
  const indexLine = /search index: (\d+) documents in (\d+) ms \((\w+)\)/.exec(output);
  if (!indexLine) throw new Error(`the server did not report indexing:\n${output}`);
  const indexed = Number(indexLine[1]);
  const indexMs = Number(indexLine[2]);
  log(`server indexed ${indexed} documents in ${(indexMs / 1000).toFixed(1)} s (${indexLine[3]})`);

  const auth = { authorization: `Bearer ${await market.token('demo-admin')}` };

  // Warm-up: JIT and jieba's dictionary.
  await load(200, CONCURRENCY, (i) => fetch(`${base}/achievements?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&limit=20`));
  await load(100, CONCURRENCY, (i) => fetch(`${base}/needs/${needIds[i]}/matches`, { headers: auth }));

  const search = await load(SEARCHES, CONCURRENCY, (i) => fetch(`${base}/achievements?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&limit=20`));
  const match = await load(MATCHES, CONCURRENCY, (i) => fetch(`${base}/needs/${needIds[(i * 7919) % needIds.length]}/matches?limit=10`, { headers: auth }));
  const achievementIds = market.achievementIds;
  const reverse = await load(MATCHES, CONCURRENCY, (i) => fetch(`${base}/achievements/${achievementIds[(i * 7919) % achievementIds.length]}/matches?limit=10`, { headers: auth }));
  const { rssMb, peakMb } = market.serverMemory();
  await market.stop();

  const result = {
    engine: indexLine[3],
    documents: { achievements: ACHIEVEMENTS, needs: NEEDS, indexed },
    concurrency: CONCURRENCY,
    indexingSeconds: Math.round(indexMs / 100) / 10,
    search: { ...summarise(search.latencies), rps: search.rps, statuses: search.statuses },
    match: { ...summarise(match.latencies), rps: match.rps, statuses: match.statuses },
    matchAchievementToNeeds: { ...summarise(reverse.latencies), rps: reverse.rps, statuses: reverse.statuses },
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
    'match need → achievements': { p50_ms: result.match.p50, p99_ms: result.match.p99, target_p99_ms: 50, pass: pass.matchP99 },
    'match achievement → needs': { p50_ms: result.matchAchievementToNeeds.p50, p99_ms: result.matchAchievementToNeeds.p99, target_p99_ms: 50, pass: result.matchAchievementToNeeds.p99 <= 50 },
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
