/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (digits and capitals without I, O, S, V, Z):
 *   1     registration authority (登记管理部门代码)
 *   2     organisation category (机构类别代码)
 *   3–8   administrative division code (登记管理机关行政区划码, digits)
 *   9–17  organisation code (主体标识码, GB 11714)
 *   18    check character: weights 3^(i) mod 31, check = 31 − (Σ mod 31), 31 → 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'charset' | 'division' | 'check_character';

/** The check character the first 17 characters call for. Throws on characters outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('need exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`character ${first17[i]} is not allowed`);
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** Why a code is invalid, or null when it is valid. Lower-case input is not accepted: the code is printed upper-case. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'charset';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check_character';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/**
 * A valid code for demo data and tests: category prefix + division + a 9-character body derived from `seed`.
 * Not a real organisation's code.
 */
export function makeCreditCode(prefix: string, division: string, seed: number): string {
  let body = '';
  let n = Math.abs(Math.trunc(seed)) * 7919 + 104729;
  for (let i = 0; i < 9; i++) {
    body += ALPHABET[n % 31];
    n = Math.floor(n / 31) + (i + 1) * 2654435761 % 1000003;
  }
  const first17 = `${prefix}${division}${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}
