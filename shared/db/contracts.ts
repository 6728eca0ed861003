/**
 * Contracts, payments, the reward balance and ledger, claims, policies, audit records and idempotency
 * records. Writes are built as transaction items here and committed together by the services, so a
 * state change, its balance movement and its audit record land all at once or not at all.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Claim, Contract, Payment, RewardBalance } from '../domain/contract';
import { DomainError } from '../domain/errors';
import type { RewardPolicy } from '../domain/reward-policy';
import type { Db } from './client';
import { cancellationReasons, db as call, isTransactionConflict } from './errors';
import { keys, stripStorageAttributes } from './keys';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Commits items atomically. `onCancelled` maps the index of a failed condition to a domain error. */
export async function transact(db: Db, items: TransactItem[], onCancelled: (failedIndex: number) => DomainError): Promise<void> {
  try {
    await call(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
  } catch (error) {
    if (isTransactionConflict(error)) throw new DomainError('version_conflict', [], { cause: error });
    const reasons = cancellationReasons(error);
    const failed = reasons?.findIndex((r) => r === 'ConditionalCheckFailed') ?? -1;
    if (failed >= 0) throw onCancelled(failed);
    throw error;
  }
}

const versioned = (expected: number) => ({ ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } });
const absent = { ConditionExpression: 'attribute_not_exists(pk)' };

/**
 * A versioned write of one record with its two index keys: created when `expectedVersion` is null,
 * replaced only if still at that version otherwise.
 */
function putIndexed(
  db: Db,
  entity: string,
  key: { pk: string; sk: string },
  gsi1: [string, string],
  gsi2: [string, string],
  record: object,
  expectedVersion: number | null,
): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...key, gsi1pk: gsi1[0], gsi1sk: gsi1[1], gsi2pk: gsi2[0], gsi2sk: gsi2[1], entity, ...record },
      ...(expectedVersion === null ? absent : versioned(expectedVersion)),
    },
  };
}

export function putContract(db: Db, c: Contract, expectedVersion: number | null): TransactItem {
  const sort = `${c.createdAt}#${c.id}`;
  return putIndexed(db, 'contract', keys.contract(c.id), [keys.contractsByStatus(c.status), sort], [keys.contractsOfBroker(c.brokerOrgId), sort], c, expectedVersion);
}

export function putNewBalance(db: Db, contractId: string): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.balance(contractId), entity: 'balance', contractId, performedFen: 0, accruedFen: 0, pendingFen: 0, approvedFen: 0, paidFen: 0, version: 1 },
      ...absent,
    },
  };
}

/** Moves balance figures by deltas; with `expectedVersion` only if nobody moved them since it was read. */
export function moveBalance(db: Db, contractId: string, deltas: Partial<Record<'performedFen' | 'accruedFen' | 'pendingFen' | 'approvedFen' | 'paidFen', number>>, expectedVersion?: number): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':one': 1 };
  const parts = Object.entries(deltas).map(([field, delta], i) => {
    names[`#f${i}`] = field;
    values[`:d${i}`] = delta;
    return `#f${i} :d${i}`;
  });
  if (expectedVersion !== undefined) values[':expected'] = expectedVersion;
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.balance(contractId),
      UpdateExpression: `ADD ${[...parts, 'version :one'].join(', ')}`,
      ConditionExpression: expectedVersion !== undefined ? 'version = :expected' : 'attribute_exists(pk)',
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  };
}

export interface LedgerEntry {
  contractId: string;
  paymentId: string;
  amountFen: number;
  paidOn: string;
  policyId: string | null;
  /** What this payment added to the accrued reward. */
  accruedFen: number;
  totalFen: number;
  performedFen: number;
  /** The balance version it was posted against: the posting order. */
  seq: number;
  at: string;
}

export function putLedgerEntry(db: Db, entry: LedgerEntry): TransactItem {
  return { Put: { TableName: db.tableName, Item: { ...keys.ledgerEntry(entry.contractId, entry.paymentId), entity: 'ledger_entry', ...entry }, ...absent } };
}

export function putPayment(db: Db, p: Payment, expectedVersion: number | null): TransactItem {
  return putIndexed(
    db, 'payment', keys.payment(p.id),
    [keys.paymentsByStatus(p.status), `${p.createdAt}#${p.id}`],
    [keys.paymentsOfContract(p.contractId), `${p.verifiedAt ?? '~'}#${p.createdAt}#${p.id}`],
    p, expectedVersion,
  );
}

export function putClaim(db: Db, c: Claim, expectedVersion: number | null): TransactItem {
  const sort = `${c.createdAt}#${c.id}`;
  return putIndexed(db, 'claim', keys.claim(c.id), [keys.claimsByStatus(c.status), sort], [keys.claimsOfContract(c.contractId), sort], c, expectedVersion);
}

/**
 * All reward policies live in one versioned registry item: read strongly consistently by the ledger, and
 * changed only with a version check, so two admins cannot publish overlapping windows at the same moment.
 */
export async function getPolicyRegistry(db: Db): Promise<{ policies: RewardPolicy[]; version: number }> {
  const registry = await getItem<{ policies: RewardPolicy[]; version: number }>(db, keys.policyRegistry());
  return registry ?? { policies: [], version: 0 };
}

export function putPolicyRegistry(db: Db, policies: RewardPolicy[], expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.policyRegistry(), entity: 'policy_registry', policies, version: expectedVersion + 1 },
      ...(expectedVersion === 0 ? absent : versioned(expectedVersion)),
    },
  };
}

export interface AuditRecord {
  subjectId: string;
  subjectType: 'contract' | 'payment' | 'claim' | 'policy' | 'attachment' | 'project' | 'rd_input' | 'application';
  action: string;
  actor: string;
  actorOrgId: string | null;
  requestId: string;
  at: string;
  before: unknown;
  after: unknown;
}

