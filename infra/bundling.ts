/**
 * How each Lambda function is bundled: one description used by the stack (NodejsFunction) and by
 * `npm run bench:bundle` (esbuild directly), so the benchmark measures what is deployed.
 *
 * - esbuild from node_modules (local bundling, never Docker); ESM, minified, with source maps.
 * - The AWS SDK is bundled (the versions the tests ran with), not taken from the Lambda runtime.
 * - `@node-rs/jieba` is a native module: it stays external and its installed package plus the
 *   linux-x64-gnu binding are copied next to the bundle. The functions run on x86_64 (Amazon Linux
 *   2023, glibc), which is exactly the build npm installed on a linux-x64 machine; a test reads the
 *   ELF header of the copied `.node` file to prove it.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The native packages a bundle needs at run time, copied from node_modules into the asset. */
export const NATIVE_PACKAGES = ['@node-rs/jieba', '@node-rs/jieba-linux-x64-gnu'] as const;
export const NATIVE_EXTERNALS = ['@node-rs/jieba'];

export interface FunctionSpec {
  /** Construct id and bench name. */
  name: 'api' | 'search-indexer' | 'search-reconcile' | 'reward-ledger' | 'match-alerts' | 'pre-token-generation';
  entry: string;
  /** Imports jieba (search tokenizer), so the native package must travel with the bundle. */
  native: boolean;
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'api', entry: 'functions/api/handler.ts', native: true },
  { name: 'search-indexer', entry: 'functions/search-indexer/handler.ts', native: true },
  { name: 'search-reconcile', entry: 'functions/search-reconcile/handler.ts', native: true },
  { name: 'reward-ledger', entry: 'functions/reward-ledger/handler.ts', native: false },
  { name: 'match-alerts', entry: 'functions/match-alerts/handler.ts', native: true },
  { name: 'pre-token-generation', entry: 'functions/pre-token-generation/handler.ts', native: false },
];

/** Node 22 is the Lambda runtime (nodejs22.x). */
export const ESBUILD_TARGET = 'node22';

/**
 * An ESM bundle may contain CommonJS dependencies that call `require` for Node built-ins; this gives
 * them one. `__dirname`/`__filename` are not defined: nothing bundled uses them (the native package,
 * which does, stays external).
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __cjsRequire } from 'node:module'; const require = __cjsRequire(import.meta.url);";

/** Copies the native packages into a bundle's output directory (`node_modules/...` beside index.mjs). */
export function copyNativePackages(outputDir: string, root: string = PROJECT_ROOT): void {
  for (const name of NATIVE_PACKAGES) {
    const from = join(root, 'node_modules', name);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm ci on linux-x64 (the Lambda architecture)`);
    const to = join(outputDir, 'node_modules', name);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true, dereference: true });
  }
}

/**
 * The environment a bundle needs to be imported outside Lambda (the benchmark, the bundle test): the
 * variables the stack sets, with harmless values; nothing is called at import.
 */
export function importEnvironment(name: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_REGION: 'ap-southeast-1',
    TABLE_NAME: 'tech-market',
    AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_local',
    AUTH_CLIENT_ID: 'local-client',
    WEB_ORIGIN: 'https://market.example.com',
    AUTH_HOSTED_UI_URL: 'https://tech-market-local.auth.ap-southeast-1.amazoncognito.com',
    MEILI_URL: 'http://127.0.0.1:9',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: '--enable-source-maps',
  };
}
