/**
 * npm run bench:load — the marketplace under mixed traffic, on 127.0.0.1 only, bounded in count and time.
 *
 * Setup: the demo data plus 10,000 generated listings, the real runner as its own process, contracts
 * registered for the brokers to record payments and claims against.
 * 1. Throughput (closed loop, autocannon): a bare Hono "hello" route on the same server, then the
 *    marketplace's read routes; their ratio.
 * 2. Sustained (open loop at a fixed arrival rate) and burst (several times that rate) phases of mixed
 *    traffic: searches, detail pages, matches, listing writes, payments, payment verifications, claims.
 *    Latency is measured from each request's scheduled start, so a slow server cannot hide its queue.
 * 3. Reconciliation: every acknowledged write is stored exactly once, and every touched contract's
 *    ledger and balance reconcile with its payments and claims.
 * Targets (issue 7): no 5xx; sustained p99 ≤ 100 ms for reads and ≤ 250 ms for writes; 0 discrepancies;
 * read throughput ≥ 25% of the bare route.
 */
import autocannon from 'autocannon';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../shared/db/keys';
import { claimsOf, paymentsOf } from '../shared/db/contracts';
import { reconcileContract, type ContractDiscrepancy } from '../shared/services/reconcile';
import { percentile, prng, writeResult } from './lib';
import { startBenchMarketplace, type BenchMarketplace } from './marketplace';
import { minimalPdf, postFile } from '../scripts/local/demo-files';

const LISTINGS = Number(process.env.BENCH_LOAD_LISTINGS ?? 10_000);
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 60);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const BURST_FACTOR = Number(process.env.BENCH_LOAD_BURST_FACTOR ?? 4);
const BURST_SECONDS = Number(process.env.BENCH_LOAD_BURST_SECONDS ?? 10);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_LOAD_THROUGHPUT_SECONDS ?? 10);
const CONNECTIONS = 16;
/** Matches the runner's bare route (scripts/start.ts, BENCH_HELLO_ROUTE=1). */
const HELLO_PATH = '/__bench/hello';
const TERMS = ['光伏', '硅片 切割', '双氰胺', '高纯钽', '铸件 缺陷', '枸杞 保鲜', '滩羊', '矿山 修复', '余热 回收', '工业互联网', '煤矿 安全', '智能制造', '节能 降耗', '精细化工'];
const RUN = Date.now().toString(36);

const log = (line: string) => console.log(`[bench:load] ${line}`);
const random = prng(7_2026);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

type Kind = 'read' | 'write';
interface Planned {
  route: string;
  kind: Kind;
  send: () => Promise<Response>;
  /** Called with the parsed body of a 2xx answer: remembers what was acknowledged. */
  acknowledged?: (body: any) => void;
}

interface Samples {
  kind: Kind;
  latencies: number[];
  statuses: Record<string, number>;
}

/** What the run wrote and the server acknowledged, for the reconciliation. */
const acked = { listings: new Map<string, string>(), payments: new Map<string, string>(), claims: new Map<string, string>(), verified: new Set<string>() };
const unverified: { id: string; broker: string }[] = [];

