/**
 * Browser tests drive Debian's chromium (test tools that download their own browser cannot work here).
 * Where it is missing: as root, install it (and CJK fonts, so screenshots show Chinese) with apt-get;
 * otherwise stop with the one line that fixes it.
 *
 * Several browser test files start at once, each in its own worker process, and each asks for chromium.
 * apt-get holds the dpkg lock while it installs, so parallel installs fail ("Could not get lock"). The
 * install therefore runs under a lock of our own (a directory, created atomically, holding the owner's
 * pid): the first caller installs; the others wait, then find chromium there. A lock whose owner died
 * is taken over. apt-get itself is also told to wait for a dpkg lock held by anyone else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CJK_FONT = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export interface EnsureChromiumOptions {
  log?: (line: string) => void;
  chromiumPath?: string;
  fontPath?: string;
  /** Where the install lock lives (default: the OS temp dir, shared by every process of the machine). */
  lockDir?: string;
  isRoot?: boolean;
  /** How long to wait for another process's install before giving up. */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the install lock, waiting while a live process holds it; returns the release function. */
async function acquire(lock: string, timeoutMs: number, log: (line: string) => void): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // Just created by its owner, pid not written yet.
    }
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      log(`Taking over the chromium install lock of process ${owner}, which is gone.`);
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Waited ${Math.round(timeoutMs / 1000)} s for another chromium install (lock ${lock}); remove it if no install is running.`);
    if (!told) log('Another test process is installing chromium; waiting for it…');
    told = true;
    await sleep(250);
  }
}

export async function ensureChromium(options: EnsureChromiumOptions = {}): Promise<string> {
  const log = options.log ?? console.log;
  const chromium = options.chromiumPath ?? CHROMIUM;
  const font = options.fontPath ?? CJK_FONT;
  const ready = () => existsSync(chromium) && existsSync(font);
  if (ready()) return chromium;
  const isRoot = options.isRoot ?? (typeof process.getuid === 'function' && process.getuid() === 0);
  if (!isRoot) {
    if (existsSync(chromium)) return chromium; // fonts are cosmetic; the tests still run
    throw new Error('Browser tests need Debian’s chromium: run `sudo apt-get install -y chromium fonts-noto-cjk`, then try again.');
  }
  const release = await acquire(join(options.lockDir ?? tmpdir(), 'tech-market-chromium-install.lock'), options.timeoutMs ?? 15 * 60_000, log);
  try {
    // Whoever held the lock before may have installed it meanwhile.
    if (ready()) return chromium;
    log('Installing Debian’s chromium and fonts-noto-cjk with apt-get (one time)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // DPkg::Lock::Timeout: wait for a dpkg lock held outside this project instead of failing at once.
    const wait = ['-o', 'DPkg::Lock::Timeout=300'];
    for (const args of [[...wait, 'update'], [...wait, 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']]) {
      const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install chromium by hand and try again.`);
    }
    if (!existsSync(chromium)) throw new Error('chromium is still missing after apt-get install');
    return chromium;
  } finally {
    release();
  }
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
