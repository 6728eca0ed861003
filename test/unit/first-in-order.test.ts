import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../shared/search/embedded-index';

describe('firstInOrder (a page of hits without sorting every match)', () => {
  it('returns exactly what a full stable sort would put first', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }), id: fc.nat() }), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (items, k) => {
        // Ties on score are common: a stable order must keep them as a full sort would.
        const compare = (a: { score: number }, b: { score: number }) => b.score - a.score;
        expect(firstInOrder(items, k, compare)).toEqual([...items].sort(compare).slice(0, k));
      }),
      { numRuns: 300 },
    );
  });
});