async function setup(market: BenchMarketplace) {
  const accounts = market.seeded.accounts;
  const tokens = new Map<string, string>();
  for (const a of accounts) tokens.set(a.id, await market.token(a.id));
  const universities = accounts.filter((a) => a.groups.includes('university')).map((a) => a.id);
  const centers = accounts.filter((a) => a.groups.includes('transfer_center')).map((a) => a.id);
  const enterprises = accounts.filter((a) => a.groups.includes('enterprise')).map((a) => a.id);
  const api = `${market.origin}/api/v1`;
  const call = async (method: string, path: string, account: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api}${path}`, { method, headers: { authorization: `Bearer ${tokens.get(account)}`, 'content-type': 'application/json', ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const orgOf = (account: string) => accounts.find((a) => a.id === account)!.orgId!;
  // Contracts name verified parties only (the demo data keeps some organisations waiting for the bureau).
  const verified = new Set<string>(((await (await fetch(`${api}/orgs?verification=verified&limit=100`)).json()) as { items: { id: string }[] }).items.map((o) => o.id));
  const sellers = universities.filter((a) => verified.has(orgOf(a)));
  const buyers = enterprises.filter((a) => verified.has(orgOf(a)));

  // Each broker gets contracts to record payments against, and contracts with a full reward to claim from.
  const paymentContracts: { id: string; number: string; broker: string }[] = [];
  const claimContracts: { id: string; broker: string }[] = [];
  for (const [i, broker] of centers.filter((a) => verified.has(orgOf(a))).entries()) {
    for (let k = 0; k < 4; k++) {
      const c = await call('POST', '/contracts', broker, { title: `负载测试合同 ${RUN}-${i}-${k}`, kind: 'licence', sellerOrgId: orgOf(pick(sellers)), buyerOrgId: orgOf(pick(buyers)), amountFen: 50_000_000_000, signedOn: '2026-01-15' });
      const tokenOf = tokens.get(broker)!;
      const signed = await attachFileOverHttp(api, tokenOf, `contracts/${c.id}`, 'signed_contract');
      if (!signed.ok) throw new Error(`signed contract upload: ${signed.status} ${await signed.text()}`);
      await call('POST', `/contracts/${c.id}/submit`, broker);
      const r = await call('POST', `/contracts/${c.id}/register`, 'demo-admin', { decision: 'registered' });
      if (k < 3) paymentContracts.push({ id: c.id, number: r.registrationNumber, broker });
      else {
        const p = await call('POST', `/contracts/${c.id}/payments`, broker, { amountFen: 3_000_000_000, paidOn: '2026-02-01', evidenceRef: `负载回单 ${r.registrationNumber}-full` });
        const slip = await attachBankSlip(api, tokenOf, p.id, () => AbortSignal.timeout(10_000));
        if (!slip.ok) throw new Error(`bank slip upload: ${slip.status} ${await slip.text()}`);
        await call('POST', `/payments/${p.id}/verify`, 'demo-admin', { decision: 'verified' });
        claimContracts.push({ id: c.id, broker });
      }
    }
  }
  // The ledger is posted by the stream handler: wait for the rewards to accrue.
  for (const c of claimContracts) {
    for (let t = 0; ; t++) {
      const reward = await call('GET', `/contracts/${c.id}/reward`, c.broker);
      if (reward.balance.accruedFen > 0) break;
      if (t > 100) throw new Error(`reward of ${c.id} never accrued`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { tokens, universities, centers, enterprises, paymentContracts, claimContracts, api };
}

const EVIDENCE = minimalPdf(['Evidence (load test)']);

/** Uploads a PDF as the pages do it (ticket, storage, confirm); the confirm's response, or the first refusal. */
async function attachFileOverHttp(api: string, token: string, owner: string, kind: string, timeout: () => AbortSignal = () => AbortSignal.timeout(10_000)): Promise<Response> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const asked = await fetch(`${api}/${owner}/uploads`, { method: 'POST', headers, body: JSON.stringify({ kind, fileName: `${kind}.pdf`, contentType: 'application/pdf', sizeBytes: EVIDENCE.byteLength }), signal: timeout() });
  if (!asked.ok) return asked;
  const ticket = (await asked.json()) as { uploadId: string; url: string; fields: Record<string, string> };
  const stored = await postFile(ticket, EVIDENCE, `${kind}.pdf`);
  if (stored !== 204) return new Response(null, { status: stored >= 500 ? stored : 502 });
  return fetch(`${api}/${owner}/uploads/${ticket.uploadId}/confirm`, { method: 'POST', headers, body: '{}', signal: timeout() });
}

const attachBankSlip = (api: string, token: string, paymentId: string, timeout: () => AbortSignal) => attachFileOverHttp(api, token, `payments/${paymentId}`, 'bank_slip', timeout);

function planner(market: BenchMarketplace, ctx: Awaited<ReturnType<typeof setup>>) {
  let n = 0;
  const auth = (account: string) => ({ authorization: `Bearer ${ctx.tokens.get(account)}` });
  const json = { 'content-type': 'application/json' };
  const timeout = () => AbortSignal.timeout(10_000);
  const reads = (): Planned => {
    const r = random();
    if (r < 0.38) return { route: 'GET /achievements?q', kind: 'read', send: () => fetch(`${ctx.api}/achievements?q=${encodeURIComponent(pick(TERMS))}&limit=20`, { signal: timeout() }) };
    if (r < 0.48) return { route: 'GET /needs?q', kind: 'read', send: () => fetch(`${ctx.api}/needs?q=${encodeURIComponent(pick(TERMS))}&limit=20`, { signal: timeout() }) };
    if (r < 0.66) return { route: 'GET /achievements/:id', kind: 'read', send: () => fetch(`${ctx.api}/achievements/${pick(market.achievementIds)}`, { signal: timeout() }) };
    if (r < 0.80) return { route: 'page /achievements/:id', kind: 'read', send: () => fetch(`${market.origin}/achievements/${pick(market.achievementIds)}`, { signal: timeout() }) };
    if (r < 0.86) return { route: 'page /', kind: 'read', send: () => fetch(`${market.origin}/`, { signal: timeout() }) };
    return { route: 'GET /needs/:id/matches', kind: 'read', send: () => fetch(`${ctx.api}/needs/${pick(market.needIds)}/matches?limit=10`, { headers: auth('demo-admin'), signal: timeout() }) };
  };
  const writes = (): Planned => {
    const r = random();
    const i = n++;
    if (r < 0.35) {
      const account = pick(ctx.universities);
      const title = `负载测试成果 ${RUN}-${i}`;
      const body = { title, summary: '面向光伏硅片切割的细线化工艺，降低损耗并减少断线，适用于大尺寸硅片量产。', confidentialDetail: '工艺参数见附件。', industry: '光伏全产业链', keywords: ['硅片', '切割'], trl: 6, ip: [], transferModes: ['licence'], price: { kind: 'negotiable' }, team: { leader: '王工', members: [] }, contact: { name: '王工', phone: '0952-3908888', email: 'wang@example.cn' } };
      return { route: 'POST /achievements', kind: 'write', send: () => fetch(`${ctx.api}/achievements`, { method: 'POST', headers: { ...auth(account), ...json }, body: JSON.stringify(body), signal: timeout() }), acknowledged: (b) => acked.listings.set(b.id, title) };
    }
    if (r < 0.65 || unverified.length === 0) {
      const c = pick(ctx.paymentContracts);
      const evidenceRef = `负载回单 ${c.number}-${RUN}-${i}`;
      const body = { amountFen: 10_000 + Math.floor(random() * 5_000_000), paidOn: '2026-11-20', evidenceRef };
      return {
        route: 'POST /contracts/:id/payments',
        kind: 'write',
        send: () => fetch(`${ctx.api}/contracts/${c.id}/payments`, { method: 'POST', headers: { ...auth(c.broker), ...json }, body: JSON.stringify(body), signal: timeout() }),
        acknowledged: (b) => {
          acked.payments.set(b.id, c.id);
          unverified.push({ id: b.id, broker: c.broker });
        },
      };
    }
    if (r < 0.82) {
      const { id, broker } = unverified.shift()!;
      // Verification needs the evidence: the broker uploads its bank slip (ticket, storage, confirm), then the bureau verifies.
      const send = async () => {
        const evidence = await attachBankSlip(ctx.api, ctx.tokens.get(broker)!, id, timeout);
        if (!evidence.ok) return evidence;
        return fetch(`${ctx.api}/payments/${id}/verify`, { method: 'POST', headers: { ...auth('demo-admin'), ...json }, body: '{"decision":"verified"}', signal: timeout() });
      };
      return { route: 'bank slip + POST /payments/:id/verify', kind: 'write', send, acknowledged: () => acked.verified.add(id) };
    }
    const c = pick(ctx.claimContracts);
    const key = `load-${RUN}-${i}`;
    return {
      route: 'POST /contracts/:id/claims',
      kind: 'write',
      send: () => fetch(`${ctx.api}/contracts/${c.id}/claims`, { method: 'POST', headers: { ...auth(c.broker), ...json, 'idempotency-key': key }, body: JSON.stringify({ amountFen: 1_000 + Math.floor(random() * 9_000) }), signal: timeout() }),
      acknowledged: (b) => acked.claims.set(b.id, c.id),
    };
  };
  // The mix: four reads to one write.
  return () => (random() < 0.8 ? reads() : writes());
}

/** Open loop: `rate` requests per second for `seconds`, each timed from its scheduled start. */
async function openLoop(rate: number, seconds: number, next: () => Planned): Promise<{ samples: Map<string, Samples>; seconds: number; sent: number }> {
  const samples = new Map<string, Samples>();
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const scheduled = started + (k * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const planned = next();
    inflight.push(
      (async () => {
        let status: string;
        try {
          const res = await planned.send();
          status = String(res.status);
          const text = await res.text();
          if (res.ok && planned.acknowledged) planned.acknowledged(JSON.parse(text));
        } catch (error) {
          status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
        }
        const s = samples.get(planned.route) ?? { kind: planned.kind, latencies: [], statuses: {} };
        s.latencies.push(performance.now() - scheduled);
        s.statuses[status] = (s.statuses[status] ?? 0) + 1;
        samples.set(planned.route, s);
      })(),
    );
  }
  await Promise.all(inflight);
  return { samples, seconds: (performance.now() - started) / 1000, sent: total };
}

function figures(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { count: sorted.length, p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), p99: r(percentile(sorted, 99)), max: r(sorted.at(-1) ?? 0) };
}

function report(name: string, phase: Awaited<ReturnType<typeof openLoop>>) {
  const routes: Record<string, unknown> = {};
  const all: Record<Kind, number[]> = { read: [], write: [] };
  const statuses: Record<string, number> = {};
  for (const [route, s] of [...phase.samples].sort()) {
    routes[route] = { ...figures(s.latencies), rps: Math.round((s.latencies.length / phase.seconds) * 10) / 10, statuses: s.statuses };
    all[s.kind].push(...s.latencies);
    for (const [k, v] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  }
  const result = { seconds: Math.round(phase.seconds * 10) / 10, requests: phase.sent, rps: Math.round(phase.sent / phase.seconds), statuses, reads: figures(all.read), writes: figures(all.write), routes };
  log(`${name}: ${result.requests} requests in ${result.seconds} s (${result.rps} req/s), statuses ${JSON.stringify(statuses)}`);
  console.table(Object.fromEntries(Object.entries(routes).map(([k, v]: [string, any]) => [k, { n: v.count, 'req/s': v.rps, p50_ms: v.p50, p95_ms: v.p95, p99_ms: v.p99, max_ms: v.max, statuses: JSON.stringify(v.statuses) }])));
  console.table({ reads: result.reads, writes: result.writes });
  return result;
}

async function throughput(url: string | null, market: BenchMarketplace, title: string) {
  const readPaths = () => {
    const r = random();
    if (r < 0.45) return `/api/v1/achievements?q=${encodeURIComponent(pick(TERMS))}&limit=20`;
    if (r < 0.7) return `/api/v1/achievements/${pick(market.achievementIds)}`;
    if (r < 0.9) return `/achievements/${pick(market.achievementIds)}`;
    return `/api/v1/needs?q=${encodeURIComponent(pick(TERMS))}&limit=20`;
  };
  const result = await autocannon({
    url: market.origin,
    connections: CONNECTIONS,
    duration: THROUGHPUT_SECONDS,
    requests: [url ? { method: 'GET', path: url } : { method: 'GET', setupRequest: (req) => ({ ...req, path: readPaths() }) }],
  });
  const out = { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, total: result.requests.total };
  log(`${title}: ${out.rps} req/s, p50 ${out.p50} ms, p99 ${out.p99} ms, non-2xx ${out.non2xx}, errors ${out.errors}`);
  return out;
}

async function reconcile(market: BenchMarketplace) {
  const { db } = market;
  const get = async (key: Record<string, string>) => (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;
  const problems: string[] = [];
  // Listings: each acknowledged one stored, under its own title, once.
  const titles = new Map<string, number>();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new ScanCommand({ TableName: db.tableName, FilterExpression: 'begins_with(title, :t)', ExpressionAttributeValues: { ':t': `负载测试成果 ${RUN}-` }, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of out.Items ?? []) titles.set(item.title as string, (titles.get(item.title as string) ?? 0) + 1);
    start = out.LastEvaluatedKey;
  } while (start);
  for (const [id, title] of acked.listings) {
    const item = await get(keys.listing('achievement', id));
    if (!item || item.title !== title) problems.push(`listing ${id} acknowledged but not stored`);
    if ((titles.get(title) ?? 0) !== 1) problems.push(`listing "${title}" stored ${titles.get(title) ?? 0} times`);
  }
  const unacknowledgedListings = [...titles.keys()].filter((t) => ![...acked.listings.values()].includes(t)).length;
  // Payments and claims: every acknowledged one stored once on its contract; verifications took effect.
  const contracts = new Set([...acked.payments.values(), ...acked.claims.values()]);
  for (const contractId of contracts) {
    const [payments, claims] = await Promise.all([paymentsOf(db, contractId), claimsOf(db, contractId)]);
    const paymentIds = payments.map((p) => p.id);
    const claimIds = claims.map((c) => c.id);
    for (const [id, c] of acked.payments) if (c === contractId && paymentIds.filter((x) => x === id).length !== 1) problems.push(`payment ${id} stored ${paymentIds.filter((x) => x === id).length} times`);
    for (const [id, c] of acked.claims) if (c === contractId && claimIds.filter((x) => x === id).length !== 1) problems.push(`claim ${id} stored ${claimIds.filter((x) => x === id).length} times`);
    for (const p of payments) if (acked.verified.has(p.id) && p.status !== 'verified') problems.push(`payment ${p.id} verified but stored as ${p.status}`);
  }
  // Ledger: the stream handler may still be posting the last verifications; give it until it settles.
  let discrepancies: ContractDiscrepancy[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    discrepancies = (await Promise.all([...contracts].map((id) => reconcileContract(db, id)))).filter((d): d is ContractDiscrepancy => d !== null);
    if (discrepancies.length === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  for (const d of discrepancies) problems.push(`contract ${d.contractId}: ${d.problems.join('; ')}`);
  return { acknowledged: { listings: acked.listings.size, payments: acked.payments.size, verifications: acked.verified.size, claims: acked.claims.size }, contractsReconciled: contracts.size, unacknowledgedListings, discrepancies: problems.length, problems: problems.slice(0, 20) };
}

async function main() {
  const market = await startBenchMarketplace({
    name: 'load',
    achievements: Math.round(LISTINGS * 0.7),
    needs: LISTINGS - Math.round(LISTINGS * 0.7),
    // The per-person write limit stays on (its write is part of every write's cost) but far above this run's rate.
    env: { BENCH_HELLO_ROUTE: '1', RATE_LIMIT_WRITES_PER_MINUTE: '100000' },
    log,
  });
  try {
    const ctx = await setup(market);
    log(`${ctx.paymentContracts.length + ctx.claimContracts.length} contracts ready; warming up…`);
    const next = planner(market, ctx);
    await openLoop(RATE, 5, next);

    const hello = await throughput(HELLO_PATH, market, 'bare Hono route');
    const reads = await throughput(null, market, 'marketplace reads');
    const ratio = Math.round((reads.rps / hello.rps) * 1000) / 1000;
    log(`read throughput is ${(ratio * 100).toFixed(1)}% of the bare route`);

    log(`sustained: ${RATE} req/s for ${SECONDS} s`);
    const sustained = report('sustained', await openLoop(RATE, SECONDS, next));
    log(`burst: ${RATE * BURST_FACTOR} req/s for ${BURST_SECONDS} s`);
    const burst = report('burst', await openLoop(RATE * BURST_FACTOR, BURST_SECONDS, next));
    const memory = market.serverMemory();
    const reconciliation = await reconcile(market);
    log(`reconciliation: ${JSON.stringify(reconciliation.acknowledged)} acknowledged, ${reconciliation.discrepancies} discrepancies`);
    for (const p of reconciliation.problems) log(`  ${p}`);

    const fiveXx = (s: Record<string, number>) => Object.entries(s).filter(([k]) => k.startsWith('5')).reduce((t, [, v]) => t + v, 0);
    const serverErrors = fiveXx(sustained.statuses) + fiveXx(burst.statuses);
    // Every throughput request is a read of something that exists: anything but 2xx is an error there.
    const throughputErrors = hello.non2xx + reads.non2xx + hello.errors + reads.errors;
    const targets = { fiveXx: 0, sustainedReadP99Ms: 100, sustainedWriteP99Ms: 250, discrepancies: 0, readThroughputRatio: 0.25 };
    const pass = {
      fiveXx: serverErrors === 0 && throughputErrors === 0,
      sustainedReadP99: sustained.reads.p99 <= targets.sustainedReadP99Ms,
      sustainedWriteP99: sustained.writes.p99 <= targets.sustainedWriteP99Ms,
      reconciliation: reconciliation.discrepancies === 0,
      readThroughputRatio: ratio >= targets.readThroughputRatio,
    };
    console.table({
      '5xx responses (+ throughput errors)': { value: serverErrors + throughputErrors, target: 0, pass: pass.fiveXx },
      'sustained read p99 (ms)': { value: sustained.reads.p99, target: '≤ 100', pass: pass.sustainedReadP99 },
      'sustained write p99 (ms)': { value: sustained.writes.p99, target: '≤ 250', pass: pass.sustainedWriteP99 },
      'reconciliation discrepancies': { value: reconciliation.discrepancies, target: 0, pass: pass.reconciliation },
      'read throughput / bare route': { value: ratio, target: '≥ 0.25', pass: pass.readThroughputRatio },
    });
    const file = writeResult('load', {
      listings: { generated: LISTINGS, demo: market.seeded.written },
      setup: { rate: RATE, seconds: SECONDS, burstRate: RATE * BURST_FACTOR, burstSeconds: BURST_SECONDS, throughputSeconds: THROUGHPUT_SECONDS, connections: CONNECTIONS },
      throughput: { hello, reads, ratio },
      sustained,
      burst,
      serverErrors,
      throughputErrors,
      serverMemoryMb: { rss: Math.round(memory.rssMb), peak: Math.round(memory.peakMb) },
      reconciliation,
      targets,
      pass,
    });
    log(`written ${file}`);
  } finally {
    await market.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
