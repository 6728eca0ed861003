/**
 * DynamoDB goes away under the API — killed while requests are in flight — and comes back: the API answers
 * 503 problem+json meanwhile, every write is whole or absent (never half-written), and the same running
 * API works again once the database is back. Uses its own DynamoDB Local (on disk), since this file kills it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../scripts/local/dynamodb-local';
import { createLocalApp, type LocalApp } from '../../scripts/local/local-app';
import { orgInput } from '../fixtures';

let dataDir: string;
let dynamo: RunningDynamoDbLocal;
let local: LocalApp;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tech-market-faults-'));
  dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb'), log: () => undefined });
  local = await createLocalApp({ endpoint: dynamo.endpoint, tableName: 'faults', issuerUrl: 'http://localhost/api/v1/dev', seed: false, rateLimit: null, log: () => undefined });
}, 120_000);

afterAll(async () => {
  await local?.stop();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function kill(): Promise<void> {
  const exited = new Promise((r) => dynamo.process.once('exit', r));
  dynamo.process.kill('SIGKILL');
  await exited;
}

async function restart(): Promise<void> {
  dynamo = await startDynamoDbLocal({ port: dynamo.port, dataDir: join(dataDir, 'dynamodb'), log: () => undefined });
}

async function register(sub: string, body: Record<string, unknown>): Promise<Response> {
  const token = await local.issuer.sign({ sub });
  return local.app.request('/api/v1/orgs', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** What is stored for one registration: the organisation, its credit-code reservation, the membership. */
async function storedParts(sub: string, creditCode: string) {
  const get = async (key: Record<string, string>) => (await local.db.doc.send(new GetCommand({ TableName: local.db.tableName, Key: key, ConsistentRead: true }))).Item;
  const code = await get(keys.creditCode(creditCode));
  const membership = await get(keys.membership(sub));
  const org = code ? await get(keys.organisation(code.orgId as string)) : undefined;
  return { code: Boolean(code), membership: Boolean(membership), org: Boolean(org), sameOrg: !code || !membership || code.orgId === membership.orgId };
}

/** 503 problem+json that says honestly what the client can know: not applied, or maybe applied. */
async function expectProblem503(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { code: string; detailZh: string };
  expect(['storage_unavailable', 'storage_timeout']).toContain(body.code);
  expect(body.detailZh).toContain(body.code === 'storage_unavailable' ? '未做任何修改' : '可能已生效');
}

describe('DynamoDB outage', () => {
  it('requests in flight when the database dies get 503 problem+json and leave nothing behind; the API recovers', async () => {
    // Frozen, the database accepts connections but never answers: the requests are truly in flight.
    dynamo.process.kill('SIGSTOP');
    const inputs = Array.from({ length: 6 }, (_, i) => ({ sub: `frozen-${i}`, body: orgInput() }));
    const pending = inputs.map((x) => register(x.sub, x.body));
    await new Promise((r) => setTimeout(r, 300));
    dynamo.process.kill('SIGCONT');
    await kill();
    for (const res of await Promise.all(pending)) await expectProblem503(res);
    await expectProblem503(await local.app.request('/api/v1/orgs?verification=verified'));

    await restart();
    for (const x of inputs) expect(await storedParts(x.sub, x.body.creditCode as string)).toEqual({ code: false, membership: false, org: false, sameOrg: true });
    // The same running API, with no restart of its own, works again.
    const again = await register(inputs[0]!.sub, inputs[0]!.body);
    expect(again.status).toBe(201);
    expect(await storedParts(inputs[0]!.sub, inputs[0]!.body.creditCode as string)).toEqual({ code: true, membership: true, org: true, sameOrg: true });
  }, 90_000);

  it('killed at a random moment under concurrent writes: each registration is whole or absent, and a retry completes it', async () => {
    const inputs = Array.from({ length: 16 }, (_, i) => ({ sub: `racing-${i}`, body: orgInput() }));
    const pending = inputs.map((x) => register(x.sub, x.body));
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 40));
    await kill();
    const statuses = await Promise.all(pending.map(async (p) => (await p).status));
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    await restart();
    for (const [i, x] of inputs.entries()) {
      const parts = await storedParts(x.sub, x.body.creditCode as string);
      // All three parts or none; a 201 was never a lie.
      expect(parts.code === parts.membership && parts.membership === parts.org && parts.sameOrg, `registration ${i}: ${JSON.stringify(parts)}`).toBe(true);
      if (statuses[i] === 201) expect(parts.org).toBe(true);
    }
    // Clients retry what failed: the ones that had committed see they already belong to an organisation.
    for (const [i, x] of inputs.entries()) {
      if (statuses[i] !== 503) continue;
      const retry = await register(x.sub, x.body);
      expect([201, 409]).toContain(retry.status);
    }
    for (const x of inputs) expect(await storedParts(x.sub, x.body.creditCode as string)).toEqual({ code: true, membership: true, org: true, sameOrg: true });
  }, 90_000);
});
