/**
 * Errors of the Meilisearch adapter: MeilisearchIndexError, and the Meilisearch API error (with its error
 * code) found in the cause chain of what the client throws. Part of the adapter (../meilisearch-index.ts).
 */
import { MeilisearchApiError } from 'meilisearch';

/** An error from this adapter; `cause` is the client error or the failed task. */
export class MeilisearchIndexError extends Error {
  override name = 'MeilisearchIndexError';
  /** Meilisearch error code (e.g. 'invalid_search_filter', 'index_not_found') when known. */
  readonly code: string | undefined;
  readonly taskUid: number | undefined;
  constructor(message: string, options: { cause?: unknown; code?: string; taskUid?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.taskUid = options.taskUid;
  }
}

/**
 * The API error in an error's cause chain: through `httpClient`, the client wraps every error the hook
 * throws (API errors included) in a MeilisearchRequestError "Request to … has failed".
 */
export function findApiError(error: unknown): MeilisearchApiError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof MeilisearchApiError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The Meilisearch error code of an error (e.g. 'index_not_found'), if it carries one. */
export function meiliCode(error: unknown): string | undefined {
  if (error instanceof MeilisearchIndexError) return error.code;
  return findApiError(error)?.cause?.code;
}
