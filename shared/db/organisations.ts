/** Organisations, their credit-code uniqueness guard, and memberships. */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import type { Organisation, VerificationStatus } from '../domain/organisation';
import type { Role } from '../auth/principal';
import type { Db } from './client';
import { cancellationReasons, db as call, isConditionalCheckFailed, isTransactionConflict } from './errors';
import { keys, stripStorageAttributes } from './keys';
import { personJoinsOrganisation } from './people';
import { queryPartitionPage, type PageRequest } from './pages';

export interface Membership {
  sub: string;
  orgId: string;
  role: Role | null;
  joinedAt: string;
}

function organisationItem(org: Organisation) {
  return {
    ...keys.organisation(org.id),
    gsi1pk: keys.organisationsByVerification(org.verification.status),
    gsi1sk: `${org.createdAt}#${org.id}`,
    entity: 'organisation',
    ...org,
  };
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.organisation(id), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<Organisation>(out.Item) : null;
}

export async function getMembership(db: Db, sub: string): Promise<Membership | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.membership(sub), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<Membership>(out.Item) : null;
}

/**
 * Registers an organisation, reserves its credit code and (when a person registers it) makes that person
 * its first member — all or nothing.
 */
export async function insertOrganisation(db: Db, org: Organisation, member?: Membership): Promise<void> {
  const items = [
    { Put: { TableName: db.tableName, Item: organisationItem(org), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.creditCode(org.creditCode), entity: 'credit_code', orgId: org.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(member
      ? [
          { Put: { TableName: db.tableName, Item: { ...keys.membership(member.sub), entity: 'membership', ...member }, ConditionExpression: 'attribute_not_exists(pk)' } },
          // Mail for the organisation reaches its first member from now on.
          personJoinsOrganisation(db, member.sub, org.id),
        ]
      : []),
  ];
  try {
    await call(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
  } catch (error) {
    if (isTransactionConflict(error)) throw new DomainError('version_conflict', [], { cause: error });
    const reasons = cancellationReasons(error);
    if (reasons?.[1] === 'ConditionalCheckFailed') throw new DomainError('credit_code_taken', [{ path: 'creditCode', code: 'credit_code_taken', message: 'already registered', messageZh: '该代码已被注册' }]);
    if (reasons?.[2] === 'ConditionalCheckFailed' || reasons?.[3] === 'ConditionalCheckFailed') throw new DomainError('already_member');
    if (reasons?.[0] === 'ConditionalCheckFailed') throw new DomainError('version_conflict');
    throw error;
  }
}

/** Writes a changed organisation if nobody changed it since `expectedVersion`. */
export async function replaceOrganisation(db: Db, org: Organisation, expectedVersion: number): Promise<void> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: organisationItem(org),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new DomainError('version_conflict');
    throw error;
  }
}

export async function listOrganisationsByVerification(
  db: Db,
  status: VerificationStatus,
  page: PageRequest,
): Promise<{ items: Organisation[]; nextCursor: string | null }> {
  // The bureau's queue: oldest first, so nobody waits behind newer applications.
  return queryPartitionPage<Organisation>(db, 'gsi1', keys.organisationsByVerification(status), page, { newestFirst: false });
}
