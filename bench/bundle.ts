/**
 * `npm run bench:bundle`: what each Lambda function costs to ship and to start.
 * - Bundles every function exactly as the stack does (infra/bundling.ts settings: esbuild, ESM,
 *   minified, source map, jieba external and copied beside the bundle) into a temporary directory.
 * - Size: the minified index.mjs, plus the whole asset (with source map and native package).
 * - Cold import: a fresh `node` process per run imports the bundle with the Lambda environment and
 *   reports the time of the `import()` alone (process start-up excluded); the median of the runs.
 *   Wall-clock time is what a cold start costs but swings with machine load; the CPU time of the
 *   import (user + system, all threads) is also reported because it is steadier on a shared machine.
 * - First request (api only, bench/first-request.ts): a fresh process imports the bundle and answers
 *   one hall search and one match, timed from process start; the median of the runs.
 * Targets (issue 12): api bundle ≤ 400 KB minified, cold import ≤ 100 ms, first request ≤ 250 ms.
 * Figures are written whatever they are; `meetsTarget` says which are met.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { addNativeFiles, ESBUILD_CHARSET, LAMBDA_ALIASES, ESBUILD_TARGET, ESM_REQUIRE_BANNER, FUNCTIONS, NATIVE_EXTERNALS, PROJECT_ROOT, importEnvironment } from '../infra/bundling';
import { measureFirstRequest, type FirstRequestFigures } from './first-request';
import { median, writeResult } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGETS = { apiBundleKB: 400, importMs: 100, firstRequestMs: 250 };

const LAMBDA_ENV = { ...importEnvironment('bench'), POWERTOOLS_LOG_LEVEL: 'WARN' };

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, f) => {
    const s = statSync(join(dir, f));
    return sum + (s.isFile() ? s.size : 0);
  }, 0);
}

/** Where a bundle's bytes go (esbuild metafile): output bytes per package or top-level source folder. */
function bytesBySource(inputs: Record<string, { bytesInOutput: number }>): { source: string; kb: number }[] {
  const groups = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = pkg ? pkg[1]! : path.split('/').slice(0, 2).join('/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).map(([source, bytes]) => ({ source, kb: Math.round(bytes / 102.4) / 10 }));
}

const workDir = mkdtempSync(join(tmpdir(), 'tech-market-bench-'));
const functions = [];
let firstRequest: FirstRequestFigures | null = null;
try {
  for (const spec of FUNCTIONS) {
    const outDir = join(workDir, spec.name);
    const file = join(outDir, 'index.mjs');
    const built = await build({
      entryPoints: [join(PROJECT_ROOT, spec.entry)],
      metafile: true,
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: ESBUILD_TARGET,
      minify: true,
      sourcemap: 'external',
      sourcesContent: false,
      mainFields: ['module', 'main'],
      banner: { js: ESM_REQUIRE_BANNER },
      charset: ESBUILD_CHARSET,
      alias: LAMBDA_ALIASES,
      external: spec.native ? NATIVE_EXTERNALS : [],
      logLevel: 'error',
    });
    if (spec.native) addNativeFiles(outDir);

    const script = `const c = process.cpuUsage(); const t = performance.now(); const m = await import(${JSON.stringify(file)}); const ms = performance.now() - t; const cpu = process.cpuUsage(c); if (typeof m.handler !== 'function') process.exit(3); process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }));`;
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: workDir, env: LAMBDA_ENV, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${spec.name} failed to import: ${run.stderr}`);
      const { ms, cpuMs } = JSON.parse(run.stdout) as { ms: number; cpuMs: number };
      samples.push(ms);
      cpuSamples.push(cpuMs);
    }
    const bundleBytes = statSync(file).size;
    const bySource = bytesBySource(Object.values(built.metafile.outputs).find((o) => o.entryPoint !== undefined)!.inputs);
    const row = {
      name: spec.name,
      bundleKB: Math.round(bundleBytes / 1024),
      bundleBytes,
      assetMB: Math.round((dirBytes(outDir) / 1024 / 1024) * 10) / 10,
      nativeModule: spec.native,
      coldImportMs: { median: Math.round(median(samples)), min: Math.round(Math.min(...samples)), max: Math.round(Math.max(...samples)), runs: RUNS },
      coldImportCpuMs: { median: Math.round(median(cpuSamples)), min: Math.round(Math.min(...cpuSamples)) },
      bytesBySource: bySource,
      meetsTarget: { bundle: spec.name === 'api' ? bundleBytes <= TARGETS.apiBundleKB * 1024 : null, import: median(samples) <= TARGETS.importMs },
    };
    console.log(`${spec.name.padEnd(22)} ${String(row.bundleKB).padStart(6)} KB  asset ${String(row.assetMB).padStart(5)} MB  import median ${String(row.coldImportMs.median).padStart(5)} ms (min ${row.coldImportMs.min}, max ${row.coldImportMs.max}), CPU ${row.coldImportCpuMs.median} ms`);
    functions.push(row);
    if (spec.name === 'api') {
      const top = bySource.slice(0, 14);
      const rest = bySource.slice(14).reduce((sum, g) => sum + g.kb, 0);
      console.log(`  where the api's bytes go (KB): ${top.map((g) => `${g.source} ${Math.round(g.kb)}`).join(', ')}, the other ${bySource.length - top.length} ${Math.round(rest)}`);
      firstRequest = await measureFirstRequest(file, { runs: RUNS, log: () => {} });
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const [load1] = loadavg();
if (firstRequest) {
  const f = firstRequest;
  console.log(`api first request (from process start, median of ${f.runs}): node ready ${f.nodeReadyMs} ms, imported ${f.importedMs}, hall search answered ${f.searchedMs}, match answered ${f.matchedMs} ms (steps: import ${f.steps.importMs}, search ${f.steps.searchMs} of which the search engine ${f.engine.searchMs}, match ${f.steps.matchMs} of which the search engine ${f.engine.matchMs}; ${f.listings.achievements} + ${f.listings.needs} generated listings; segmenter ${f.segmenterLoaded ? 'built' : 'never loaded'})`);
}
const file = writeResult('bundle', {
  targets: TARGETS,
  runtimeNote: `measured on this machine's node ${process.version} (load average ${load1!.toFixed(1)} on ${cpus().length} cores); Lambda runs nodejs22.x`,
  functions,
  firstRequest: firstRequest ? { ...firstRequest, meetsTarget: firstRequest.matchedMs <= TARGETS.firstRequestMs } : null,
});
console.log(`targets: api bundle ≤ ${TARGETS.apiBundleKB} KB, cold import ≤ ${TARGETS.importMs} ms, first request ≤ ${TARGETS.firstRequestMs} ms → ${file}`);
