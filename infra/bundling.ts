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
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeTrimmedDictionary } from '../shared/search/jieba-dictionary';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The native packages a bundle needs at run time, copied from node_modules into the asset. */
export const NATIVE_PACKAGES = ['@node-rs/jieba', '@node-rs/jieba-linux-x64-gnu'] as const;
export const NATIVE_EXTERNALS = ['@node-rs/jieba'];

export interface FunctionSpec {
  /** Construct id and bench name. */
  name: 'api' | 'search-indexer' | 'search-reconcile' | 'reward-ledger' | 'match-alerts' | 'pre-token-generation' | 'mail-notifier' | 'mail-digest' | 'mail-feedback';
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
  { name: 'mail-notifier', entry: 'functions/mail-notifier/handler.ts', native: false },
  { name: 'mail-digest', entry: 'functions/mail-digest/handler.ts', native: false },
  { name: 'mail-feedback', entry: 'functions/mail-feedback/handler.ts', native: false },
];

/**
 * Modules replaced in the Lambda bundles: the SDK's credential chain by the environment provider (see
 * infra/lambda/env-credentials.ts for why).
 */
export const LAMBDA_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': join(PROJECT_ROOT, 'infra', 'lambda', 'env-credentials.ts'),
};

/** Chinese text (pages, messages, dictionaries) as UTF-8, not \uXXXX escapes: half the bytes. */
export const ESBUILD_CHARSET = 'utf8' as const;

/** Node 22 is the Lambda runtime (nodejs22.x). */
export const ESBUILD_TARGET = 'node22';

/**
 * An ESM bundle may contain CommonJS dependencies that call `require` for Node built-ins; this gives
 * them one. `__dirname`/`__filename` are not defined: nothing bundled uses them (the native package,
 * which does, stays external).
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __cjsRequire } from 'node:module'; const require = __cjsRequire(import.meta.url);";

/**
 * The package's own dictionaries (11 MB) stay behind: the bundle reads the trimmed dictionary beside it
 * (shared/search/jieba-dictionary.ts) and never the IDF table.
 */
const LEFT_OUT = new Set(['dict.txt', 'idf.txt']);

/**
 * Copies the native packages into a bundle's output directory (`node_modules/...` beside index.mjs),
 * without jieba's dictionaries, and writes the trimmed dictionary beside the bundle.
 */
export function addNativeFiles(outputDir: string, root: string = PROJECT_ROOT): void {
  for (const name of NATIVE_PACKAGES) {
    const from = join(root, 'node_modules', name);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm ci on linux-x64 (the Lambda architecture)`);
    const to = join(outputDir, 'node_modules', name);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true, dereference: true, filter: (source) => !LEFT_OUT.has(basename(source)) });
  }
  writeTrimmedDictionary(outputDir);
}

/** The same as shell commands, for the stack's NodejsFunction afterBundling hook (it takes commands). */
export function addNativeFilesCommands(inputDir: string, outputDir: string): string[] {
  const script = `import(${JSON.stringify(join(inputDir, 'infra', 'bundling.ts'))}).then((m) => m.addNativeFiles(${JSON.stringify(outputDir)}, ${JSON.stringify(inputDir)}))`;
  // tsx by its file: the hook's working directory is not the project.
  const tsx = pathToFileURL(join(inputDir, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return [`"${process.execPath}" --import "${tsx}" --input-type=module -e '${script}'`];
}

/**
 * The environment a bundle needs to be imported outside Lambda (the benchmark, the bundle test): the
 * variables the stack sets, with harmless values; nothing is called at import. Mail: the SES transport
 * (its client is only built at import) and the link key itself instead of its secret's ARN, which
 * would be read from Secrets Manager at import.
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
    MAIL_TRANSPORT: 'ses',
    MAIL_FROM: 'noreply@market.example.com',
    MAIL_CONFIGURATION_SET: 'tech-market-local',
    MAIL_LINK_SECRET: 'import-only-link-secret-0123456789abcdef0123456789',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: '--enable-source-maps',
  };
}
