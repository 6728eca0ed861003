/**
 * The README's first command, as a newcomer runs it: the runner starts DynamoDB Local with data on disk,
 * seeds, serves the API; Ctrl-C stops every child; data created through the API survives a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local/dynamodb-local';
import { achievementInput } from '../fixtures';

const dataDir = mkdtempSync(join(tmpdir(), 'tech-market-runner-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

async function startRunner(port: number, dynamoPort: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), DYNAMODB_LOCAL_PORT: String(dynamoPort), DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`runner exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`runner not healthy within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => output };
}

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

describe('npm start', () => {
  it('serves seeded listings, stops every child on Ctrl-C, and keeps data across a restart', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const dynamoPort = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;

    const first = await startRunner(port, dynamoPort);
    const listing = (await (await fetch(`${base}/achievements?limit=5`)).json()) as { items: { title: string }[] };
    expect(listing.items).toHaveLength(5);
    expect(listing.items[0]!.title).toMatch(/[\u4e00-\u9fff]{4}/);

    const { accessToken } = (await (await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'demo-nxist' }) })).json()) as { accessToken: string };
    const created = await fetch(`${base}/achievements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(achievementInput({ title: '重启后仍应存在的成果' })),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    expect(await stop(first.child)).toBe(0);
    expect(await portOpen(dynamoPort), 'DynamoDB Local still running after Ctrl-C').toBe(false);
    expect(await portOpen(port)).toBe(false);

    const second = await startRunner(port, dynamoPort);
    // The issuer's key is kept too, so the token from before the restart still works.
    const again = await fetch(`${base}/achievements/${id}`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ title: '重启后仍应存在的成果', status: 'draft' });
    // Seeding again wrote nothing new.
    expect(second.output()).toMatch(/demo data: 0 organisations, 0 achievements, 0 needs newly written/);
    expect(await stop(second.child)).toBe(0);
  });
});
