/**
 * npm run bench:ledger — 10,000 verified payments over 1,000 contracts through the reward-ledger stream
 * handler against DynamoDB Local. Prints events/s and the reconciliation: for every contract, the sum
 * of its ledger entries = its balance = a recomputation from its payments, and no contract over the cap.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createDb } from '../shared/db/client';
import * as repo from '../shared/db/contracts';
import { ensureTable } from '../shared/db/ensure-table';
import type { Contract, Payment } from '../shared/domain/contract';
import { DomainError } from '../shared/domain/errors';
import { accrue, SEED_POLICIES, type RewardPolicy } from '../shared/domain/reward-policy';
import { createRewardLedgerHandler, seedPolicies } from '../shared/services/rewards';
import { startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { prng, writeResult } from './lib';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 1000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 10_000);
const BATCH = 100;
const PARALLEL = 4;
const log = (line: string) => console.log(`[bench:ledger] ${line}`);

async function main() {
  const dynamo = await startDynamoDbLocal({ log });
  const db = createDb({ tableName: 'bench-ledger', endpoint: dynamo.endpoint });
  await ensureTable(db);
  const now = new Date('2026-11-26T02:00:00Z');
  await seedPolicies(db, now);
  const policies = SEED_POLICIES.map((p) => ({ ...p, createdAt: now.toISOString(), createdBy: 'seed' })) as RewardPolicy[];
  const random = prng(4_2026);

  log(`writing ${CONTRACTS} registered contracts and ${PAYMENTS} verified payments…`);
  const contracts: Contract[] = [];
  for (let i = 0; i < CONTRACTS; i++) {
    const at = now.toISOString();
    const kinds = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
    const c: Contract = {
      id: `con_BENCH${String(i).padStart(21, '0')}`, title: `基准合同 ${i}`, kind: kinds[i % 5]!,
      sellerOrgId: 'org_seller', sellerOrgName: '高校', sellerType: i % 10 === 9 ? 'enterprise' : 'university',
      buyerOrgId: 'org_buyer', buyerOrgName: '企业', buyerType: 'enterprise',
      brokerOrgId: 'org_broker', brokerOrgName: '技术转移中心', brokerType: 'transfer_center',
      amountFen: 10_000_000_000, signedOn: '2025-06-01', status: 'performing', registrationNumber: `64022025${String(i).padStart(6, '0')}`,
      recordedFen: 0, verifiedFen: 0, version: 1, createdAt: at, updatedAt: at,
    };
    contracts.push(c);
  }
  const payments: Payment[] = [];
  for (let i = 0; i < PAYMENTS; i++) {
    const contract = contracts[Math.floor(random() * CONTRACTS)]!;
    const dates = ['2022-06-01', '2024-03-15', '2025-12-31', '2026-01-01', '2026-11-20'];
    const amountFen = 1 + Math.floor(random() * 60_000_000);
    const verifiedAt = new Date(now.getTime() + i * 1000).toISOString();
    payments.push({ id: `pay_BENCH${String(i).padStart(21, '0')}`, contractId: contract.id, amountFen, paidOn: dates[Math.floor(random() * dates.length)]!, evidenceRef: `回单 ${contract.registrationNumber}`, status: 'verified', recordedBy: 'bench', verifiedBy: 'bench-admin', verifiedAt, version: 2, createdAt: verifiedAt });
  }
  const writes = [...contracts.flatMap((c) => [repo.putContract(db, c, null), repo.putNewBalance(db, c.id)]), ...payments.map((p) => repo.putPayment(db, p, null))];
  let cursor = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (;;) {
        const start = cursor;
        cursor += 25;
        const chunk = writes.slice(start, start + 25);
        if (!chunk.length) return;
        await repo.transact(db, chunk, () => new DomainError('version_conflict'));
      }
    }),
  );

  // Stream records as DynamoDB would deliver them, in batches; shards (by contract) run in parallel.
  const shards: DynamoDBStreamEvent['Records'][] = Array.from({ length: PARALLEL }, () => []);
  payments.forEach((p, i) => {
    const shard = Number(p.contractId.slice(-3)) % PARALLEL;
    shards[shard]!.push({
      eventID: String(i), eventName: 'MODIFY', eventSource: 'aws:dynamodb',
      dynamodb: { Keys: { pk: { S: `PAYMENT#${p.id}` }, sk: { S: 'PAYMENT' } }, NewImage: { status: { S: 'verified' } }, OldImage: { status: { S: 'recorded' } }, SequenceNumber: String(i) },
    } as DynamoDBStreamEvent['Records'][number]);
  });
  const handler = createRewardLedgerHandler({ db, now: () => now });
  let retried = 0;
  const started = performance.now();
  await Promise.all(
    shards.map(async (records) => {
      for (let i = 0; i < records.length; ) {
        const batch = records.slice(i, i + BATCH);
        const result = await handler({ Records: batch });
        const failed = result.batchItemFailures[0]?.itemIdentifier;
        if (failed === undefined) i += batch.length;
        else {
          retried++;
          i += batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const eventsPerSecond = Math.round(PAYMENTS / seconds);
  log(`${PAYMENTS} events in ${seconds.toFixed(1)} s: ${eventsPerSecond} events/s (${retried} batch retries)`);

  // Reconciliation.
  const byContract = new Map<string, Payment[]>();
  for (const p of payments) byContract.set(p.contractId, [...(byContract.get(p.contractId) ?? []), p]);
  let discrepancies = 0;
  let overCap = 0;
  let ledgerEntries = 0;
  let accruedTotal = 0;
  for (const c of contracts) {
    const own = (byContract.get(c.id) ?? []).sort((a, b) => (a.verifiedAt! < b.verifiedAt! ? -1 : 1));
    const expected = accrue(own, policies, { kind: c.kind, sellerType: c.sellerType, buyerType: c.buyerType, brokerType: c.brokerType }).at(-1)?.totalFen ?? 0;
    const [balance, ledger] = await Promise.all([repo.getBalance(db, c.id), repo.ledgerOf(db, c.id)]);
    const ledgerSum = ledger.reduce((s, e) => s + e.accruedFen, 0);
    const performed = own.reduce((s, p) => s + p.amountFen, 0);
    ledgerEntries += ledger.length;
    accruedTotal += balance!.accruedFen;
    if (ledger.length !== own.length || ledgerSum !== balance!.accruedFen || balance!.accruedFen !== expected || balance!.performedFen !== performed) discrepancies++;
    if (balance!.accruedFen > 20_000_000) overCap++;
  }
  await dynamo.stop();
  const result = { contracts: CONTRACTS, payments: PAYMENTS, batch: BATCH, parallelShards: PARALLEL, seconds: Math.round(seconds * 10) / 10, eventsPerSecond, batchRetries: retried, ledgerEntries, accruedTotalFen: accruedTotal, discrepancies, contractsOverCap: overCap };
  console.table({ ledger: { 'events/s': eventsPerSecond, 'ledger entries': ledgerEntries, discrepancies, 'contracts over cap': overCap } });
  log(`written ${writeResult('ledger', result)}`);
  if (discrepancies || overCap) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
