/**
 * A stream handler that throws on one record reports that record alone as failed, and the retry (from
 * that record, as Lambda redelivers) completes the batch exactly once. The records are the real ones
 * DynamoDB Local's stream produced for API writes, captured in place of the running handlers.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db/client';
import { createEmbeddedIndex } from '../../shared/search/embedded-index';
import { createSearchIndexer } from '../../shared/search/indexer';
import type { SearchIndex } from '../../shared/search/search-index';
import { createRewardLedgerHandler } from '../../shared/services/rewards';
import { achievementInput } from '../fixtures';
import { startHarness, TEST_NOW, type Harness } from '../integration/harness';

const captured: Record<'ledger' | 'indexer', DynamoDBRecord[]> = { ledger: [], indexer: [] };
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    streamHandlers: {
      'reward-ledger': async (event) => void captured.ledger.push(...event.Records),
      'search-indexer': async (event) => void captured.indexer.push(...event.Records),
    },
  });
}, 120_000);

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

const injected = () => Object.assign(new Error('injected failure'), { name: 'InternalServerError' });
const seq = (r: DynamoDBRecord) => r.dynamodb!.SequenceNumber!;

describe('a stream handler failing on one record', () => {
  it('reward ledger: reports only the failing payment, and the retry posts each payment exactly once', async () => {
    const admin = await h.token('demo-admin');
    const tc = await h.token('demo-tc-xjtu');
    const contract = await json(
      await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: '工业硅余热发电技术转让合同', kind: 'transfer', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 300_000_000, signedOn: '2026-10-10' } }),
      201,
    );
    await h.submitForRegistration(contract.id, tc);
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: admin, body: { decision: 'registered' } }), 200);
    const payments: string[] = [];
    for (const [i, amountFen] of [40_000_000, 30_000_000, 20_000_000].entries()) {
      const p = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen, paidOn: '2026-11-1' + i, evidenceRef: `银行回单 ${registered.registrationNumber}-${i}` } }), 201);
      await h.attach(tc, `payments/${p.id}`, 'bank_slip');
      await json(await h.call('POST', `/api/v1/payments/${p.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
      payments.push(p.id);
    }
    await h.drain();
    const records = payments.map((id) => captured.ledger.find((r) => r.dynamodb?.Keys?.pk?.S === `PAYMENT#${id}` && r.dynamodb?.NewImage?.status?.S === 'verified')!);
    expect(records.every(Boolean)).toBe(true);

    let failing = true;
    const faulty: Db = {
      tableName: h.db.tableName,
      doc: { send: (command: any) => (failing && command instanceof GetCommand && command.input.Key?.pk === `PAYMENT#${payments[1]}` ? Promise.reject(injected()) : h.db.doc.send(command)) } as unknown as Db['doc'],
    };
    const handler = createRewardLedgerHandler({ db: faulty, now: () => TEST_NOW });
    const ledger = async () =>
      (await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :l)', ExpressionAttributeValues: { ':p': `CONTRACT#${contract.id}`, ':l': 'LEDGER#' }, ConsistentRead: true }))).Items!.map((e) => e.sk as string).sort();

    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: seq(records[1]!) }] });
    expect(await ledger()).toEqual([`LEDGER#${payments[0]}`]);

    failing = false;
    // Lambda redelivers from the reported record on; a second full replay must change nothing either.
    expect(await handler({ Records: records.slice(1) })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(await ledger()).toEqual(payments.map((id) => `LEDGER#${id}`).sort());
    const balance = (await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: { pk: `CONTRACT#${contract.id}`, sk: 'BALANCE' }, ConsistentRead: true }))).Item!;
    expect(balance.performedFen).toBe(90_000_000);
    expect(balance.accruedFen).toBe(9_000_000);
  });

  it('search indexer: reports only the listing the engine refused, and the retry indexes the rest', async () => {
    const token = await h.token('demo-nxist');
    const ids: string[] = [];
    for (const title of ['枸杞多糖低温提取工艺', '宁夏葡萄酒橡木桶替代陈酿技术', '贺兰山东麓酿酒葡萄滴灌技术']) {
      const a = await json(await h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title }) }), 201);
      await json(await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token }), 200);
      ids.push(a.id);
    }
    await h.drain();
    const records = ids.map((id) => captured.indexer.find((r) => r.dynamodb?.Keys?.pk?.S === `ACHIEVEMENT#${id}` && r.dynamodb?.NewImage?.status?.S === 'published')!);
    expect(records.every(Boolean)).toBe(true);

    const real = createEmbeddedIndex();
    await real.applySettings();
    let failing = true;
    const faulty: SearchIndex = {
      ...real,
      engine: 'embedded',
      applySettings: () => real.applySettings(),
      upsert: (index, documents) => (failing && documents.some((d) => d.id === ids[1]) ? Promise.reject(injected()) : real.upsert(index, documents)),
      remove: (index, list) => real.remove(index, list),
      get: (index, id) => real.get(index, id),
      search: (index, q) => real.search(index, q),
      allIds: (index) => real.allIds(index),
      clear: (index) => real.clear(index),
    };
    const indexer = createSearchIndexer({ db: h.db, index: faulty });
    expect(await indexer({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: seq(records[1]!) }] });
    expect((await real.allIds('achievements')).sort()).toEqual([ids[0]]);
    failing = false;
    expect(await indexer({ Records: records.slice(1) })).toEqual({ batchItemFailures: [] });
    expect((await real.allIds('achievements')).sort()).toEqual([...ids].sort());
  });
});
