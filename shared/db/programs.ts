/**
 * Maturation projects, their R&D input, program applications, once-per-institution locks and each
 * program's balance with its entries. Writes are transaction items, committed with their audit records
 * by shared/services/programs.ts; every write is conditional (absent, or at the version read).
 */
import type { ProgramApplication, MaturationProject, RdInput } from '../domain/programs';
import type { Db } from './client';
import { checkNotAmong, getItem, queryAll, type TransactItem } from './contracts';
import { keys } from './keys';

const versioned = (expected: number) => ({ ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected } });
const absent = { ConditionExpression: 'attribute_not_exists(pk)' };

function put(db: Db, entity: string, key: { pk: string; sk: string }, index: Record<string, string>, record: object, expectedVersion: number | null): TransactItem {
  return { Put: { TableName: db.tableName, Item: { ...key, ...index, entity, ...record }, ...(expectedVersion === null ? absent : versioned(expectedVersion)) } };
}

export function putProject(db: Db, p: MaturationProject, expectedVersion: number | null): TransactItem {
  const sort = `${p.createdAt}#${p.id}`;
  return put(db, 'project', keys.project(p.id), { gsi1pk: keys.projectsOfOrg(p.ownerOrgId), gsi1sk: sort, gsi2pk: keys.allProjects(), gsi2sk: sort }, p, expectedVersion);
}

export function putRdInput(db: Db, i: RdInput, expectedVersion: number | null): TransactItem {
  const sort = `${i.createdAt}#${i.id}`;
  return put(db, 'rd_input', keys.rdInput(i.id), { gsi1pk: keys.rdInputsByStatus(i.status), gsi1sk: sort, gsi2pk: keys.rdInputsOfProject(i.projectId), gsi2sk: sort }, i, expectedVersion);
}

export function putApplication(db: Db, a: ProgramApplication, expectedVersion: number | null): TransactItem {
  const sort = `${a.createdAt}#${a.id}`;
  return put(db, 'application', keys.application(a.id), { gsi1pk: keys.applicationsByStatus(a.status), gsi1sk: sort, gsi2pk: keys.applicationsOfOrg(a.applicantOrgId), gsi2sk: sort }, a, expectedVersion);
}

export function takeGrantLock(db: Db, program: string, orgId: string, applicationId: string): TransactItem {
  return { Put: { TableName: db.tableName, Item: { ...keys.grantLock(program, orgId), entity: 'grant_lock', applicationId }, ...absent } };
}

export function releaseGrantLock(db: Db, program: string, orgId: string, applicationId: string): TransactItem {
  return { Delete: { TableName: db.tableName, Key: keys.grantLock(program, orgId), ConditionExpression: 'applicationId = :a', ExpressionAttributeValues: { ':a': applicationId } } };
}

/** The decision must not come from an admin who verified the project's R&D input. */
export const checkNotInputVerifier = (db: Db, projectId: string, sub: string) => checkNotAmong(db, keys.project(projectId), 'inputVerifiers', sub);

export interface ProgramEntry {
  program: string;
  action: 'approve' | 'pay';
  applicationId: string;
  applicantOrgId: string;
  amountFen: number;
  at: string;
}

/**
 * One entry (insert-only, keyed by application and action) and the program balance moved by the same
 * amount: an approval or payout can land once, and the balance is always the sum of its entries.
 */
export function postProgramEntry(db: Db, entry: ProgramEntry): TransactItem[] {
  const field = entry.action === 'approve' ? 'approvedFen' : 'paidFen';
  return [
    { Put: { TableName: db.tableName, Item: { ...keys.programEntry(entry.program, entry.action, entry.applicationId), entity: 'program_entry', ...entry }, ...absent } },
    {
      Update: {
        TableName: db.tableName,
        Key: keys.programBalance(entry.program),
        UpdateExpression: 'SET #e = :entity, #p = :program ADD #f :amount, #n :one, #v :one',
        ExpressionAttributeNames: { '#e': 'entity', '#p': 'program', '#f': field, '#n': 'entries', '#v': 'version' },
        ExpressionAttributeValues: { ':entity': 'program_balance', ':program': entry.program, ':amount': entry.amountFen, ':one': 1 },
      },
    },
  ];
}

export interface ProgramBalance {
  program: string;
  approvedFen: number;
  paidFen: number;
  entries: number;
  version: number;
}

export const getProject = (db: Db, id: string) => getItem<MaturationProject>(db, keys.project(id));
export const getApplication = (db: Db, id: string) => getItem<ProgramApplication>(db, keys.application(id));
export const getRdInput = (db: Db, id: string) => getItem<RdInput>(db, keys.rdInput(id));
export const projectsOfOrg = (db: Db, orgId: string) => queryAll<MaturationProject>(db, { index: 'gsi1', partition: keys.projectsOfOrg(orgId) });
export const allProjects = (db: Db) => queryAll<MaturationProject>(db, { index: 'gsi2', partition: keys.allProjects() });
export const inputsOf = (db: Db, projectId: string) => queryAll<RdInput>(db, { index: 'gsi2', partition: keys.rdInputsOfProject(projectId) });
export const rdInputsWithStatus = (db: Db, status: string) => queryAll<RdInput>(db, { index: 'gsi1', partition: keys.rdInputsByStatus(status) });
export const applicationsWithStatus = (db: Db, status: string) => queryAll<ProgramApplication>(db, { index: 'gsi1', partition: keys.applicationsByStatus(status) });
export const applicationsOfOrg = (db: Db, orgId: string) => queryAll<ProgramApplication>(db, { index: 'gsi2', partition: keys.applicationsOfOrg(orgId) });
export const programEntries = (db: Db, program: string) => queryAll<ProgramEntry>(db, { partition: `PROGRAM#${program}`, skPrefix: 'ENTRY#' });
export async function programBalance(db: Db, program: string): Promise<ProgramBalance> {
  // ADD creates each figure on its first movement: an approval before any payout has no paidFen yet.
  const stored = await getItem<Partial<ProgramBalance>>(db, keys.programBalance(program));
  return { program, approvedFen: stored?.approvedFen ?? 0, paidFen: stored?.paidFen ?? 0, entries: stored?.entries ?? 0, version: stored?.version ?? 0 };
}
