/**
 * Contracts, payments, the reward ledger and claims on DynamoDB Local with the stream pump running:
 * the whole path, exactly-once ledger entries, 100 concurrent claims, idempotency, failure injection,
 * separation of duties, and the permission matrix.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { DomainError } from '../../shared/domain/errors';
import { createRewardLedgerHandler, postLedgerEntry, submitClaim } from '../../shared/services/rewards';
import { problem, startHarness, TEST_NOW, type Harness } from './harness';

let h: Harness;
let achievementId: string;
beforeAll(async () => {
  h = await startHarness();
  const list = (await (await h.call('GET', `/api/v1/achievements?ownerOrgId=${h.orgIdOf('demo-nxist')}&limit=5`)).json()) as { items: { id: string }[] };
  achievementId = list.items[0]!.id;
});

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

async function registeredContract(amountFen: number, broker = 'demo-tc-xjtu') {
  const tc = await h.token(broker);
  const contract = await json(
    await h.call('POST', '/api/v1/contracts', {
      token: tc,
      body: { title: '金刚线细线化切割工艺技术许可合同', kind: 'licence', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen, signedOn: '2026-10-15', achievementId },
    }),
    201,
  );
  await h.submitForRegistration(contract.id, tc);
  const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: await h.token('demo-admin'), body: { decision: 'registered' } }), 200);
  return { tc, contract: registered as { id: string; registrationNumber: string; version: number } };
}

async function verifiedPayment(contract: { id: string; registrationNumber: string }, tc: string, amountFen: number, paidOn = '2026-11-20') {
  const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen, paidOn, evidenceRef: `银行回单 ${contract.registrationNumber}-${amountFen}` } }), 201);
  await h.attach(tc, `payments/${payment.id}`, 'bank_slip');
  await json(await h.call('POST', `/api/v1/payments/${payment.id}/verify`, { token: await h.token('demo-admin'), body: { decision: 'verified' } }), 200);
  return payment as { id: string };
}

async function balance(contractId: string) {
  const out = await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.balance(contractId), ConsistentRead: true }));
  return out.Item as { accruedFen: number; pendingFen: number; approvedFen: number; performedFen: number; version: number };
}

describe('the whole path through the API', () => {
  it('contract → register → payment → verify → reward → claim → approve → /stats', async () => {
    const statsBefore = await json(await h.call('GET', '/api/v1/stats'), 200);
    const { tc, contract } = await registeredContract(300_000_000);
    expect(contract.registrationNumber).toMatch(/^64022026\d{6}$/);

    // Bad payments: no registration number in the evidence, over the contract amount, zero.
    const noNumber = await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 1_000, paidOn: '2026-11-20', evidenceRef: '发票 12345678' } });
    expect((await problem(noNumber, 400)).errors![0]!.code).toBe('evidence_without_registration_number');
    const tooMuch = await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 300_000_001, paidOn: '2026-11-20', evidenceRef: `回单 ${contract.registrationNumber}` } });
    expect((await problem(tooMuch, 400)).errors![0]!.code).toBe('over_contract_amount');
    expect((await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 0, paidOn: '2026-11-20', evidenceRef: `回单 ${contract.registrationNumber}` } })).status).toBe(400);

    // Not before signing, not in the future.
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 1_000, paidOn: '2026-10-14', evidenceRef: `回单 ${contract.registrationNumber}` } }), 400)).errors![0]!.path).toBe('paidOn');
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 1_000, paidOn: '2026-11-27', evidenceRef: `回单 ${contract.registrationNumber}` } }), 400)).errors![0]!.path).toBe('paidOn');

    await verifiedPayment(contract, tc, 120_000_000);
    // The same receipt cannot back a second payment (even written differently).
    const again = await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 120_000_000, paidOn: '2026-11-20', evidenceRef: `银行回单${contract.registrationNumber}-120000000` } });
    expect((await problem(again, 400)).errors![0]!.code).toBe('evidence_already_used');
    await h.drain();
    const reward = await json(await h.call('GET', `/api/v1/contracts/${contract.id}/reward`, { token: tc }), 200);
    expect(reward.balance).toMatchObject({ performedFen: 120_000_000, accruedFen: 12_000_000, claimableFen: 12_000_000, pendingFen: 0 });
    expect(reward.ledger).toHaveLength(1);

    const noKey = await h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen: 5_000_000 } });
    expect((await problem(noKey, 428)).code).toBe('idempotency_key_required');
    const over = await h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen: 12_000_001 }, headers: { 'idempotency-key': 'claim-over-0001' } });
    expect((await problem(over, 409)).code).toBe('over_claimable');

    const claim = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen: 10_000_000 }, headers: { 'idempotency-key': 'claim-main-0001' } }), 201);
    const replay = await h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen: 10_000_000 }, headers: { 'idempotency-key': 'claim-main-0001' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(replay, 201)).id).toBe(claim.id);
    const reused = await h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen: 1_000_000 }, headers: { 'idempotency-key': 'claim-main-0001' } });
    expect((await problem(reused, 409)).code).toBe('idempotency_key_reused');
    expect(await balance(contract.id)).toMatchObject({ pendingFen: 10_000_000 });

    // The admin who verified the payment may not approve; another admin may.
    expect((await problem(await h.call('POST', `/api/v1/claims/${claim.id}/approve`, { token: await h.token('demo-admin') }), 403)).code).toBe('separation_of_duties');
    await json(await h.call('POST', `/api/v1/claims/${claim.id}/approve`, { token: await h.token('demo-admin-2') }), 200);
    expect(await balance(contract.id)).toMatchObject({ pendingFen: 0, approvedFen: 10_000_000 });

    // The bureau records the payout; the balance and the KPIs say so.
    expect((await h.call('POST', `/api/v1/claims/${claim.id}/pay`, { token: tc })).status).toBe(403);
    expect(await json(await h.call('POST', `/api/v1/claims/${claim.id}/pay`, { token: await h.token('demo-admin-2') }), 200)).toMatchObject({ status: 'paid' });
    expect((await problem(await h.call('POST', `/api/v1/claims/${claim.id}/pay`, { token: await h.token('demo-admin-2') }), 409)).code).toBe('invalid_transition');
    expect(await balance(contract.id)).toMatchObject({ approvedFen: 10_000_000, paidFen: 10_000_000 });

    const stats = await json(await h.call('GET', '/api/v1/stats'), 200);
    expect(stats.totals.rewardsPaidFen - statsBefore.totals.rewardsPaidFen).toBe(10_000_000);
    expect(stats.totals.turnoverFen - statsBefore.totals.turnoverFen).toBe(300_000_000);
    expect(stats.totals.verifiedPaidFen - statsBefore.totals.verifiedPaidFen).toBe(120_000_000);
    expect(stats.totals.rewardsApprovedFen - statsBefore.totals.rewardsApprovedFen).toBe(10_000_000);
    expect(stats.totals.transformedAchievements).toBeGreaterThanOrEqual(1);
    expect(stats.targets).toMatchObject({ transformedAchievements: 300, turnoverFen: 80_000_000_000 });
    expect(stats).not.toHaveProperty('contractIds');
    const adminStats = await json(await h.call('GET', '/api/v1/stats', { token: await h.token('demo-admin') }), 200);
    expect(adminStats.contractIds.turnover).toContain(contract.id);

    // Only the listed transitions: a performing contract completes; a completed one cannot be terminated.
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/close`, { token: await h.token('demo-admin'), body: { outcome: 'terminated' } }), 400)).errors![0]!.path).toBe('reason');
    expect(await json(await h.call('POST', `/api/v1/contracts/${contract.id}/close`, { token: await h.token('demo-admin'), body: { outcome: 'completed' } }), 200)).toMatchObject({ status: 'completed' });
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/close`, { token: await h.token('demo-admin'), body: { outcome: 'terminated', reason: '测试' } }), 409)).code).toBe('invalid_transition');
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: await h.token('demo-admin'), body: { decision: 'registered' } }), 409)).code).toBe('invalid_transition');

    const trail = await json(await h.call('GET', `/api/v1/contracts/${contract.id}/audit`, { token: await h.token('demo-admin') }), 200);
    expect(trail.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['create', 'register', 'record', 'verify', 'submit', 'approve', 'pay', 'complete']));
    for (const a of trail.items) expect(a).toMatchObject({ actor: expect.any(String), requestId: expect.any(String), at: expect.any(String) });
    // Nothing edits or deletes the trail through the API.
    expect((await h.call('DELETE', `/api/v1/contracts/${contract.id}/audit`, { token: await h.token('demo-admin') })).status).toBe(404);
    expect((await h.call('PATCH', `/api/v1/contracts/${contract.id}/audit`, { token: await h.token('demo-admin'), body: {} })).status).toBe(404);
  });

  it('an unregistered contract takes no payment, and nothing is written', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const contract = await json(await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: '未登记合同付款测试', kind: 'service', sellerOrgId: h.orgIdOf('demo-nmu'), buyerOrgId: h.orgIdOf('demo-ent-chem'), amountFen: 10_000_000, signedOn: '2026-09-01' } }), 201);
    const res = await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 1_000, paidOn: '2026-11-20', evidenceRef: '发票 无登记号' } });
    expect((await problem(res, 409)).code).toBe('contract_not_registered');
    expect((await json(await h.call('GET', `/api/v1/contracts/${contract.id}/payments`, { token: tc }), 200)).items).toEqual([]);
  });
});

describe('exactly once and never over', () => {
  it('the ledger handler fed the same batch twice posts one entry per payment', async () => {
    const { tc, contract } = await registeredContract(500_000_000);
    const payments = [await verifiedPayment(contract, tc, 100_000_000), await verifiedPayment(contract, tc, 150_000_000)];
    await h.drain();
    const before = await balance(contract.id);
    expect(before).toMatchObject({ performedFen: 250_000_000, accruedFen: 20_000_000 }); // capped at ¥200,000
    const handler = createRewardLedgerHandler({ db: h.db, now: () => TEST_NOW });
    const batch = {
      Records: payments.map((p, i) => ({ eventName: 'MODIFY', dynamodb: { Keys: { pk: { S: `PAYMENT#${p.id}` }, sk: { S: 'PAYMENT' } }, NewImage: { status: { S: 'verified' } }, OldImage: { status: { S: 'recorded' } }, SequenceNumber: String(i) } })),
    } as DynamoDBStreamEvent;
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    const after = await balance(contract.id);
    expect(after).toMatchObject({ performedFen: 250_000_000, accruedFen: 20_000_000 });
    const ledger = await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :l)', ExpressionAttributeValues: { ':p': `CONTRACT#${contract.id}`, ':l': 'LEDGER#' } }));
    expect(ledger.Items).toHaveLength(2);
    expect(ledger.Items!.reduce((s, e) => s + (e.accruedFen as number), 0)).toBe(after.accruedFen);
  });

  it('payments posted in any order, some concurrently, add up to the rule and never pass the cap', async () => {
    const { tc, contract } = await registeredContract(900_000_000);
    const payments = [];
    for (const amount of [150_000_000, 100_000_000, 70_000_000, 5]) {
      payments.push(await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: amount, paidOn: '2026-11-20', evidenceRef: `回单 ${contract.registrationNumber}-${amount}` } }), 201));
    }
    for (const p of payments) await h.attach(tc, `payments/${p.id}`, 'bank_slip');
    const admin = await h.token('demo-admin');
    // Verify all at once, and post their ledger entries in reverse order while the stream pump posts them too.
    const verified = await Promise.all(payments.map((p) => h.call('POST', `/api/v1/payments/${p.id}/verify`, { token: admin, body: { decision: 'verified' } })));
    expect(verified.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await Promise.all([...payments].reverse().map((p) => postLedgerEntry(h.db, p.id, TEST_NOW)));
    await h.drain();
    const after = await balance(contract.id);
    expect(after).toMatchObject({ performedFen: 320_000_005, accruedFen: 20_000_000 });
    const ledger = await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :l)', ExpressionAttributeValues: { ':p': `CONTRACT#${contract.id}`, ':l': 'LEDGER#' } }));
    expect(ledger.Items).toHaveLength(4);
    expect(ledger.Items!.reduce((s, e) => s + (e.accruedFen as number), 0)).toBe(20_000_000);
    for (const e of ledger.Items!) expect(e.accruedFen).toBeGreaterThanOrEqual(0);
  });

  it('100 concurrent claims never together exceed what is claimable, and each gets a definite answer', async () => {
    const { tc, contract } = await registeredContract(100_000_000);
    await verifiedPayment(contract, tc, 100_000_000);
    await h.drain();
    expect(await balance(contract.id)).toMatchObject({ accruedFen: 10_000_000 });
    const amounts = Array.from({ length: 100 }, (_, i) => 150_000 + ((i * 7919) % 9) * 10_000);
    const responses = await Promise.all(
      amounts.map((amountFen, i) => h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen }, headers: { 'idempotency-key': `race-${contract.id}-${i}` } })),
    );
    let granted = 0;
    for (const [i, res] of responses.entries()) {
      expect([201, 409]).toContain(res.status);
      const body = await res.json();
      if (res.status === 201) granted += amounts[i]!;
      else expect(['over_claimable', 'version_conflict']).toContain(body.code);
    }
    const after = await balance(contract.id);
    expect(granted).toBeGreaterThan(0);
    expect(after.pendingFen).toBe(granted);
    expect(after.pendingFen + after.approvedFen).toBeLessThanOrEqual(after.accruedFen);
  });

  it('a failure between reading the balance and reserving leaves no reservation, claim or key behind', async () => {
    const { tc, contract } = await registeredContract(50_000_000);
    await verifiedPayment(contract, tc, 50_000_000);
    await h.drain();
    const before = await balance(contract.id);
    const failing: Db = {
      tableName: h.db.tableName,
      doc: {
        send: (command: unknown) => {
          if (command instanceof TransactWriteCommand) return Promise.reject(Object.assign(new Error('injected'), { name: 'ServiceUnavailable' }));
          return h.db.doc.send(command as never);
        },
      } as unknown as Db['doc'],
    };
    const principal = { sub: 'demo-tc-xjtu', username: 'demo-tc-xjtu', role: 'transfer_center' as const, orgId: h.orgIdOf('demo-tc-xjtu'), isAdmin: false };
    await expect(submitClaim(failing, { principal, requestId: 'req-injected', now: TEST_NOW }, contract.id, { amountFen: 1_000_000 }, { key: 'inject-0001', requestHash: 'x' })).rejects.toSatisfy(
      (e: unknown) => e instanceof DomainError && e.code === 'storage_unavailable',
    );
    expect(await balance(contract.id)).toEqual(before);
    const claims = await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': keys.claimsOfContract(contract.id) } }));
    expect(claims.Items).toEqual([]);
    const key = await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.idempotency('demo-tc-xjtu', 'inject-0001') }));
    expect(key.Item).toBeUndefined();
    void tc;
  });
});

describe('the Excel export', () => {
  it('opens as a workbook with Chinese headers and the contracts, payments, ledger and claims in it', async () => {
    const { tc, contract } = await registeredContract(40_000_000);
    await verifiedPayment(contract, tc, 40_000_000);
    await h.drain();
    expect((await h.call('GET', '/api/v1/admin/exports/contracts.xlsx', { token: tc })).status).toBe(403);
    const res = await h.call('GET', '/api/v1/admin/exports/contracts.xlsx', { token: await h.token('demo-admin') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['技术合同', '到账记录', '奖励台账', '奖励申领']);
    const sheet = book.getWorksheet('技术合同')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['合同编号', '认定登记号', '合同金额（元）', '合同金额（分）']));
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === contract.id)!;
    expect(row.getCell(2).value).toBe(contract.registrationNumber);
    expect(row.getCell(11).value).toBe(40_000_000);
    expect(row.getCell(10).numFmt).toContain('#,##0.00');
    expect(row.getCell(13).value).toBe(4_000_000);
    const ledgerRows = book.getWorksheet('奖励台账')!.getRows(2, 1000)!.filter((r) => r.getCell(1).value === contract.id);
    expect(ledgerRows).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('other centers, parties and anonymous callers cannot act on what is not theirs; nothing changes', async () => {
    const { tc, contract } = await registeredContract(80_000_000);
    const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 10_000_000, paidOn: '2026-11-20', evidenceRef: `回单 ${contract.registrationNumber}` } }), 201);
    const contractBefore = await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.contract(contract.id), ConsistentRead: true }));
    const balanceBefore = await balance(contract.id);
    const claimBody = { amountFen: 1 };
    const routes: [string, string, unknown?, Record<string, string>?][] = [
      ['POST', `/api/v1/contracts/${contract.id}/register`, { decision: 'registered' }],
      ['POST', `/api/v1/contracts/${contract.id}/payments`, { amountFen: 1_000, paidOn: '2026-11-20', evidenceRef: `回单 ${contract.registrationNumber}` }],
      ['POST', `/api/v1/payments/${payment.id}/verify`, { decision: 'verified' }],
      ['POST', `/api/v1/contracts/${contract.id}/claims`, claimBody, { 'idempotency-key': `perm-${contract.id}` }],
      ['GET', `/api/v1/contracts/${contract.id}/reward`],
      ['GET', `/api/v1/contracts/${contract.id}/audit`],
      ['POST', '/api/v1/policies', { name: '越权创建的政策', rateBp: 1000, capFenPerContract: 1, validFrom: '2030-01-01', validTo: '2030-12-31', eligibleSellerTypes: ['university'], eligibleBuyerTypes: ['enterprise'], eligibleBrokerTypes: ['transfer_center'], contractKinds: ['licence'] }],
    ];
    for (const caller of ['demo-tc-market', 'demo-nxist', 'demo-ent-pv', 'demo-ent-chem', null]) {
      const token = caller ? await h.token(caller) : undefined;
      for (const [method, path, body, headers] of routes) {
        const res = await h.call(method, path, { ...(token ? { token } : {}), ...(body ? { body } : {}), ...(headers ? { headers } : {}) });
        const expected = caller === null ? [401] : [403, 404];
        expect(expected, `${caller} ${method} ${path} → ${res.status}`).toContain(res.status);
      }
      // Reading the contract itself: the parties may, others not.
      const read = await h.call('GET', `/api/v1/contracts/${contract.id}`, token ? { token } : {});
      expect(read.status, `${caller} GET contract`).toBe(caller === 'demo-nxist' || caller === 'demo-ent-pv' ? 200 : caller === null ? 401 : 404);
    }
    const contractAfter = await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.contract(contract.id), ConsistentRead: true }));
    expect(contractAfter.Item).toEqual(contractBefore.Item);
    expect(await balance(contract.id)).toEqual(balanceBefore);
    expect((await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.payment(payment.id), ConsistentRead: true }))).Item).toMatchObject({ status: 'recorded' });
  });

  it('policies: anyone reads them; overlapping windows are refused', async () => {
    const list = await json(await h.call('GET', '/api/v1/policies'), 200);
    expect(list.items.map((p: { validTo: string; demo: boolean }) => [p.validTo, p.demo])).toEqual([['2025-12-31', false], ['2027-12-31', true]]);
    const body = { name: '重叠的奖励政策', rateBp: 800, capFenPerContract: 10_000_000, validFrom: '2027-06-01', validTo: '2028-12-31', eligibleSellerTypes: ['university'], eligibleBuyerTypes: ['enterprise'], eligibleBrokerTypes: ['transfer_center'], contractKinds: ['licence'] };
    expect((await problem(await h.call('POST', '/api/v1/policies', { token: await h.token('demo-admin'), body }), 409)).code).toBe('policy_overlap');
    const ok = await json(await h.call('POST', '/api/v1/policies', { token: await h.token('demo-admin'), body: { ...body, validFrom: '2028-01-01' } }), 201);
    expect(ok).toMatchObject({ rateBp: 800, validFrom: '2028-01-01', createdBy: 'demo-admin' });
  });
});
