/**
 * Money is integer fen (分) everywhere: 1 CNY = 100 fen. Never floats, never strings in arithmetic.
 * The ceiling keeps every sum of amounts far inside Number.MAX_SAFE_INTEGER.
 */
import * as z from 'zod';

/** 10 trillion fen = 100 billion CNY: larger than any single technology contract or bounty. */
export const MAX_FEN = 10_000_000_000_000;

export const fenSchema = z
  .number()
  .int({ message: 'must be a whole number of fen' })
  .min(0)
  .max(MAX_FEN)
  .describe('Amount in integer fen (分); 100 fen = ¥1');

export const positiveFenSchema = fenSchema.min(1);

/** ¥1,234,567.89 — grouping by thousands, always two decimals. Pure integer arithmetic. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error('fen must be a safe integer');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${String(cents).padStart(2, '0')}`;
}

/** ⌊base × rate⌋ to the fen, exactly (base × rate can pass 2^53: BigInt). */
export function shareOf(baseFen: number, rateBp: number): number {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0 || !Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError('shareOf: base must be whole non-negative fen, rate 0–10000 bp');
  return Number((BigInt(baseFen) * BigInt(rateBp)) / 10_000n);
}
