/**
 * npm run bench [name …] — runs every benchmark of the project (or the named ones), each in its own
 * process, then writes bench/results/summary.json and bench/results/SUMMARY.md: each figure, its target,
 * and pass or short. A benchmark that fails to run is reported as such, never left out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

interface Row {
  figure: string;
  value: number | null;
  unit: string;
  /** Human-readable target; null for figures reported without one. */
  target: string | null;
  pass: boolean | null;
}

type Result = Record<string, any>;
const at = (r: Result, path: string): number | null => {
  const v = path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), r);
  return typeof v === 'number' ? v : null;
};
const atMost = (figure: string, value: number | null, limit: number, unit: string): Row => ({ figure, value, unit, target: `≤ ${limit}`, pass: value === null ? false : value <= limit });
const atLeast = (figure: string, value: number | null, limit: number, unit: string): Row => ({ figure, value, unit, target: `≥ ${limit}`, pass: value === null ? false : value >= limit });
const info = (figure: string, value: number | null, unit: string): Row => ({ figure, value, unit, target: null, pass: null });

/** The benchmarks in the order they run (cheap first), and how each result file becomes rows. */
const BENCHMARKS: { name: string; script: string; rows: (r: Result) => Row[] }[] = [
  {
    name: 'match',
    script: 'bench/match.ts',
    rows: (r) => {
      const style = (name: string, direction: string, figure: string) => at(r, `engines.embedded.styles.${name}.${direction}.${figure}`);
      const original = 'need→achievement (original)';
      return [
        atLeast('matching P@5, keywords as given', style('given', original, 'precisionAt5'), 0.8, ''),
        atLeast('matching P@5, industry word as keywords', style('industry', original, 'precisionAt5'), 0.75, ''),
        atLeast('matching P@5, title phrases as keywords', style('title_phrases', original, 'precisionAt5'), 0.75, ''),
        atLeast('matching nDCG@10, keywords as given', style('given', original, 'ndcgAt10'), 0.85, ''),
        info('matching P@5, plant-style needs', style('given', 'need→achievement (plant)', 'precisionAt5'), ''),
        info('matching achievement → need recall@10', style('given', 'achievement→need', 'recallAt10'), ''),
        info('matching achievement → need MRR', style('given', 'achievement→need', 'mrr'), ''),
      ];
    },
  },
  {
    name: 'bundle',
    script: 'bench/bundle.ts',
    rows: (r) => {
      const fn = (name: string): Result | undefined => (r.functions as Result[] | undefined)?.find((f) => f.name === name);
      return [
        atMost('api bundle (minified)', fn('api')?.bundleKB ?? null, 400, 'KB'),
        atMost('api cold import (median)', fn('api')?.coldImportMs?.median ?? null, 100, 'ms'),
        atMost('api first request: import + hall search + match, from process start (median)', at(r, 'firstRequest.matchedMs'), 250, 'ms'),
        ...['search-indexer', 'match-alerts', 'reward-ledger'].map((name) => info(`${name} cold import (median)`, fn(name)?.coldImportMs?.median ?? null, 'ms')),
      ];
    },
  },
  {
    name: 'ledger',
    script: 'bench/ledger.ts',
    rows: (r) => [atMost('ledger discrepancies', at(r, 'discrepancies'), 0, ''), atMost('contracts over the cap', at(r, 'contractsOverCap'), 0, ''), info('ledger events per second', at(r, 'eventsPerSecond'), '/s')],
  },
  {
    name: 'programs',
    script: 'bench/programs.ts',
    rows: (r) => [atMost('program ledger discrepancies', at(r, 'discrepancies'), 0, ''), info('program applications submitted → approved per second', at(r, 'approvalsPerSecond'), '/s')],
  },
  {
    name: 'search',
    script: 'bench/search.ts',
    rows: (r) => [
      atMost('keyword search p99', at(r, 'search.p99'), 30, 'ms'),
      atMost('match p99 (need → achievements)', at(r, 'match.p99'), 50, 'ms'),
      atMost('match p99 (achievement → needs)', at(r, 'matchAchievementToNeeds.p99'), 50, 'ms'),
      atMost('indexing 15,000 listings', at(r, 'indexingSeconds'), 15, 's'),
      atMost('server peak RSS', at(r, 'serverPeakRssMb'), 600, 'MB'),
    ],
  },
  {
    name: 'load',
    script: 'bench/load.ts',
    rows: (r) => [
      atMost('5xx responses under load', (at(r, 'serverErrors') ?? NaN) + (at(r, 'throughputErrors') ?? NaN), 0, ''),
      atMost('sustained read p99', at(r, 'sustained.reads.p99'), 100, 'ms'),
      atMost('sustained write p99', at(r, 'sustained.writes.p99'), 250, 'ms'),
      atMost('reconciliation discrepancies', at(r, 'reconciliation.discrepancies'), 0, ''),
      atLeast('read throughput / bare Hono route', at(r, 'throughput.ratio'), 0.25, ''),
      info('sustained rate', at(r, 'setup.rate'), 'req/s'),
      info('bare Hono route throughput', at(r, 'throughput.hello.rps'), 'req/s'),
      info('marketplace read throughput', at(r, 'throughput.reads.rps'), 'req/s'),
    ],
  },
];

const resultsDir = join(process.cwd(), 'bench', 'results');
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !BENCHMARKS.some((b) => b.name === a));
if (unknown.length) {
  console.error(`[bench] unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const chosen = asked.length ? BENCHMARKS.filter((b) => asked.includes(b.name)) : BENCHMARKS;

const summary: { benchmark: string; ran: boolean; exitCode: number | null; seconds: number; rows: Row[] }[] = [];
for (const bench of chosen) {
  console.log(`\n[bench] ── ${bench.name} ──`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench.script], { stdio: 'inherit', env: process.env });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const file = join(resultsDir, `${bench.name}.json`);
  // Only a result written by this run counts.
  const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Result) : null;
  const fresh = result !== null && Date.parse(result.at) >= started;
  summary.push({ benchmark: bench.name, ran: fresh, exitCode: run.status, seconds, rows: fresh ? bench.rows(result) : [] });
}

const fmt = (row: Row) => (row.value === null || Number.isNaN(row.value) ? '—' : `${row.value}${row.unit ? ` ${row.unit}` : ''}`);
const lines = [
  '# Benchmark summary',
  '',
  `Run at ${new Date().toISOString()} on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Produced by \`npm run bench\`; the JSON of each benchmark is beside this file.`,
  '',
  '| benchmark | figure | value | target | result |',
  '| --- | --- | --- | --- | --- |',
];
for (const s of summary) {
  if (!s.ran) {
    lines.push(`| ${s.benchmark} | — | did not complete (exit ${s.exitCode}) | — | **failed** |`);
    continue;
  }
  for (const row of s.rows) lines.push(`| ${s.benchmark} | ${row.figure} | ${fmt(row)} | ${row.target ?? '—'} | ${row.pass === null ? 'info' : row.pass ? 'pass' : '**short**'} |`);
}
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'summary.json'), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cores: cpus().length, benchmarks: summary }, null, 2)}\n`);
writeFileSync(join(resultsDir, 'SUMMARY.md'), `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}\n`);
console.log(`[bench] written ${join(resultsDir, 'summary.json')} and SUMMARY.md`);
if (summary.some((s) => !s.ran)) process.exitCode = 1;
