/**
 * Opaque pagination cursors. A cursor is the key of the last item returned, tied to the partition it was
 * read from: a cursor from one list cannot be replayed against another (e.g. to start inside the drafts
 * partition), and anything that is not one of our keys is refused.
 */
import { DomainError } from '../domain/errors';

type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expected: { keyAttributes: readonly string[]; partitionAttribute: string; partitionValue: string }): Key {
  let parsed: unknown;
  try {
    if (cursor.length > 1024) throw new Error('too long');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('invalid_cursor');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new DomainError('invalid_cursor');
  const entries = Object.entries(parsed);
  const wanted = new Set(expected.keyAttributes);
  if (
    entries.length !== wanted.size ||
    entries.some(([k, v]) => !wanted.has(k) || typeof v !== 'string' || v.length === 0 || v.length > 300 || !/^[A-Za-z0-9#_:.\-]+$/.test(v)) ||
    (parsed as Key)[expected.partitionAttribute] !== expected.partitionValue
  ) {
    throw new DomainError('invalid_cursor');
  }
  return parsed as Key;
}
