/**
 * One-click unsubscribe links (RFC 8058): a token naming the person and the kind of mail, signed with
 * HMAC-SHA256 under MAIL_LINK_SECRET, so the link works without signing in and cannot be forged to
 * unsubscribe someone else. No expiry: an old mail's link must keep working.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAIL_KINDS, type MailKind } from '../domain/mail';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function signature(secret: string, sub: string, kind: MailKind): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe\n${sub}\n${kind}`).digest();
}

export function unsubscribeToken(secret: string, sub: string, kind: MailKind): string {
  return `${b64(sub)}.${kind}.${b64(signature(secret, sub, kind))}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { sub: string; kind: MailKind } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [subPart, kind, sigPart] = parts as [string, string, string];
  if (!(MAIL_KINDS as readonly string[]).includes(kind) || !/^[A-Za-z0-9_-]{1,200}$/.test(subPart) || !/^[A-Za-z0-9_-]{43}$/.test(sigPart)) return null;
  const sub = Buffer.from(subPart, 'base64url').toString('utf8');
  const expected = signature(secret, sub, kind as MailKind);
  const given = Buffer.from(sigPart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { sub, kind: kind as MailKind };
}

export function unsubscribeUrl(siteUrl: string, secret: string, sub: string, kind: MailKind): string {
  return `${siteUrl.replace(/\/$/, '')}/unsubscribe?t=${encodeURIComponent(unsubscribeToken(secret, sub, kind))}`;
}
