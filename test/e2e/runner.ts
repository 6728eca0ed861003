/** Starts the local runner (the README's first command) on free ports with its own data, for browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/local/dynamodb-local';

export interface Runner {
  baseUrl: string;
  /** The local mail catcher's web inbox, as the runner printed it. */
  inboxUrl: string;
  stop(): Promise<void>;
}

export async function startRunner(): Promise<Runner> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tech-market-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    // Any free port for the local S3 server and the mail catcher: journeys run side by side.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, S3_LOCAL_PORT: '0', MAIL_SMTP_PORT: '0', MAIL_WEB_PORT: '0', WEB_ORIGIN: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`runner exited:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`runner not ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const inboxUrl = /mail inbox (http:\/\/\S+)/.exec(output)?.[1];
  if (!inboxUrl) throw new Error(`runner did not print its mail inbox:\n${output}`);
  return {
    baseUrl,
    inboxUrl,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
