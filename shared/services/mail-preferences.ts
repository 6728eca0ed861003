/** A person's mail settings, and the signed one-click unsubscribe that works without signing in. */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getMailPreferences, getPerson, putMailPreferences } from '../db/people';
import { DomainError } from '../domain/errors';
import type { MailKind, MailPreferences } from '../domain/mail';
import { verifyUnsubscribeToken } from '../mail/links';
import { requireSignedIn } from './access';
import { retryOnConflict } from './retry';

export async function readMailSettings(db: Db, principal: Principal | null) {
  const caller = requireSignedIn(principal);
  const [prefs, person] = await Promise.all([getMailPreferences(db, caller.sub), getPerson(db, caller.sub)]);
  const { version: _v, ...rest } = prefs;
  return { ...rest, address: person?.email ?? null };
}

export async function saveMailSettings(db: Db, principal: Principal | null, body: MailPreferences, now: Date): Promise<MailPreferences> {
  const caller = requireSignedIn(principal);
  return retryOnConflict(async () => {
    const current = await getMailPreferences(db, caller.sub);
    if (!(await putMailPreferences(db, caller.sub, body, current.version, now.toISOString()))) throw new DomainError('version_conflict');
    return body;
  });
}

/** The link's person and kind, or unsubscribe_link_invalid; nothing changes. */
export async function unsubscribeTarget(db: Db, secret: string, token: string): Promise<{ sub: string; kind: MailKind; address: string | null }> {
  const target = verifyUnsubscribeToken(secret, token);
  if (!target) throw new DomainError('unsubscribe_link_invalid');
  const person = await getPerson(db, target.sub);
  return { ...target, address: person?.email ?? null };
}

/** Turns one kind of mail off for the link's person (repeatable: a second click changes nothing). */
export async function unsubscribe(db: Db, secret: string, token: string, now: Date): Promise<{ sub: string; kind: MailKind; address: string | null }> {
  const target = await unsubscribeTarget(db, secret, token);
  await retryOnConflict(async () => {
    const current = await getMailPreferences(db, target.sub);
    if (!current.email[target.kind]) return;
    const { version, ...prefs } = current;
    if (!(await putMailPreferences(db, target.sub, { ...prefs, email: { ...prefs.email, [target.kind]: false } }, version, now.toISOString()))) throw new DomainError('version_conflict');
  });
  return target;
}

/** a***@example.cn: enough for a person to recognise their address on a page anyone with the link can open. */
export function maskAddress(address: string | null): string {
  if (!address) return '';
  const [local, domain] = address.split('@') as [string, string | undefined];
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}
