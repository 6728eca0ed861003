/**
 * Idempotency-Key for money writes: the same key with the same body replays the first response; the
 * same key with a different body is a 409. The record is written in the same transaction as the change
 * itself (failing index 0 = key already used), so two racing retries cannot both write.
 */
import { createHash } from 'node:crypto';
import * as repo from '../db/contracts';
import type { Db } from '../db/client';
import { DomainError } from '../domain/errors';

export interface IdempotencyRequest {
  key: string;
  requestHash: string;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([method, path, body])).digest('hex');
}

export async function idempotent<T>(db: Db, sub: string, request: IdempotencyRequest | undefined, run: () => Promise<T>): Promise<{ replayed: boolean; body: T }> {
  if (!request) return { replayed: false, body: await run() };
  const replay = async () => {
    const existing = await repo.getIdempotencyRecord(db, sub, request.key);
    if (!existing) return null;
    if (existing.requestHash !== request.requestHash) throw new DomainError('idempotency_key_reused');
    return { replayed: true, body: existing.body as T };
  };
  const first = await replay();
  if (first) return first;
  try {
    return { replayed: false, body: await run() };
  } catch (error) {
    // Lost the race to a retry with the same key: answer what that one answered.
    if (error instanceof DomainError && error.code === 'idempotency_key_reused') {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}
