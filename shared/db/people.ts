/**
 * People as mail needs them (address, name, organisation, admin), their mail preferences, and the
 * addresses SES told us to stop writing to. The person record is refreshed at every sign-in by the
 * pre-token-generation trigger (Cognito holds the verified address) and, locally, by the seed.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_MAIL_PREFERENCES, mailPreferencesBody, type MailPerson, type MailPreferences } from '../domain/mail';
import type { Db } from './client';
import { queryAll } from './contracts';
import { db as call, isConditionalCheckFailed } from './errors';
import { keys, stripStorageAttributes } from './keys';

/**
 * Writes what sign-in knows about a person. The organisation is only written when known (a token may
 * predate the membership that registering an organisation creates); a write older than the stored
 * one loses.
 */
export async function savePerson(db: Db, person: Omit<MailPerson, 'orgId'> & { orgId?: string | null }, at: string): Promise<boolean> {
  const set = ['#email = :email', '#name = :name', 'isAdmin = :admin', 'updatedAt = :at', '#sub = :sub'];
  const values: Record<string, unknown> = { ':email': person.email, ':name': person.name, ':admin': person.isAdmin, ':at': at, ':sub': person.sub };
  const remove: string[] = [];
  if (person.orgId) {
    set.push('orgId = :org', 'gsi1pk = :people', 'gsi1sk = :sub');
    values[':org'] = person.orgId;
    values[':people'] = keys.peopleOfOrg(person.orgId);
  }
  if (person.isAdmin) {
    set.push('gsi2pk = :admins', 'gsi2sk = :sub');
    values[':admins'] = keys.admins();
  } else remove.push('gsi2pk', 'gsi2sk');
  try {
    await call(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.person(person.sub),
          UpdateExpression: `SET entity = :entity, ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_not_exists(updatedAt) OR updatedAt <= :at',
          ExpressionAttributeNames: { '#email': 'email', '#name': 'name', '#sub': 'sub' },
          ExpressionAttributeValues: { ...values, ':entity': 'person' },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** The update that files a person under their new organisation (part of registering it). */
export function personJoinsOrganisation(db: Db, sub: string, orgId: string) {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.person(sub),
      UpdateExpression: 'SET entity = :entity, #sub = :sub, orgId = :org, gsi1pk = :people, gsi1sk = :sub',
      // Only an unfiled person (or a repeat of this very filing) moves: membership is checked beside it.
      ConditionExpression: 'attribute_not_exists(orgId) OR orgId = :org',
      ExpressionAttributeNames: { '#sub': 'sub' },
      ExpressionAttributeValues: { ':entity': 'person', ':sub': sub, ':org': orgId, ':people': keys.peopleOfOrg(orgId) },
    },
  };
}

export async function getPerson(db: Db, sub: string): Promise<MailPerson | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.person(sub), ConsistentRead: true })));
  if (!out.Item) return null;
  const p = stripStorageAttributes<Partial<MailPerson>>(out.Item);
  return { sub, email: p.email ?? null, name: p.name ?? sub, orgId: p.orgId ?? null, isAdmin: p.isAdmin === true };
}

const asPerson = (p: Partial<MailPerson> & { sub: string }): MailPerson => ({ sub: p.sub, email: p.email ?? null, name: p.name ?? p.sub, orgId: p.orgId ?? null, isAdmin: p.isAdmin === true });

export async function peopleOfOrganisation(db: Db, orgId: string): Promise<MailPerson[]> {
  return (await queryAll<Partial<MailPerson> & { sub: string }>(db, { index: 'gsi1', partition: keys.peopleOfOrg(orgId) })).map(asPerson);
}

export async function admins(db: Db): Promise<MailPerson[]> {
  return (await queryAll<Partial<MailPerson> & { sub: string }>(db, { index: 'gsi2', partition: keys.admins() })).map(asPerson);
}

export async function getMailPreferences(db: Db, sub: string): Promise<MailPreferences & { version: number }> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.mailPreferences(sub), ConsistentRead: true })));
  if (!out.Item) return { ...DEFAULT_MAIL_PREFERENCES, version: 0 };
  // Kinds added after the person saved their choice start switched on.
  const stored = out.Item as Partial<MailPreferences> & { version?: number };
  const merged = { email: { ...DEFAULT_MAIL_PREFERENCES.email, ...(stored.email ?? {}) }, matchDelivery: stored.matchDelivery ?? 'instant', language: stored.language ?? 'both' };
  return { ...mailPreferencesBody.parse(merged), version: stored.version ?? 0 };
}

/** Replaces a person's preferences if nobody changed them since `expectedVersion` was read. */
export async function putMailPreferences(db: Db, sub: string, prefs: MailPreferences, expectedVersion: number, at: string): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.mailPreferences(sub), entity: 'mail_preferences', sub, ...prefs, version: expectedVersion + 1, updatedAt: at },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function isSuppressed(db: Db, email: string): Promise<boolean> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.suppressedAddress(email), ConsistentRead: true })));
  return !!out.Item;
}

/** Adds an address to the suppression list (the first report stands; later ones change nothing). */
export async function suppressAddress(db: Db, email: string, reason: 'bounce' | 'complaint', detail: string, at: string): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.suppressedAddress(email), entity: 'suppressed_address', email: email.toLowerCase(), reason, detail: detail.slice(0, 500), at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
