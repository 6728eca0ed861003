/**
 * Fixed-window write counters per client, kept in the table so every Lambda instance shares them: one
 * conditional ADD per write request, refused once the window's count reaches the limit. Windows expire
 * by TTL a minute after they close.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import { db as call, isConditionalCheckFailed } from './errors';
import { keys } from './keys';

export interface RateLimit {
  /** Writes allowed per client per window. */
  limit: number;
  windowSeconds: number;
}

/** Counts one write for `client` now; `retryAfterSeconds` is set when the window is already full. */
export async function takeWriteSlot(database: Db, client: string, limit: RateLimit, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
  const windowEnd = windowStart + limit.windowSeconds;
  try {
    await call(() =>
      database.doc.send(
        new UpdateCommand({
          TableName: database.tableName,
          Key: keys.rateWindow(client, windowStart),
          UpdateExpression: 'ADD writes :one SET entity = :entity, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(writes) OR writes < :limit',
          ExpressionAttributeValues: { ':one': 1, ':entity': 'rate-window', ':expires': windowEnd + 60, ':limit': limit.limit },
        }),
      ),
    );
    return { allowed: true };
  } catch (error) {
    if (isConditionalCheckFailed(error)) return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
    throw error;
  }
}

/** `RATE_LIMIT_WRITES_PER_MINUTE` (default 60; 0 turns the limit off). */
export function rateLimitFromEnv(env: Record<string, string | undefined> = process.env): RateLimit | undefined {
  const raw = env.RATE_LIMIT_WRITES_PER_MINUTE ?? '60';
  if (!/^\d{1,6}$/.test(raw)) throw new Error(`RATE_LIMIT_WRITES_PER_MINUTE must be a whole number, not ${raw}`);
  const limit = Number(raw);
  return limit === 0 ? undefined : { limit, windowSeconds: 60 };
}
