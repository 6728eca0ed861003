/**
 * The browser suites' chromium installer under concurrency, against a fake apt-get on PATH that behaves
 * like the real one where it matters: it holds a dpkg lock while it runs and fails at once ("Could not
 * get lock") when another apt-get holds it. Two test processes asking at the same moment must end with
 * one install and two successes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'chromium-installer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bin = join(dir, 'bin');
mkdirSync(bin);
const FAKE_APT = `#!/bin/sh
echo "$*" >> "$FAKE_APT_LOG"
if ! mkdir "$FAKE_APT_DIR/dpkg.lock" 2>/dev/null; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by another process" >&2
  exit 100
fi
case "$*" in
  *install*) sleep 1; mkdir -p "$(dirname "$FAKE_CHROMIUM")" "$(dirname "$FAKE_FONT")"; touch "$FAKE_CHROMIUM" "$FAKE_FONT" ;;
  *) sleep 0.3 ;;
esac
rmdir "$FAKE_APT_DIR/dpkg.lock"
`;
writeFileSync(join(bin, 'apt-get'), FAKE_APT);
chmodSync(join(bin, 'apt-get'), 0o755);

const CALLER = join(dir, 'caller.mts');
writeFileSync(
  CALLER,
  `import { ensureChromium } from ${JSON.stringify(join(process.cwd(), 'scripts', 'local', 'chromium.ts'))};
const path = await ensureChromium({ isRoot: true, chromiumPath: process.env.FAKE_CHROMIUM, fontPath: process.env.FAKE_FONT, lockDir: process.env.FAKE_APT_DIR, log: () => {} });
console.log('ready ' + path);
`,
);

function scene(name: string) {
  const root = join(dir, name);
  mkdirSync(root);
  return {
    root,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      FAKE_APT_LOG: join(root, 'apt.log'),
      FAKE_APT_DIR: root,
      FAKE_CHROMIUM: join(root, 'usr', 'bin', 'chromium'),
      FAKE_FONT: join(root, 'fonts', 'NotoSansCJK-Regular.ttc'),
    },
  };
}

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CALLER], { env, cwd: process.cwd() });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('installing chromium for the browser tests', () => {
  it('the fake apt-get refuses a second concurrent run, as the real one does', async () => {
    const { env } = scene('control');
    const apt = join(bin, 'apt-get');
    const both = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<number | null>((resolve) => spawn(apt, ['install', '-y', 'chromium'], { env }).on('exit', resolve)),
      ),
    );
    expect(both.sort()).toEqual([0, 100]);
  });

  it('two test processes at once: one install, both succeed', async () => {
    const { env } = scene('concurrent');
    const [a, b] = await Promise.all([run(env), run(env)]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    expect(a.out).toContain(`ready ${env.FAKE_CHROMIUM}`);
    expect(b.out).toContain(`ready ${env.FAKE_CHROMIUM}`);
    const calls = readFileSync(env.FAKE_APT_LOG!, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c.includes(' install '))).toHaveLength(1);
    expect(calls.filter((c) => c.endsWith('update'))).toHaveLength(1);
    // apt-get is told to wait for a dpkg lock held outside the project.
    expect(calls.every((c) => c.startsWith('-o DPkg::Lock::Timeout='))).toBe(true);
    expect(existsSync(join(env.FAKE_APT_DIR!, 'tech-market-chromium-install.lock'))).toBe(false);
  });

  it('once installed, asking again installs nothing', async () => {
    const { env } = scene('installed');
    expect((await run(env)).code).toBe(0);
    expect((await run(env)).code).toBe(0);
    expect(readFileSync(env.FAKE_APT_LOG!, 'utf8').split('\n').filter((c) => c.includes(' install '))).toHaveLength(1);
  });

  it('takes over a lock left by a process that died', async () => {
    const { env } = scene('stale');
    const lock = join(env.FAKE_APT_DIR!, 'tech-market-chromium-install.lock');
    mkdirSync(lock);
    // A pid that cannot be alive: a finished child's.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(join(lock, 'pid'), gone);
    const result = await run(env);
    expect(result.code, result.out).toBe(0);
    expect(existsSync(env.FAKE_CHROMIUM!)).toBe(true);
  });
});
