import { describe, expect, it } from 'vitest';
import { fenSchema, formatFen, MAX_FEN } from '../../shared/domain/money';

describe('money in fen', () => {
  it('formats fen as ¥ with thousands separators', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(20_000_000)).toBe('¥200,000.00');
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-150)).toBe('-¥1.50');
  });

  it('accepts only whole, non-negative, bounded fen', () => {
    expect(fenSchema.safeParse(100).success).toBe(true);
    expect(fenSchema.safeParse(0.5).success).toBe(false);
    expect(fenSchema.safeParse(-1).success).toBe(false);
    expect(fenSchema.safeParse('100').success).toBe(false);
    expect(fenSchema.safeParse(MAX_FEN + 1).success).toBe(false);
    expect(fenSchema.safeParse(Number.NaN).success).toBe(false);
    expect(fenSchema.safeParse(Infinity).success).toBe(false);
  });

  it('refuses to format a non-integer', () => {
    expect(() => formatFen(1.5)).toThrow();
  });
});
