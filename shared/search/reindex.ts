/**
 * Rebuilds the index from the table (the embedded engine at start; Meilisearch after an outage), and
 * reconciles: documents the table no longer lists publicly are removed. Returns the drift it repaired.
 */
import type { Db } from '../db/client';
import { queryListings } from '../db/listings';
import { PUBLIC_ACHIEVEMENT_STATUSES, type Achievement } from '../domain/achievement';
import { PUBLIC_NEED_STATUSES, type Need } from '../domain/need';
import { achievementDocument, needDocument } from './documents';
import { INDEX_OF } from './indexer';
import type { SearchDocument, SearchIndex } from './search-index';

export async function reindexFromTable(db: Db, index: SearchIndex): Promise<{ indexed: number; removed: number }> {
  let indexed = 0;
  let removed = 0;
  for (const [kind, statuses, toDocument] of [
    ['achievement', PUBLIC_ACHIEVEMENT_STATUSES, (r: unknown) => achievementDocument(r as Achievement)],
    ['need', PUBLIC_NEED_STATUSES, (r: unknown) => needDocument(r as Need)],
  ] as const) {
    const keep = new Set<string>();
    for (const status of statuses) {
      let cursor: string | undefined;
      do {
        const page = await queryListings(db, kind, { scope: { status }, filter: {}, limit: 100, ...(cursor ? { cursor } : {}) });
        const documents: SearchDocument[] = page.items.map(toDocument);
        if (documents.length) await index.upsert(INDEX_OF[kind], documents);
        for (const d of documents) keep.add(d.id);
        indexed += documents.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    const stale = (await index.allIds(INDEX_OF[kind])).filter((id) => !keep.has(id));
    if (stale.length) await index.remove(INDEX_OF[kind], stale);
    removed += stale.length;
  }
  return { indexed, removed };
}
