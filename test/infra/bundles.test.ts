/**
 * The code the stack deploys: synthesizes the dev stack WITH bundling (local esbuild, as `cdk synth`
 * does; with a mail sender, so the mail functions are part of it) into a temporary directory outside
 * the repository, then checks every function asset:
 * it loads in a fresh Node process with nothing but its own files (no repository node_modules above
 * it) and exports `handler`; the native jieba binding inside it is the build for the Lambda
 * architecture (ELF header); nothing local-only is bundled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpApiEvent, measureFirstRequest } from '../../bench/first-request';
import { FUNCTIONS, importEnvironment } from '../../infra/bundling';
import { resourcesOf, synth, type Synthesized } from './synth';

let dev: Synthesized;
/** service name → [asset directory, function resource] */
const assets = new Map<string, { dir: string; fn: any }>();

beforeAll(async () => {
  dev = await synth({ mailFrom: 'noreply@mail.example.com' }, { bundle: true });
  for (const [, fn] of resourcesOf(dev.json, 'AWS::Lambda::Function')) {
    const service = fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME;
    if (!service) continue;
    assets.set(service, { dir: join(dev.outdir, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`), fn });
  }
}, 300_000);

/** The environment the stack gives the functions, with harmless values (nothing is called at import). */
const LAMBDA_ENV = importEnvironment('bundle-test');

/** ELF e_machine values (ELF spec): which CPU a native binary is for. */
const ELF_MACHINE = { x86_64: 0x3e, arm64: 0xb7 } as const;

function nodeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.node')).map((f) => join(dir, f));
}

describe('function bundles', () => {
  it('exist for every function, as minified ESM with a source map', () => {
    expect([...assets.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const [service, { dir }] of assets) {
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(existsSync(join(dir, 'index.mjs.map')), service).toBe(true);
      expect(code, service).toMatch(/\bexport\s*\{/);
      // Minified: long lines (the only line breaks left are inside template literals: HTML, CSS).
      expect(code.length / code.split('\n').length, service).toBeGreaterThan(400);
    }
  });

  it.each(FUNCTIONS.map((f) => f.name))('%s loads in a fresh Node process from its asset alone and exports handler', (service) => {
    const { dir } = assets.get(service)!;
    const script = `const m = await import(${JSON.stringify(join(dir, 'index.mjs'))}); if (typeof m.handler !== 'function') { console.error('handler is', typeof m.handler); process.exit(3); } console.log('ok');`;
    // cwd and the asset live under the OS temp directory: no node_modules of the repository can be found.
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dev.outdir, env: LAMBDA_ENV, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr + run.stdout, service).toContain('ok');
    expect(run.status, run.stderr).toBe(0);
  });

  it('carry the jieba binding built for the functions’ architecture (x86_64, glibc), and only that one', () => {
    for (const spec of FUNCTIONS) {
      const { dir, fn } = assets.get(spec.name)!;
      const natives = nodeFiles(dir);
      if (!spec.native) {
        expect(natives, spec.name).toEqual([]);
        continue;
      }
      expect(natives.map((f) => f.slice(dir.length + 1)), spec.name).toEqual(['node_modules/@node-rs/jieba-linux-x64-gnu/jieba.linux-x64-gnu.node']);
      const header = readFileSync(natives[0]!).subarray(0, 20);
      expect(header.subarray(0, 4).toString('latin1'), 'ELF magic').toBe('\x7fELF');
      expect(header[4], 'ELFCLASS64').toBe(2);
      expect(header[5], 'little-endian').toBe(1);
      const [architecture] = fn.Properties.Architectures as ['x86_64' | 'arm64'];
      expect(header.readUInt16LE(18), `e_machine of ${spec.name}'s binding`).toBe(ELF_MACHINE[architecture]);
      // The JavaScript half of the package (loader, dictionaries) travels with it.
      expect(existsSync(join(dir, 'node_modules/@node-rs/jieba/index.js'))).toBe(true);
      // The trimmed dictionary beside the bundle instead of the package's 11 MB of dictionaries.
      expect(existsSync(join(dir, 'jieba-dict.txt'))).toBe(true);
      expect(existsSync(join(dir, 'node_modules/@node-rs/jieba/dict.txt'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules/@node-rs/jieba/idf.txt'))).toBe(false);
    }
  });

  it('api answers an HTTP API (payload 2.0) event from its bundle and publishes its metrics', () => {
    const { dir } = assets.get('api')!;
    const event = httpApiEvent('/api/v1/openapi.json');
    const context = { awsRequestId: 'aws-req-1', functionName: 'api', functionVersion: '1', memoryLimitInMB: '1024', invokedFunctionArn: 'arn' };
    const script = `const m = await import(${JSON.stringify(join(dir, 'index.mjs'))});
      const ctx = { ...${JSON.stringify(context)}, getRemainingTimeInMillis: () => 10000 };
      const r = await m.handler(${JSON.stringify(event)}, ctx);
      console.log('RESULT ' + JSON.stringify({ status: r.statusCode, title: JSON.parse(r.body).info?.title ?? null }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dev.outdir, env: LAMBDA_ENV, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7));
    expect(result.status).toBe(200);
    expect(result.title).toEqual(expect.any(String));
    const emf = run.stdout.split('\n').flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } }).find((j) => j._aws);
    expect(emf).toMatchObject({ Requests: 1, ServerErrors: 0, service: 'api' });
  });

  it('api answers a hall search and an owner’s match from a cold process (DynamoDB Local, search over HTTP) without building the segmenter', async () => {
    // The figures of bench:bundle's first request come from this path; here only what it answers counts.
    const first = await measureFirstRequest(join(assets.get('api')!.dir, 'index.mjs'), { runs: 1, achievements: 200, needs: 100, settleMs: 0 });
    expect(first.samples).toHaveLength(1); // measureFirstRequest throws unless both answered 200 with results
    // The terms of the need and of every candidate came with their search documents.
    expect(first.segmenterLoaded).toBe(false);
  }, 180_000);

  it('segments Chinese with the jieba binding and the trimmed dictionary inside the search assets', () => {
    for (const spec of FUNCTIONS.filter((f) => f.native)) {
      const { dir } = assets.get(spec.name)!;
      const script = `import { createRequire } from 'node:module';
        const require = createRequire(${JSON.stringify(join(dir, 'index.mjs'))});
        const { Jieba } = require('@node-rs/jieba'); const { readFileSync } = require('node:fs');
        const dict = readFileSync(${JSON.stringify(join(dir, 'jieba-dict.txt'))});
        console.log(JSON.stringify(Jieba.withDict(dict).cut('光伏组件回收技术', false)));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dev.outdir, env: LAMBDA_ENV, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      const words = JSON.parse(run.stdout) as string[];
      expect(words.join(''), spec.name).toBe('光伏组件回收技术');
      expect(words.length, spec.name).toBeGreaterThan(1);
      expect(words.length, spec.name).toBeLessThan(8);
    }
  });

  it('leave the local token issuer and the Swagger UI files out of the api bundle', () => {
    const { dir } = assets.get('api')!;
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code).not.toContain('local-web-client');
    expect(code).not.toContain('SwaggerUIBundle=');
    expect(existsSync(join(dir, 'node_modules/swagger-ui-dist'))).toBe(false);
    expect(statSync(join(dir, 'index.mjs')).size).toBeGreaterThan(0);
  });
});
