/**
 * Search filters built from what a visitor types cannot break out of their value: quotes and operators
 * in a query, a facet or an owner id neither widen the result to drafts nor reach other fields.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ACHIEVEMENT_STATUSES } from '../../shared/domain/achievement';
import { achievementInput } from '../fixtures';
import { startHarness, type Harness } from '../integration/harness';

let h: Harness;
let draftId: string;
const MARK = '夜光草莓大棚补光';
beforeAll(async () => {
  h = await startHarness();
  // A draft whose words the injections below try to reach.
  const res = await h.call('POST', '/api/v1/achievements', { token: await h.token('demo-nxist'), body: achievementInput({ title: `${MARK}技术`, keywords: [MARK] }) });
  draftId = ((await res.json()) as { id: string }).id;
  await h.drain();
}, 120_000);

async function hall(query: string) {
  const res = await h.call('GET', `/api/v1/achievements?${query}`);
  return { status: res.status, body: (await res.json()) as { items?: { id: string; status: string }[]; code?: string } };
}

describe('filter injection', () => {
  const injections = [
    `" OR status = "draft`,
    `') OR status = 'draft' OR ('`,
    `x" OR id EXISTS OR "`,
    `光伏全产业链" OR status != "x`,
    `\\" OR 1=1 --`,
    `status = draft`,
  ];

  it('a query is words to look for, never filter syntax', async () => {
    for (const text of [...injections, `${MARK} " OR status = "draft`]) {
      const { status, body } = await hall(`q=${encodeURIComponent(text)}`);
      expect(status).toBe(200);
      for (const item of body.items!) {
        expect(PUBLIC_ACHIEVEMENT_STATUSES as readonly string[]).toContain(item.status);
        expect(item.id).not.toBe(draftId);
      }
    }
  });

  it('facets and owner ids take only their own values', async () => {
    for (const text of injections) {
      for (const field of ['industry', 'district', 'mode', 'trlBand', 'ownerOrgId', 'sort']) {
        const { status, body } = await hall(`${field}=${encodeURIComponent(text)}`);
        if (status === 400) {
          expect(body.code).toBe('validation_failed');
          continue;
        }
        expect(status).toBe(200);
        // A value that is not one of the field's values matches nothing rather than everything.
        expect(body.items, `${field}=${text}`).toEqual([]);
      }
    }
  });

  it('asking for drafts by status is refused, and the draft stays out of every answer', async () => {
    for (const status of ['draft', 'draft" OR status = "published', 'archived']) {
      // 403 for a real status the public may not list, 400 for a value that is no status at all.
      const res = await hall(`status=${encodeURIComponent(status)}`);
      expect([400, 403]).toContain(res.status);
      expect(res.body.items).toBeUndefined();
    }
    const all = await hall(`q=${encodeURIComponent(MARK)}`);
    expect(all.body.items!.map((i) => i.id)).not.toContain(draftId);
  });
});
