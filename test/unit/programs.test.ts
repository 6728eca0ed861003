/** The programs' rules, property-tested at their caps and boundaries as the brokerage rule is. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareOf } from '../../shared/domain/money';
import { canMove, dueNow, entitlement, PROGRAM_RULES, PROGRAMS, ruleOn, type ProgramRule } from '../../shared/domain/programs';

const rule = (program: ProgramRule['program'], date = '2026-11-26') => ruleOn(PROGRAM_RULES, program, date)!;
const guidance = rule('maturation_guidance');
const reward = rule('maturation_reward');
const grant = rule('startup_grant');
const fen = fc.integer({ min: 0, max: 10_000_000_000_000 });

describe('maturation guidance: 30 % of verified R&D input, at most ¥1,000,000 per project', () => {
  it('boundaries around the cap: ¥3,333,333.33 / ¥3,333,333.34 / ¥3,333,333.35 of input', () => {
    expect(entitlement(guidance, 333_333_333)).toBe(99_999_999); // ⌊99,999,999.9⌋
    expect(entitlement(guidance, 333_333_334)).toBe(100_000_000); // ⌊100,000,000.2⌋ = the cap exactly
    expect(entitlement(guidance, 333_333_335)).toBe(100_000_000);
    expect(entitlement(guidance, 0)).toBe(0);
    expect(entitlement(guidance, 3)).toBe(0); // 0.9 fen rounds down
    expect(entitlement(guidance, 4)).toBe(1);
  });

  it('property: never over the cap, never over 30 %, whole fen; exactly min(⌊30 %⌋, cap)', () => {
    fc.assert(
      fc.property(fen, (base) => {
        const e = entitlement(guidance, base);
        expect(Number.isSafeInteger(e)).toBe(true);
        expect(e).toBeLessThanOrEqual(100_000_000);
        expect(BigInt(e) * 10_000n <= BigInt(base) * 3000n).toBe(true);
        const exact = (BigInt(base) * 3n) / 10n;
        expect(e).toBe(exact > 100_000_000n ? 100_000_000 : Number(exact));
      }),
    );
  });

  it('property: what is due never takes the reservations over the cap, and is monotone in the base', () => {
    fc.assert(
      fc.property(fen, fen, fc.integer({ min: 0, max: 200_000_000 }), (a, b, reserved) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(entitlement(guidance, hi)).toBeGreaterThanOrEqual(entitlement(guidance, lo));
        const due = dueNow(guidance, hi, reserved);
        expect(due).toBeGreaterThanOrEqual(0);
        if (reserved <= 100_000_000) expect(reserved + due).toBeLessThanOrEqual(100_000_000);
        expect(reserved + due).toBeLessThanOrEqual(Math.max(reserved, entitlement(guidance, hi)));
      }),
    );
  });

  it('property: applying in instalments as input is verified adds up to one application on the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500_000_000 }), { minLength: 1, maxLength: 15 }), (inputs) => {
        let verified = 0;
        let reserved = 0;
        for (const amount of inputs) {
          verified += amount;
          reserved += dueNow(guidance, verified, reserved);
        }
        expect(reserved).toBe(entitlement(guidance, verified));
      }),
    );
  });
});

describe('maturation team reward: 30 % of the transfer’s verified payments, at most ¥500,000 per project', () => {
  it('boundaries around the cap: ¥1,666,666.66 / .67 / .68 paid', () => {
    expect(entitlement(reward, 166_666_666)).toBe(49_999_999);
    expect(entitlement(reward, 166_666_667)).toBe(50_000_000);
    expect(entitlement(reward, 166_666_668)).toBe(50_000_000);
  });

  it('property: never over ¥500,000 or 30 %', () => {
    fc.assert(
      fc.property(fen, (paid) => {
        const e = entitlement(reward, paid);
        expect(e).toBeLessThanOrEqual(50_000_000);
        expect(BigInt(e) * 10n <= BigInt(paid) * 3n).toBe(true);
        expect(e).toBe(Math.min(shareOf(paid, 3000), 50_000_000));
      }),
    );
  });
});

describe('start-up grant: a fixed ¥200,000 once per institution', () => {
  it('is the grant whatever the base, and nothing once reserved', () => {
    fc.assert(
      fc.property(fen, (base) => {
        expect(entitlement(grant, base)).toBe(20_000_000);
        expect(dueNow(grant, base, 20_000_000)).toBe(0);
      }),
    );
  });
});

describe('rules and lifecycle', () => {
  it('each program has one rule in force on any day, none before 2023 or after 2027; the plan’s end at 2025-12-31', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...PROGRAMS.filter((p) => p !== 'brokerage')), (d, program) => {
        const day = d.toISOString().slice(0, 10);
        expect(PROGRAM_RULES.filter((r) => r.program === program && r.validFrom <= day && day <= r.validTo)).toHaveLength(1);
      }),
    );
    expect(ruleOn(PROGRAM_RULES, 'maturation_guidance', '2022-12-31')).toBeNull();
    expect(ruleOn(PROGRAM_RULES, 'maturation_guidance', '2028-01-01')).toBeNull();
    expect(ruleOn(PROGRAM_RULES, 'startup_grant', '2025-12-31')!.demo).toBe(false);
    expect(ruleOn(PROGRAM_RULES, 'startup_grant', '2026-01-01')!.demo).toBe(true);
  });

  it('decisions only move forward: approval after review, paid after approval, nothing after rejection or payment', () => {
    expect(canMove('submitted', 'approved')).toBe(false);
    expect(canMove('under_review', 'approved')).toBe(true);
    expect(canMove('approved', 'paid')).toBe(true);
    expect(canMove('rejected', 'under_review')).toBe(false);
    expect(canMove('paid', 'approved')).toBe(false);
  });

  it('shareOf refuses floats and negative amounts rather than guessing', () => {
    expect(() => shareOf(1.5, 3000)).toThrow(RangeError);
    expect(() => shareOf(-1, 3000)).toThrow(RangeError);
    expect(() => shareOf(100, 10_001)).toThrow(RangeError);
  });
});
