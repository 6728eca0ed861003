/**
 * Browser tests drive Debian's chromium (test tools that download their own browser cannot work here).
 * Where it is missing: as root, install it (and CJK fonts, so screenshots show Chinese) with apt-get;
 * otherwise stop with the one line that fixes it.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(log: (line: string) => void = console.log): string {
  const fontsMissing = !existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  if (existsSync(CHROMIUM) && !fontsMissing) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    if (existsSync(CHROMIUM)) return CHROMIUM; // fonts are cosmetic; the tests still run
    throw new Error('Browser tests need Debian’s chromium: run `sudo apt-get install -y chromium fonts-noto-cjk`, then try again.');
  }
  log('Installing Debian’s chromium and fonts-noto-cjk with apt-get (one time)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install chromium by hand and try again.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error('chromium is still missing after apt-get install');
  return CHROMIUM;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
