/**
 * Structured filters in the embedded engine: FilterClause[] checked against the filterable fields and
 * compiled into one predicate over document ordinals. Part of the embedded engine (../embedded-index.ts).
 */
import type { FilterClause } from '../search-index';
import { FILTERABLE_FIELDS } from '../search-index';

export function checkFilterable(clauses: FilterClause[]): void {
  for (const clause of clauses) {
    if (!(FILTERABLE_FIELDS as readonly string[]).includes(clause.field)) throw new Error(`field ${clause.field} is not filterable`);
  }
}

function matchesClause(value: unknown, clause: FilterClause): boolean {
  if (!Array.isArray(value)) {
    // The common case, a scalar field, without allocating.
    switch (clause.op) {
      case 'eq':
        return value === clause.value;
      case 'in':
        return clause.values.includes(value as never);
      case 'gte':
        return value !== undefined && (value as number | string) >= clause.value;
      case 'lte':
        return value !== undefined && (value as number | string) <= clause.value;
      case 'exists':
        return value !== undefined;
      case 'not_exists':
        return value === undefined;
    }
  }
  const values = value;
  switch (clause.op) {
    case 'eq':
      return values.some((v) => v === clause.value);
    case 'in':
      return values.some((v) => clause.values.includes(v as never));
    case 'gte':
      return values.some((v) => v !== undefined && (v as number | string) >= clause.value);
    case 'lte':
      return values.some((v) => v !== undefined && (v as number | string) <= clause.value);
    case 'exists':
      return value !== undefined;
    case 'not_exists':
      return value === undefined;
  }
}

/**
 * The filter as one predicate over document ordinals, built once per query. It reads the collection's
 * columns (one array per filterable field): reading fields of thousands of differently shaped documents
 * was most of a filtered query's cost.
 */
export function compileFilter(clauses: FilterClause[], columns: Map<string, unknown[]>): (ordinal: number) => boolean {
  const predicates = clauses.map((clause): ((ordinal: number) => boolean) => {
    const column = columns.get(clause.field)!;
    if (clause.op === 'in') {
      const allowed = new Set<unknown>(clause.values);
      return (ordinal) => {
        const value = column[ordinal];
        return Array.isArray(value) ? value.some((v) => allowed.has(v)) : allowed.has(value);
      };
    }
    return (ordinal) => matchesClause(column[ordinal], clause);
  });
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1) return predicates[0]!;
  return (ordinal) => {
    for (const predicate of predicates) if (!predicate(ordinal)) return false;
    return true;
  };
}
