/**
 * DynamoDB Local needs a Java runtime (17+). Where it is missing: as root, install Debian's
 * default-jre-headless; otherwise stop with the one line that fixes it.
 */
import { spawnSync } from 'node:child_process';

function javaMajorVersion(): number | null {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function ensureJava(log: (line: string) => void = console.log): void {
  const version = javaMajorVersion();
  if (version !== null && version >= 11) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      'DynamoDB Local needs Java 11 or newer and none was found: run `sudo apt-get install -y default-jre-headless` (or install any JRE 17), then try again.',
    );
  }
  log('Java not found: installing Debian’s default-jre-headless with apt-get (one time)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'default-jre-headless']]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install a Java runtime (default-jre-headless) by hand and try again.`);
  }
  if (javaMajorVersion() === null) throw new Error('Java is still not available after installing default-jre-headless.');
}
