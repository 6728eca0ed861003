/**
 * A listing's public text as terms, field by field: what matching reads on both sides.
 *
 * The terms are computed once, when the search document is built (storedTerms, by the stream functions
 * that index), and travel in the document: a match reads them from the hits and from the source's own
 * document, and segments nothing itself. Building the segmenter costs ≈ 130 ms, which the first match
 * after every api cold start paid. Text without stored terms (a draft, a document indexed before
 * TERMS_VERSION) is segmented here, and candidates are cached by id and version either way.
 */
import type { StoredTerms } from './search-index';
import { contentTokens, tokenize } from './tokenizer';

/** Bump when segmentation changes (dictionary, tokenizer rules): stored terms of another version are ignored. */
export const TERMS_VERSION = 2;

export const TEXT_FIELDS = ['title', 'keywords', 'body', 'criteria'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The public text of a listing, as a search document holds it. */
export interface ListingText {
  id?: string;
  version?: number;
  title: string;
  /** Achievement summary or need problem statement. */
  body: string;
  /** Need acceptance criteria joined; empty for achievements. */
  criteria: string;
  keywords: string[];
  /** Terms stored with the search document, when it has them. */
  terms?: StoredTerms;
}

export interface FieldTerms {
  /** Per field: number of terms. */
  length: Record<TextField, number>;
  /**
   * term → its occurrences per field packed in one number, a byte per field in TEXT_FIELDS order (see
   * fieldCount): one lookup per query term when scoring, and no array per term in the cache.
   */
  byTerm: Map<string, number>;
}

/**
 * A keyword typed by its owner, as terms: its words as the segmenter cuts them, and the keyword itself
 * when it is short enough to be a term (a title phrase typed as a keyword is only its words).
 */
export function keywordTerms(keyword: string): string[] {
  const whole = keyword.toLowerCase().trim();
  const words = tokenize(whole);
  return whole.length <= 6 && !words.includes(whole) && whole !== '' ? [...words, whole] : words;
}

/** Document side: search-mode tokens (compounds and their parts), as the engines index them. */
function documentTokens(text: ListingText): Record<TextField, string[]> {
  return {
    title: tokenize(text.title),
    keywords: text.keywords.flatMap(keywordTerms),
    body: tokenize(text.body),
    criteria: tokenize(text.criteria),
  };
}

/** Tokens never hold a line break (the segmenter cuts at whitespace): it separates them when stored. */
const SEPARATOR = '\n';

function pack(fields: Record<TextField, string[]>): Record<TextField, string> {
  return { title: fields.title.join(SEPARATOR), keywords: fields.keywords.join(SEPARATOR), body: fields.body.join(SEPARATOR), criteria: fields.criteria.join(SEPARATOR) };
}

function split(packed: string): string[] {
  return packed === '' ? [] : packed.split(SEPARATOR);
}

function unpack(fields: Record<TextField, string>): Record<TextField, string[]> {
  return { title: split(fields.title), keywords: split(fields.keywords), body: split(fields.body), criteria: split(fields.criteria) };
}

/**
 * The stored search-mode tokens of one field that is segmented whole (title, body, criteria), or null
 * when the document has no usable terms: what the embedded engine indexes, without segmenting again.
 */
export function storedFieldTokens(document: ListingText, field: 'title' | 'body' | 'criteria'): string[] | null {
  return usable(document.terms) ? split(document.terms.doc[field]) : null;
}

/** The terms to store with a listing's search document (both sides of matching). */
export function storedTerms(text: ListingText): StoredTerms {
  const doc = documentTokens(text);
  // Both sides take the keywords' terms alike: segmented once.
  return { v: TERMS_VERSION, doc: pack(doc), query: pack(contentTerms(text, doc.keywords)) };
}

function usable(terms: StoredTerms | undefined): terms is StoredTerms {
  return terms !== undefined && terms.v === TERMS_VERSION;
}

function documentTerms(text: ListingText): FieldTerms {
  const tokens = usable(text.terms) ? unpack(text.terms.doc) : documentTokens(text);
  const byTerm = new Map<string, number>();
  TEXT_FIELDS.forEach((field, i) => {
    for (const t of tokens[field]) {
      const packed = byTerm.get(t) ?? 0;
      // Counts saturate at 255 per field (BM25 saturates long before).
      if (fieldCount(packed, i) < 255) byTerm.set(t, packed + 256 ** i);
    }
  });
  return {
    byTerm,
    length: { title: tokens.title.length, keywords: tokens.keywords.length, body: tokens.body.length, criteria: tokens.criteria.length },
  };
}

/** Occurrences in field `i` (TEXT_FIELDS order) of a packed byTerm value. */
export function fieldCount(packed: number, i: number): number {
  return Math.floor(packed / 256 ** i) % 256;
}

const CACHE_SIZE = 5_000;
const cache = new Map<string, FieldTerms>();

/** The terms of a candidate document, cached by id and version when it has both. */
export function candidateTerms(text: ListingText): FieldTerms {
  if (text.id === undefined || text.version === undefined) return documentTerms(text);
  const key = `${text.id}:${text.version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const terms = documentTerms(text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, terms);
  return terms;
}

/**
 * Query side: content words only (nouns, verbs, the domain vocabulary), so that everyday phrasing in a
 * problem statement (放不了几天, 说坏就坏) does not become a query term; plus the keywords' terms.
 */
export function sourceTerms(text: ListingText): Record<TextField, string[]> {
  return usable(text.terms) ? unpack(text.terms.query) : contentTerms(text);
}

function contentTerms(text: ListingText, keywords: string[] = text.keywords.flatMap(keywordTerms)): Record<TextField, string[]> {
  const content = (s: string) => {
    const words = contentTokens(s);
    // A compound the segmenter keeps whole (非计划停车) also brings its parts, as the index has them.
    const parts = words.flatMap((w) => (w.length >= 4 ? tokenize(w).filter((p) => p !== w && p.length >= 2) : []));
    return [...words, ...parts];
  };
  return {
    title: content(text.title),
    keywords,
    body: content(text.body),
    criteria: content(text.criteria),
  };
}
