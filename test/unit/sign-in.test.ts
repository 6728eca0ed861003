import { describe, expect, it } from 'vitest';
import { codeChallenge, decodeAttempt, encodeAttempt, newAttempt, safeNext } from '../../web/sign-in';

describe('sign-in helpers', () => {
  it('returns only to paths on this site, percent-encoded for the Location header', () => {
    expect(safeNext('/needs/new')).toBe('/needs/new');
    expect(safeNext('/achievements?q=光伏 切割')).toBe('/achievements?q=%E5%85%89%E4%BC%8F%20%E5%88%87%E5%89%B2');
    for (const hostile of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'me', '/auth/callback?code=x', undefined, '']) {
      expect(safeNext(hostile)).toBe('/me');
    }
  });

  it('computes the PKCE S256 challenge of RFC 7636’s example', () => {
    // RFC 7636 appendix B.
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('round-trips a sign-in attempt through its cookie value and refuses a tampered one', () => {
    const attempt = newAttempt('/stats?year=2026');
    expect(decodeAttempt(encodeAttempt(attempt))).toEqual(attempt);
    expect(decodeAttempt(`${encodeAttempt(attempt)}.extra`)).toBeNull();
    expect(decodeAttempt('a.b')).toBeNull();
    expect(decodeAttempt(undefined)).toBeNull();
  });
});
