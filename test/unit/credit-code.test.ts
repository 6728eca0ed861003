import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, makeCreditCode } from '../../shared/domain/credit-code';
import { createOrgBody } from '../../shared/domain/organisation';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes of real organisations', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L', '91440300708461136T', '12100000400000624D']) {
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });

  it('computes the check character, including the 31 → 0 wrap', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    // Search a body whose weighted sum is a multiple of 31: its check character must be '0'.
    let found = false;
    for (let n = 0; n < 31 && !found; n++) {
      const first17 = `9164020200000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'[n]}`;
      if (creditCodeCheckCharacter(first17) === '0') found = true;
    }
    expect(found).toBe(true);
  });

  it('rejects a code with any single character changed', () => {
    const code = '91350100M000100Y43';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      const replacement = [...alphabet].find((ch) => ch !== code[i] && /\d/.test(ch) === /\d/.test(code[i]!))!;
      const changed = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(isValidCreditCode(changed), `position ${i + 1}`).toBe(false);
    }
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100YI3')).toBe('charset');
    expect(creditCodeProblem('91350100m000100y43')).toBe('charset');
    expect(creditCodeProblem('9135A100M000100Y43')).toBe('division');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_character');
  });

  it('makes valid demo codes', () => {
    for (let seed = 0; seed < 200; seed++) expect(isValidCreditCode(makeCreditCode('91', '640202', seed))).toBe(true);
  });

  it('reports the reason in English and Chinese through the organisation schema', () => {
    const result = createOrgBody.safeParse({
      name: '测试企业', type: 'enterprise', creditCode: '91350100M000100Y44', district: '惠农区',
      contact: { name: '张三', phone: '0952-1234567', email: 'a@example.com' },
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === 'creditCode')!;
    expect(issue.message).toMatch(/check character/);
    expect((issue as { params?: { zh?: string; reason?: string } }).params).toEqual({ reason: 'credit_code_check_character', zh: expect.stringContaining('校验码') });
  });
});
