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

const SOURCES = [
  ['achievement', PUBLIC_ACHIEVEMENT_STATUSES, (r: unknown) => achievementDocument(r as Achievement)],
  ['need', PUBLIC_NEED_STATUSES, (r: unknown) => needDocument(r as Need)],
] as const;

/** Every public listing in the table, as the document the index should hold for it. */
async function* publicDocuments(db: Db, kind: (typeof SOURCES)[number][0]): AsyncGenerator<SearchDocument[]> {
  const [, statuses, toDocument] = SOURCES.find(([k]) => k === kind)!;
  for (const status of statuses) {
    let cursor: string | undefined;
    do {
      const page = await queryListings(db, kind, { scope: { status }, filter: {}, limit: 100, ...(cursor ? { cursor } : {}) });
      yield page.items.map(toDocument);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}

export interface IndexDrift {
  /** Public in the table, absent from the index. */
  missing: string[];
  /** In the index, not public in the table. */
  extra: string[];
  /** In both, but the index holds another version of the document. */
  stale: string[];
}

/** Compares the index with the table, document by document (for reconciliation checks and alarms). */
export async function indexDrift(db: Db, index: SearchIndex): Promise<IndexDrift> {
  const drift: IndexDrift = { missing: [], extra: [], stale: [] };
  for (const [kind] of SOURCES) {
    const name = INDEX_OF[kind];
    const expected = new Set<string>();
    for await (const documents of publicDocuments(db, kind)) {
      for (const document of documents) {
        expected.add(document.id);
        const held = await index.get(name, document.id);
        if (!held) drift.missing.push(document.id);
        else if (canonical(held) !== canonical(document)) drift.stale.push(document.id);
      }
    }
    drift.extra.push(...(await index.allIds(name)).filter((id) => !expected.has(id)));
  }
  return drift;
}

/**
 * JSON with every object's keys in order, at every depth (`view` and `terms` are nested; an engine need
 * not keep key order). A document indexed before its kind gained a field (e.g. `terms`) reads as stale,
 * so the nightly reconcile rewrites it.
 */
function canonical(value: unknown): string {
  const order = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(order) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, order(x)])) : v;
  return JSON.stringify(order(value));
}

export async function reindexFromTable(db: Db, index: SearchIndex): Promise<{ indexed: number; removed: number }> {
  let indexed = 0;
  let removed = 0;
  for (const [kind] of SOURCES) {
    const keep = new Set<string>();
    for await (const documents of publicDocuments(db, kind)) {
      if (documents.length) await index.upsert(INDEX_OF[kind], documents);
      for (const d of documents) keep.add(d.id);
      indexed += documents.length;
    }
    const stale = (await index.allIds(INDEX_OF[kind])).filter((id) => !keep.has(id));
    if (stale.length) await index.remove(INDEX_OF[kind], stale);
    removed += stale.length;
  }
  return { indexed, removed };
}
