/** The reward rule (clause 6), property-tested: capped, never negative, monotone, integer, by policy date. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrue, SEED_POLICIES, type ContractParties, type RewardPolicy, type VerifiedPayment } from '../../shared/domain/reward-policy';

const policies = SEED_POLICIES.map((p) => ({ ...p, createdAt: '2023-01-01T00:00:00.000Z', createdBy: 'seed' })) as RewardPolicy[];
const parties: ContractParties = { kind: 'transfer', sellerType: 'university', buyerType: 'enterprise', brokerType: 'transfer_center' };
const CAP = 20_000_000;
const total = (payments: VerifiedPayment[]) => accrue(payments, policies, parties).at(-1)?.totalFen ?? 0;
const pay = (amountFen: number, paidOn = '2025-06-01', id = `p${amountFen}`): VerifiedPayment => ({ id, amountFen, paidOn });

const dateArb = fc.constantFrom('2022-12-31', '2023-01-01', '2024-07-15', '2025-12-31', '2026-01-01', '2026-11-26', '2027-12-31', '2028-01-01');
const paymentArb = fc.record({ id: fc.uuid(), amountFen: fc.integer({ min: 1, max: 5_000_000_000 }), paidOn: dateArb });

describe('the reward rule', () => {
  it('boundaries at 1,999,999.99 / 2,000,000.00 / 2,000,000.01 CNY paid', () => {
    expect(total([pay(199_999_999)])).toBe(19_999_999); // ⌊19,999,999.9⌋ fen
    expect(total([pay(200_000_000)])).toBe(20_000_000); // exactly the cap
    expect(total([pay(200_000_001)])).toBe(20_000_000); // capped
  });

  it('rounds down on the running sum, so splitting a payment loses nothing', () => {
    expect(total([pay(5, '2025-01-01', 'a'), pay(5, '2025-01-02', 'b')])).toBe(1);
    expect(accrue([pay(5, '2025-01-01', 'a'), pay(5, '2025-01-02', 'b')], policies, parties).map((s) => s.accruedFen)).toEqual([0, 1]);
  });

  it('pays nothing outside every policy window or for ineligible parties', () => {
    expect(total([pay(100_000_000, '2022-12-31')])).toBe(0);
    expect(total([pay(100_000_000, '2028-01-01')])).toBe(0);
    expect(accrue([pay(100_000_000)], policies, { ...parties, buyerType: 'university' })[0]!.accruedFen).toBe(0);
    expect(accrue([pay(100_000_000)], policies, { ...parties, brokerType: 'enterprise' })[0]!.accruedFen).toBe(0);
  });

  it('across two policies the contract cap still holds', () => {
    const steps = accrue([pay(150_000_000, '2025-12-31', 'old'), pay(150_000_000, '2026-01-01', 'new')], policies, parties);
    expect(steps.map((s) => [s.policyId, s.accruedFen])).toEqual([
      ['pol_00000000000000000000000006', 15_000_000],
      ['pol_00000000000000000000002026', 5_000_000],
    ]);
  });

  it('property: never over the cap, never negative, integer fen, totals only grow', () => {
    fc.assert(
      fc.property(fc.array(paymentArb, { maxLength: 30 }), (payments) => {
        let previous = 0;
        for (const step of accrue(payments, policies, parties)) {
          expect(Number.isSafeInteger(step.accruedFen)).toBe(true);
          expect(step.accruedFen).toBeGreaterThanOrEqual(0);
          expect(step.totalFen).toBe(previous + step.accruedFen);
          expect(step.totalFen).toBeLessThanOrEqual(CAP);
          previous = step.totalFen;
        }
      }),
    );
  });

  it('property: never more than 10% of what was paid under a policy, rounded down', () => {
    fc.assert(
      fc.property(fc.array(paymentArb, { maxLength: 30 }), (payments) => {
        const inWindow = payments.filter((p) => p.paidOn >= '2023-01-01' && p.paidOn <= '2027-12-31').reduce((s, p) => s + p.amountFen, 0);
        expect(total(payments)).toBeLessThanOrEqual(Math.floor(inWindow / 10));
      }),
    );
  });

  it('property: monotone in the amount paid (one more payment never lowers the total)', () => {
    fc.assert(
      fc.property(fc.array(paymentArb, { maxLength: 20 }), paymentArb, (payments, extra) => {
        expect(total([...payments, extra])).toBeGreaterThanOrEqual(total(payments));
      }),
    );
  });

  it('property: within one policy, the total is exactly min(⌊10% × paid⌋, cap) however the money is split', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 80_000_000 }), { minLength: 1, maxLength: 20 }), (amounts) => {
        const payments = amounts.map((amountFen, i) => pay(amountFen, '2024-05-01', `s${i}`));
        const paid = amounts.reduce((s, a) => s + a, 0);
        expect(total(payments)).toBe(Math.min(Math.floor(paid / 10), CAP));
      }),
    );
  });
});
