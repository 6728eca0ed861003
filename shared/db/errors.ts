/**
 * Translating AWS failures into the marketplace's stable errors, keeping the AWS error as `cause`.
 */
import { DomainError } from '../domain/errors';

/** DynamoDB refused the request: it was not applied. */
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ResourceNotFoundException',
]);
/** The connection could not be made: the request never reached the database. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH']);
/** The request left but no answer came back: it may have been applied. */
const NO_ANSWER = new Set(['TimeoutError', 'RequestTimeout']);
const NO_ANSWER_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET']);

export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** The per-item reasons of a cancelled transaction, e.g. ['None', 'ConditionalCheckFailed']. */
export function cancellationReasons(error: unknown): string[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (reasons) return reasons.map((r) => r.Code ?? 'None');
  // Some SDK builds only keep the reasons in the message: "... [None, ConditionalCheckFailed]".
  const match = /\[([^\]]*)\]/.exec(error.message);
  return match ? match[1]!.split(',').map((s) => s.trim()) : [];
}

/**
 * Rethrows `error` as a DomainError when it means "the database is unavailable": `storage_unavailable`
 * when the request certainly was not applied, `storage_timeout` when it left and no answer came back (it
 * may have been). Anything else is returned unchanged.
 */
export function toStorageError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof Error) {
    const code = (error as Error & { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
    if (UNAVAILABLE.has(error.name) || (code && UNREACHABLE_CODES.has(code)) || /ECONNREFUSED/.test(error.message)) {
      return new DomainError('storage_unavailable', [], { cause: error });
    }
    if (NO_ANSWER.has(error.name) || (code && NO_ANSWER_CODES.has(code)) || /socket hang up|ECONNRESET/.test(error.message)) {
      return new DomainError('storage_timeout', [], { cause: error });
    }
  }
  return error;
}

/**
 * Real DynamoDB cancels a transaction that collides with another one in flight (TransactionConflict);
 * DynamoDB Local never does. Either way it is a concurrent change: the caller should re-read and retry.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (error instanceof Error && error.name === 'TransactionInProgressException') return true;
  return cancellationReasons(error)?.includes('TransactionConflict') ?? false;
}

/** Runs a database call and maps unavailability to `storage_unavailable`. */
export async function db<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStorageError(error);
  }
}
