/** Saved searches and match alerts, through the stream pump exactly as locally (and in Lambda). */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMatchAlertHandler } from '../../shared/services/alerts';
import { achievementInput, needInput } from '../fixtures';
import { problem, startHarness, TEST_NOW, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.drain();
});

async function inbox(account: string): Promise<any[]> {
  const res = await h.call('GET', '/api/v1/notifications?limit=100', { token: await h.token(account) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: any[] }).items;
}

describe('saved searches', () => {
  it('validate strictly and belong to their owner', async () => {
    const token = await h.token('demo-ent-goji');
    expect((await problem(await h.call('POST', '/api/v1/saved-searches', { token, body: { name: '空条件', kind: 'achievement', query: {} } }), 400)).errors![0]!.path).toBe('query');
    expect((await problem(await h.call('POST', '/api/v1/saved-searches', { token, body: { name: '多余字段', kind: 'achievement', query: { q: '枸杞' }, ownerSub: 'x' } }), 400)).errors![0]!.path).toBe('ownerSub');
    const created = (await (await h.call('POST', '/api/v1/saved-searches', { token, body: { name: '枸杞保鲜技术', kind: 'achievement', query: { q: '枸杞 保鲜' } } })).json()) as { id: string };
    expect(((await (await h.call('GET', '/api/v1/saved-searches', { token })).json()) as { items: { id: string }[] }).items.map((s) => s.id)).toContain(created.id);
    expect((await h.call('DELETE', `/api/v1/saved-searches/${created.id}`, { token: await h.token('demo-ent-pv') })).status).toBe(404);
    expect((await h.call('DELETE', `/api/v1/saved-searches/${created.id}`, { token })).status).toBe(204);
    expect((await h.call('GET', '/api/v1/saved-searches')).status).toBe(401);
  });
});

describe('alerts on publication', () => {
  it('notify the saver once, and the owner of a matching need, however often the stream redelivers', async () => {
    const saver = await h.token('demo-ent-cast');
    const saved = (await (await h.call('POST', '/api/v1/saved-searches', { token: saver, body: { name: '高纯钽靶材', kind: 'achievement', query: { q: '高纯钽 靶材', trlMin: 5 } } })).json()) as { id: string };

    // A need that the coming achievement answers.
    const needOwner = await h.token('demo-ent-iiot');
    const need = (await (await h.call('POST', '/api/v1/needs', {
      token: needOwner,
      body: needInput({ title: '高纯钽靶材国产化替代', problem: '溅射用高纯钽靶材依赖进口，交期长、价格高，希望引进国产高纯钽提纯与靶材制备技术。', keywords: ['高纯钽', '靶材', '溅射'], industry: '电子元器件用高纯稀有金属', budget: { kind: 'negotiable' }, acceptanceCriteria: ['钽纯度不低于 99.995%', '靶材致密度不低于 99%'] }),
    })).json()) as { id: string };
    expect((await h.call('POST', `/api/v1/needs/${need.id}/publish`, { token: needOwner })).status).toBe(200);
    await h.drain();

    const uni = await h.token('demo-inst-material');
    const a = (await (await h.call('POST', '/api/v1/achievements', {
      token: uni,
      body: achievementInput({ title: '电子级高纯钽提纯与溅射靶材制备技术', summary: '电子束熔炼结合真空退火，钽纯度达到 99.995%，靶材致密度 99.5%，可替代进口溅射靶材。', keywords: ['高纯钽', '靶材', '电子束熔炼'], industry: '电子元器件用高纯稀有金属', trl: 7, price: { kind: 'negotiable' } }),
    })).json()) as { id: string };
    // A draft alerts nobody.
    await h.drain();
    expect((await inbox('demo-ent-cast')).filter((n) => n.listingId === a.id)).toEqual([]);

    expect((await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token: uni })).status).toBe(200);
    await h.drain();

    const saverNotes = (await inbox('demo-ent-cast')).filter((n) => n.listingId === a.id);
    expect(saverNotes).toHaveLength(1);
    expect(saverNotes[0]).toMatchObject({ type: 'saved_search_match', savedSearchId: saved.id, reasonZh: expect.stringContaining('高纯钽靶材') });

    const ownerNotes = (await inbox('demo-ent-iiot')).filter((n) => n.listingId === a.id);
    expect(ownerNotes).toHaveLength(1);
    expect(ownerNotes[0]).toMatchObject({ type: 'counterpart_match', matchedListingId: need.id });
    expect(ownerNotes[0].score).toBeGreaterThanOrEqual(0.45);
    expect(ownerNotes[0].reasonZh).toMatch(/共同关键词/);

    // Someone else's inbox shows none of it.
    expect((await inbox('demo-ent-pv')).filter((n) => n.listingId === a.id)).toEqual([]);

    // Redeliver the publication twice more: still exactly one each.
    const handler = createMatchAlertHandler({ db: h.db, index: h.search, now: () => TEST_NOW });
    const record = {
      eventName: 'MODIFY',
      dynamodb: { Keys: { pk: { S: `ACHIEVEMENT#${a.id}` }, sk: { S: 'ACHIEVEMENT' } }, NewImage: { status: { S: 'published' } }, OldImage: { status: { S: 'draft' } }, SequenceNumber: '9' },
    } as DynamoDBStreamEvent['Records'][number];
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [] });
    const stored = await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `INBOX#${h.orgIdOf('demo-ent-cast')}` } }));
    expect((stored.Items ?? []).filter((n) => n.listingId === a.id)).toHaveLength(1);
    expect((await inbox('demo-ent-iiot')).filter((n) => n.listingId === a.id)).toHaveLength(1);
  });
});
