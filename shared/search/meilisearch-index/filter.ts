/**
 * Filters and queries in Meilisearch syntax: FilterClause[] rendered with every string quoted and escaped
 * (never concatenated from caller text), and q cut to the words Meilisearch reads. Part of the adapter
 * (../meilisearch-index.ts).
 */
import { FILTERABLE_FIELDS, type FilterClause, type FilterValue } from '../search-index';
import { MeilisearchIndexError } from './errors';
import { toMeiliId } from './ids';

/** Meilisearch reads only the first 10 words of q. */
const MAX_QUERY_WORDS = 10;

const FILTERABLE = new Set<string>(FILTERABLE_FIELDS);

/** A string literal in Meilisearch filter syntax: double quotes, with `\` and `"` escaped. */
export function quoteFilterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function renderValue(value: FilterValue): string {
  if (typeof value === 'string') return quoteFilterString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const text = String(value);
    // The filter grammar reads numbers as words of [A-Za-z0-9_.-]: no exponents, NaN or Infinity.
    if (!Number.isFinite(value) || !/^-?\d+(\.\d+)?$/.test(text)) {
      throw new MeilisearchIndexError(`filter value is not a plain finite number: ${text}`);
    }
    return text;
  }
  throw new MeilisearchIndexError(`unsupported filter value type: ${typeof value}`);
}

/** The stored form of an id filter value (ids may be encoded, see toMeiliId). */
function idValue(field: string, value: FilterValue): FilterValue {
  return field === 'id' && typeof value === 'string' ? toMeiliId(value) : value;
}

/** FilterClause[] → Meilisearch filter (array of expressions = AND). Unknown fields throw. */
export function renderFilter(clauses: readonly FilterClause[]): string[] {
  return clauses.map((clause) => {
    const field: string = clause.field;
    if (!FILTERABLE.has(field)) throw new MeilisearchIndexError(`field is not filterable: ${JSON.stringify(field)}`);
    switch (clause.op) {
      case 'eq':
        return `${field} = ${renderValue(idValue(field, clause.value))}`;
      case 'in':
        return `${field} IN [${clause.values.map((v) => renderValue(idValue(field, v))).join(', ')}]`;
      case 'gte':
        return `${field} >= ${renderValue(clause.value)}`;
      case 'lte':
        return `${field} <= ${renderValue(clause.value)}`;
      case 'exists':
        return `${field} EXISTS`;
      case 'not_exists':
        return `${field} NOT EXISTS`;
      default: {
        const op: unknown = (clause as { op: unknown }).op;
        throw new MeilisearchIndexError(`unknown filter operator: ${JSON.stringify(op)}`);
      }
    }
  });
}

/** The first 10 whitespace-separated terms of q (what Meilisearch would read anyway). */
export function trimQuery(q: string): string {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS).join(' ');
}
