/**
 * The pages' second language: domain labels, dates and money in English.
 */
import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_STATUSES } from '../../shared/domain/achievement';
import { CONTRACT_KINDS } from '../../shared/domain/reward-policy';
import { DECLINE_REASONS } from '../../shared/domain/interest';
import { DISTRICTS } from '../../shared/domain/districts';
import { INDUSTRIES } from '../../shared/domain/industries';
import { TRANSFER_MODES } from '../../shared/domain/listing-common';
import { NEED_STATUSES } from '../../shared/domain/need';
import { formatDate, formatFenShort } from '../../web/format';
import { label, REFUSAL_CODES, refusalText, type LabelKind } from '../../web/labels';

const CJK = /[\u4e00-\u9fff]/;

describe('domain labels', () => {
  const lists: [LabelKind, readonly string[]][] = [
    ['needStatus', NEED_STATUSES], ['achievementStatus', ACHIEVEMENT_STATUSES], ['transferMode', TRANSFER_MODES], ['contractKind', CONTRACT_KINDS],
    ['declineReason', DECLINE_REASONS], ['refusalReason', REFUSAL_CODES], ['industry', INDUSTRIES], ['district', DISTRICTS],
  ];
  it.each(lists)('%s has an English label for every value, and Chinese stays the default', (kind, values) => {
    for (const value of values) {
      expect(label('en', kind, value), value).not.toMatch(CJK);
      expect(label('en', kind, value).length, value).toBeGreaterThan(1);
      expect(label('zh', kind, value), value).toMatch(CJK);
    }
  });

  it('shows an unknown value as it is rather than hiding it', () => {
    expect(label('en', 'needStatus', 'someday')).toBe('someday');
    expect(label('en', 'industry', 'toString')).toBe('toString');
  });

  it('reads a stored refusal code back in the reader’s language; free text is shown as written', () => {
    expect(refusalText('en', '【duplicate】重复申报')).toBe('Duplicate submission');
    expect(refusalText('zh', '【duplicate】重复申报')).toBe('重复申报');
    expect(refusalText('en', '材料不全')).toBe('材料不全');
  });
});

describe('dates and money', () => {
  it('dates are Shanghai calendar days in both languages', () => {
    // 23:30 UTC is already the next morning in Shanghai.
    expect(formatDate('2026-11-20T23:30:00Z', 'zh')).toBe('2026年11月21日');
    expect(formatDate('2026-11-20T23:30:00Z', 'en')).toBe('21 Nov 2026');
  });

  it('short amounts: 万 in Chinese, whole yuan with separators in English, from integer fen', () => {
    expect(formatFenShort(120_000_000, 'zh')).toBe('¥120万');
    expect(formatFenShort(120_000_000, 'en')).toBe('¥1,200,000');
    expect(formatFenShort(12_345, 'en')).toBe('¥123.45');
  });
});
