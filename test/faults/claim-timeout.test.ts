/**
 * A broker's browser gives up waiting after the server has committed a claim (the answer is slow to come
 * back); the broker retries with the same Idempotency-Key and gets the original claim, never a second.
 * Over real HTTP, so the client really aborts mid-response.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { startHarness, type Harness } from '../integration/harness';

let h: Harness;
let server: ServerType;
let base: string;
/** Milliseconds the database's answer to a claim transaction is held back after it committed. */
let slowAfterCommit = 0;

beforeAll(async () => {
  h = await startHarness();
  // The fault: the claim transaction commits, then its acknowledgement is delayed on the way back.
  const send = h.db.doc.send.bind(h.db.doc);
  h.db.doc.send = (async (command: unknown, ...rest: unknown[]) => {
    const out = await (send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
    if (slowAfterCommit && command instanceof TransactWriteCommand && JSON.stringify(command.input).includes('"CLAIM#')) await new Promise((r) => setTimeout(r, slowAfterCommit));
    return out;
  }) as typeof h.db.doc.send;
  server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

async function claimsOf(contractId: string) {
  const out = await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': keys.claimsOfContract(contractId) } }));
  return out.Items ?? [];
}

/** A registered contract with one verified payment, its reward posted: ready for a claim over HTTP. */
async function paidContract(title: string, kind: string, seller: string, buyer: string, amountFen: number, paidOn: string) {
  const admin = await h.token('demo-admin');
  const tc = await h.token('demo-tc-xjtu');
  const contract = await json(await h.call('POST', '/api/v1/contracts', { token: tc, body: { title, kind, sellerOrgId: h.orgIdOf(seller), buyerOrgId: h.orgIdOf(buyer), amountFen, signedOn: '2026-09-01' } }), 201);
  await h.submitForRegistration(contract.id, tc);
  const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: admin, body: { decision: 'registered' } }), 200);
  const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen, paidOn, evidenceRef: `银行回单 ${registered.registrationNumber}` } }), 201);
  await h.attach(tc, `payments/${payment.id}`, 'bank_slip');
  await json(await h.call('POST', `/api/v1/payments/${payment.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
  await h.drain();
  /** POSTs a claim with the given key, as a browser would (optionally giving up after `signal`). */
  const claim = (key: string, amount: number, signal?: AbortSignal) =>
    fetch(`${base}/api/v1/contracts/${contract.id}/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tc}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ amountFen: amount }),
      ...(signal ? { signal } : {}),
    });
  return { contract: contract as { id: string }, tc, claim };
}

describe('a client that times out after the server committed a claim', () => {
  it('gets the original claim back when it retries with the same Idempotency-Key', async () => {
    const { contract, tc, claim: send } = await paidContract('宁夏枸杞深加工技术许可合同', 'licence', 'demo-nxist', 'demo-ent-goji', 80_000_000, '2026-11-02');
    const claim = (signal?: AbortSignal) => send('browser-claim-7f3a9c', 8_000_000, signal);

    slowAfterCommit = 1500;
    await expect(claim(AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i);
    // The server went on and committed it.
    for (let i = 0; i < 50 && (await claimsOf(contract.id)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const stored = await claimsOf(contract.id);
    expect(stored).toHaveLength(1);

    slowAfterCommit = 0;
    // Let the first request finish its delayed answer before the retry, as a slow network would.
    await new Promise((r) => setTimeout(r, 1600));
    const retried = await claim();
    const body = await json(retried, 201);
    expect(body.id).toBe(stored[0]!.id);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await claimsOf(contract.id)).toHaveLength(1);
    const reward = await json(await h.call('GET', `/api/v1/contracts/${contract.id}/reward`, { token: tc }), 200);
    expect(reward.balance.pendingFen).toBe(8_000_000);
    expect(reward.claims).toHaveLength(1);
  });

  it('a retry that races the slow original still yields exactly one claim', async () => {
    const { contract, claim } = await paidContract('煤基新材料中试技术服务合同', 'service', 'demo-nxu', 'demo-ent-chem', 50_000_000, '2026-11-03');
    const send = (signal?: AbortSignal) => claim('browser-claim-race-01', 5_000_000, signal);
    slowAfterCommit = 800;
    const first = send(AbortSignal.timeout(200)).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 250));
    const retry = await send();
    slowAfterCommit = 0;
    expect(await first).toBeInstanceOf(Error);
    // The retry either replays the committed claim or, if it got there first, is the claim itself.
    const body = await json(retry, 201);
    const stored = await claimsOf(contract.id);
    expect(stored).toHaveLength(1);
    expect(body.id).toBe(stored[0]!.id);
  });
});
