/**
 * Document ids in Meilisearch: ours as they are when Meilisearch accepts them, base64url-encoded behind a
 * marker prefix when not. Part of the adapter (../meilisearch-index.ts).
 */
import { MeilisearchIndexError } from './errors';

/** Meilisearch document ids: a–z A–Z 0–9 - _, at most 511 bytes. */
const MEILI_ID = /^[A-Za-z0-9_-]{1,511}$/;
/** Marks an id stored base64url-encoded. Ids that start with it are encoded too, so decoding is unambiguous. */
const ENCODED_ID_PREFIX = 'x-b64-';

/** Our id → the id stored in Meilisearch (identity for ordinary ids like `ach_01J…`). */
export function toMeiliId(id: string): string {
  if (MEILI_ID.test(id) && !id.startsWith(ENCODED_ID_PREFIX)) return id;
  const encoded = ENCODED_ID_PREFIX + Buffer.from(id, 'utf8').toString('base64url');
  if (!MEILI_ID.test(encoded)) {
    throw new MeilisearchIndexError(`document id too long for Meilisearch once encoded (${id.length} chars)`);
  }
  return encoded;
}

/** The id stored in Meilisearch → our id. */
export function fromMeiliId(stored: string): string {
  if (!stored.startsWith(ENCODED_ID_PREFIX)) return stored;
  return Buffer.from(stored.slice(ENCODED_ID_PREFIX.length), 'base64url').toString('utf8');
}

/** toMeiliId, or null for an id that cannot be stored (so cannot be in the index). */
export function tryToMeiliId(id: string): string | null {
  try {
    return toMeiliId(id);
  } catch {
    return null;
  }
}
