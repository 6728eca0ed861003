/**
 * Two payments of one contract posted at the same moment, with the worst interleaving forced: one
 * posting reads the ledger, the other commits, then the first reads the balance. The first must notice
 * that its two reads disagree and read again, rather than post against a balance that already holds an
 * entry it did not see (which posted a negative entry before this was fixed).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db/client';
import { ledgerOf } from '../../shared/db/contracts';
import { reconcileContract } from '../../shared/services/reconcile';
import { postLedgerEntry } from '../../shared/services/rewards';
import { startHarness, TEST_NOW, type Harness } from '../integration/harness';

let h: Harness;
beforeAll(async () => {
  // The stream's own ledger posting is replaced by a no-op: this test posts, in the order it forces.
  h = await startHarness({ streamHandlers: { 'reward-ledger': async () => undefined } });
}, 120_000);

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

describe('ledger postings racing on one contract', () => {
  it('a posting whose balance read already includes an unseen entry reads again, and every entry stays ≥ 0', async () => {
    const admin = await h.token('demo-admin');
    const tc = await h.token('demo-tc-xjtu');
    const contract = await json(
      await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: '多晶硅还原炉节能改造技术转让合同', kind: 'transfer', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 900_000_000, signedOn: '2026-09-01' } }),
      201,
    );
    await h.submitForRegistration(contract.id, tc);
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: admin, body: { decision: 'registered' } }), 200);
    const pay = async (amountFen: number, n: number) => {
      const p = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen, paidOn: '2026-11-20', evidenceRef: `银行回单 ${registered.registrationNumber}-${n}` } }), 201);
      await h.attach(tc, `payments/${p.id}`, 'bank_slip');
      await json(await h.call('POST', `/api/v1/payments/${p.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
      return p.id as string;
    };
    const small = await pay(150_000_000, 1);
    const large = await pay(300_000_000, 2);

    // The small payment's first balance read waits until the large one has been posted.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let gated = false;
    const slow: Db = {
      tableName: h.db.tableName,
      doc: {
        send: async (command: any) => {
          if (!gated && command instanceof GetCommand && command.input.Key?.sk === 'BALANCE') {
            gated = true;
            await gate;
          }
          return h.db.doc.send(command);
        },
      } as unknown as Db['doc'],
    };
    const first = postLedgerEntry(slow, small, TEST_NOW);
    // Let the small posting read the (still empty) ledger, then post the large one in full.
    await new Promise((r) => setTimeout(r, 100));
    expect(await postLedgerEntry(h.db, large, TEST_NOW)).toBe('posted');
    release();
    expect(await first).toBe('posted');

    const entries = await ledgerOf(h.db, contract.id);
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(e.accruedFen).toBeGreaterThanOrEqual(0);
    expect(entries.reduce((s, e) => s + e.accruedFen, 0)).toBe(20_000_000);
    expect(await reconcileContract(h.db, contract.id)).toBeNull();
  });
});