/** An audit record keyed under the contract (or policy) it concerns; insert-only. */
export function putAudit(db: Db, record: AuditRecord, trailOf: string): TransactItem {
  return { Put: { TableName: db.tableName, Item: { ...keys.audit(trailOf, record.at, randomUUID()), entity: 'audit', ...record }, ...absent } };
}

export function normaliseEvidence(ref: string): string {
  return ref.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function reserveEvidence(db: Db, ref: string, paymentId: string): TransactItem {
  return { Put: { TableName: db.tableName, Item: { ...keys.evidence(normaliseEvidence(ref)), entity: 'evidence', paymentId }, ...absent } };
}

export function releaseEvidence(db: Db, ref: string, paymentId: string): TransactItem {
  return {
    Delete: { TableName: db.tableName, Key: keys.evidence(normaliseEvidence(ref)), ConditionExpression: 'paymentId = :p', ExpressionAttributeValues: { ':p': paymentId } },
  };
}

/** Separation of duties, checked inside the deciding transaction: `sub` is not in the record's list `attribute`. */
export function checkNotAmong(db: Db, key: { pk: string; sk: string }, attribute: string, sub: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: db.tableName,
      Key: key,
      ConditionExpression: 'attribute_not_exists(#list) OR NOT contains(#list, :sub)',
      ExpressionAttributeNames: { '#list': attribute },
      ExpressionAttributeValues: { ':sub': sub },
    },
  };
}

/** The claim decision must not come from an admin who verified any of the contract's payments. */
export const checkNotVerifier = (db: Db, contractId: string, sub: string) => checkNotAmong(db, keys.contract(contractId), 'verifiers', sub);

export function putIdempotencyRecord(db: Db, sub: string, key: string, record: { requestHash: string; status: number; body: unknown; at: string }): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      // Kept a day; TTL removes it afterwards.
      Item: { ...keys.idempotency(sub, key), entity: 'idempotency', ...record, expiresAt: Math.floor(Date.parse(record.at) / 1000) + 86_400 },
      ...absent,
    },
  };
}

export async function getItem<T>(db: Db, key: { pk: string; sk: string }): Promise<T | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<T>(out.Item) : null;
}

export const getContract = (db: Db, id: string) => getItem<Contract>(db, keys.contract(id));
export const getPayment = (db: Db, id: string) => getItem<Payment>(db, keys.payment(id));
export const getClaim = (db: Db, id: string) => getItem<Claim>(db, keys.claim(id));
export const getIdempotencyRecord = (db: Db, sub: string, key: string) => getItem<{ requestHash: string; status: number; body: unknown }>(db, keys.idempotency(sub, key));

export async function getBalance(db: Db, contractId: string): Promise<Omit<RewardBalance, 'claimableFen'> | null> {
  return getItem(db, keys.balance(contractId));
}

/** Every item of a partition (optionally a sort-key prefix), all pages; the base table is read strongly consistently. */
export async function queryAll<T>(db: Db, input: { index?: 'gsi1' | 'gsi2'; partition: string; skPrefix?: string }): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  const pkAttr = input.index ? `${input.index}pk` : 'pk';
  do {
    const out = await call(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          ...(input.index ? { IndexName: input.index } : { ConsistentRead: true }),
          KeyConditionExpression: input.skPrefix ? `${pkAttr} = :p AND begins_with(sk, :prefix)` : `${pkAttr} = :p`,
          ExpressionAttributeValues: { ':p': input.partition, ...(input.skPrefix ? { ':prefix': input.skPrefix } : {}) },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      ),
    );
    items.push(...(out.Items ?? []).map((i) => stripStorageAttributes<T>(i)));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export const paymentsOf = (db: Db, contractId: string) => queryAll<Payment>(db, { index: 'gsi2', partition: keys.paymentsOfContract(contractId) });
export const claimsOf = (db: Db, contractId: string) => queryAll<Claim>(db, { index: 'gsi2', partition: keys.claimsOfContract(contractId) });
/** Read from the base table (strongly consistent), not an index: the ledger decides money. */
export const ledgerOf = (db: Db, contractId: string) => queryAll<LedgerEntry>(db, { partition: `CONTRACT#${contractId}`, skPrefix: 'LEDGER#' });
export const policiesInForce = async (db: Db) => (await getPolicyRegistry(db)).policies;
export const contractsWithStatus = (db: Db, status: string) => queryAll<Contract>(db, { index: 'gsi1', partition: keys.contractsByStatus(status) });
export const contractsOfBroker = (db: Db, orgId: string) => queryAll<Contract>(db, { index: 'gsi2', partition: keys.contractsOfBroker(orgId) });
export const paymentsWithStatus = (db: Db, status: string) => queryAll<Payment>(db, { index: 'gsi1', partition: keys.paymentsByStatus(status) });
export const claimsWithStatus = (db: Db, status: string) => queryAll<Claim>(db, { index: 'gsi1', partition: keys.claimsByStatus(status) });
export const auditTrail = (db: Db, subjectId: string) => queryAll<AuditRecord>(db, { partition: `AUDIT#${subjectId}` });

/** The next registration number of a year (atomic counter; a failed registration leaves a gap, never a duplicate). */
export async function nextRegistrationNumber(db: Db, year: string): Promise<string> {
  const out = await call(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.registrationCounter(year),
        UpdateExpression: 'ADD seq :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    ),
  );
  // 石嘴山 division 6402 + year + sequence: e.g. 64022026000017.
  return `6402${year}${String(out.Attributes?.seq ?? 0).padStart(6, '0')}`;
}
