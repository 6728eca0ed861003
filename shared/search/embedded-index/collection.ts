/**
 * The embedded engine's storage: one Collection per index, holding each document's weighted terms, the
 * inverted index (postings, packed into typed arrays when long), columns of the filterable fields and
 * facet codes, all keyed by a dense document ordinal. Part of the embedded engine (../embedded-index.ts).
 */
import type { SearchDocument } from '../search-index';
import { FACET_FIELDS, FILTERABLE_FIELDS } from '../search-index';
import { FIELD_WEIGHTS, SEARCHABLE_FIELDS } from '../settings';
import { storedFieldTokens } from '../listing-terms';
import { synonymsOf, tokenize } from '../tokenizer';

/** Postings at least this long are also kept packed in typed arrays (see Collection.postingList). */
const PACK_FROM = 64;
/** Room for distinct facet values (industries, districts, modes, bands …: about a hundred in practice). */
export const FACET_STRIDE = 1 << 16;

export interface Entry {
  /** Dense number of this document, the index into per-query score arrays. */
  ordinal: number;
  doc: SearchDocument;
  /** Σ field weight × term frequency, per term. */
  termWeights: Map<string, number>;
  length: number;
  /**
   * Every facet value of the document as one integer, FACET_FIELDS position × FACET_STRIDE + value id
   * (see Collection.facetValueId), computed once at upsert: counting facets is one pass over typed arrays.
   */
  facetCodes: Int32Array;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * One index. Documents get a dense ordinal so that scoring accumulates into typed arrays and postings
 * are keyed by small integers: per-candidate work with string-keyed maps was most of a search's cost.
 */
export class Collection {
  readonly entries = new Map<string, Entry>();
  readonly byOrdinal: (Entry | undefined)[] = [];
  private readonly ordinals = new Map<string, number>();
  /** term → (ordinal → weighted term frequency). */
  readonly postings = new Map<string, Map<number, number>>();
  /**
   * The same postings packed into typed arrays, built on first use and dropped when a document holding
   * the term changes: walking a Map of thousands of entries per term was most of a query's cost.
   */
  private readonly packed = new Map<string, { ordinals: Int32Array; tfs: Float64Array }>();
  /** Filterable field → value by ordinal (see compileFilter in filter.ts). */
  readonly columns = new Map<string, unknown[]>(FILTERABLE_FIELDS.map((f) => [f, []]));
  /** Document length by ordinal (0 for a removed document). */
  lengths = new Float64Array(1024);
  totalLength = 0;
  readonly facetValueNames: string[] = [];
  private readonly facetValueIds = new Map<string, number>();

  facetValueId(value: string): number {
    let id = this.facetValueIds.get(value);
    if (id === undefined) {
      if (this.facetValueNames.length >= FACET_STRIDE) throw new Error(`more than ${FACET_STRIDE} distinct facet values`);
      id = this.facetValueNames.length;
      this.facetValueNames.push(value);
      this.facetValueIds.set(value, id);
    }
    return id;
  }

  upsert(doc: SearchDocument) {
    this.remove(doc.id);
    this.frequencies.clear();
    let ordinal = this.ordinals.get(doc.id);
    if (ordinal === undefined) {
      ordinal = this.byOrdinal.length;
      this.ordinals.set(doc.id, ordinal);
      this.byOrdinal.push(undefined);
      if (ordinal >= this.lengths.length) {
        const grown = new Float64Array(this.lengths.length * 2);
        grown.set(this.lengths);
        this.lengths = grown;
      }
    }
    const termWeights = new Map<string, number>();
    let length = 0;
    for (const field of SEARCHABLE_FIELDS) {
      const value = doc[field];
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      // Title, body and criteria were segmented when the document was built (the same tokenize).
      const tokens = (field === 'title' || field === 'body' || field === 'criteria' ? storedFieldTokens(doc, field) : null) ?? tokenize(text);
      // Keywords are chosen by the owner: each keyword also counts whole, even if jieba would split it.
      if (field === 'keywords') tokens.push(...doc.keywords.map((k) => k.toLowerCase()));
      for (const token of tokens) termWeights.set(token, (termWeights.get(token) ?? 0) + FIELD_WEIGHTS[field]);
      length += tokens.length * FIELD_WEIGHTS[field];
    }
    const facetCodes = Int32Array.from(
      FACET_FIELDS.flatMap((field, position) => {
        const value = doc[field];
        return (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== '').map((v) => position * FACET_STRIDE + this.facetValueId(String(v)));
      }),
    );
    // Stored frozen and handed out as is: copying each hit was a large part of a search's cost.
    const entry: Entry = { ordinal, doc: deepFreeze(structuredClone(doc)), termWeights, length, facetCodes };
    this.entries.set(doc.id, entry);
    this.byOrdinal[ordinal] = entry;
    for (const [field, column] of this.columns) column[ordinal] = (entry.doc as unknown as Record<string, unknown>)[field];
    this.lengths[ordinal] = length;
    this.totalLength += length;
    for (const [term, tf] of termWeights) {
      this.packed.delete(term);
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = new Map()));
      posting.set(ordinal, tf);
    }
  }

  remove(id: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.frequencies.clear();
    for (const term of entry.termWeights.keys()) {
      this.packed.delete(term);
      const posting = this.postings.get(term);
      posting?.delete(entry.ordinal);
      if (posting && posting.size === 0) this.postings.delete(term);
    }
    this.totalLength -= entry.length;
    this.lengths[entry.ordinal] = 0;
    for (const column of this.columns.values()) column[entry.ordinal] = undefined;
    this.entries.delete(id);
    this.byOrdinal[entry.ordinal] = undefined;
  }

  /** A term's postings to walk: packed when long (short ones walk fast enough as they are, and memory counts). */
  postingList(term: string): { ordinals: Int32Array; tfs: Float64Array } | Map<number, number> | undefined {
    let list = this.packed.get(term);
    if (list) return list;
    const posting = this.postings.get(term);
    if (!posting) return undefined;
    if (posting.size < PACK_FROM) return posting;
    list = { ordinals: new Int32Array(posting.size), tfs: new Float64Array(posting.size) };
    let i = 0;
    for (const [ordinal, tf] of posting) {
      list.ordinals[i] = ordinal;
      list.tfs[i++] = tf;
    }
    this.packed.set(term, list);
    return list;
  }

  /** documentFrequency's answers until the next write (a write may change any of them). */
  private readonly frequencies = new Map<string, number>();

  /** Documents holding the term or one of its synonyms (what a one-word query for it finds). */
  documentFrequency(term: string): number {
    const known = this.frequencies.get(term);
    if (known !== undefined) return known;
    const count = this.countHolders(term);
    this.frequencies.set(term, count);
    return count;
  }

  private countHolders(term: string): number {
    const t = term.toLowerCase();
    const synonyms = synonymsOf(t);
    const own = this.postings.get(t);
    if (synonyms.length === 0) return own?.size ?? 0;
    const holders = new Set<number>(own?.keys() ?? []);
    for (const s of synonyms) for (const ordinal of this.postings.get(s)?.keys() ?? []) holders.add(ordinal);
    return holders.size;
  }

  idf(term: string): number {
    const n = this.entries.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}
