/**
 * The pages' second language: domain labels, inline messages, dates and money in English, and the
 * signed-in pages rendered with lang=en carrying no Chinese of their own (only data may be Chinese).
 */
import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../shared/http/field-issues';
import { ACHIEVEMENT_STATUSES, createAchievementBody } from '../../shared/domain/achievement';
import { CONTRACT_KINDS } from '../../shared/domain/reward-policy';
import { DECLINE_REASONS } from '../../shared/domain/interest';
import { DISTRICTS } from '../../shared/domain/districts';
import { INDUSTRIES } from '../../shared/domain/industries';
import { TRANSFER_MODES } from '../../shared/domain/listing-common';
import { createNeedBody, NEED_STATUSES } from '../../shared/domain/need';
import { formatDate, formatFenShort } from '../../web/format';
import { issueText } from '../../web/forms';
import { label, REFUSAL_CODES, refusalText, type LabelKind } from '../../web/labels';
import type { PageContext } from '../../web/layout';
import type { Claim, Contract, Payment } from '../../shared/domain/contract';
import { adminQueues, contractFormPage, contractPage, policiesPage } from '../../web/pages/contracts';
import { achievementFormPage, achievementManagePage, interestForm, mePage, needFormPage, needManagePage, proposalForm } from '../../web/pages/workspace';

const CJK = /[\u4e00-\u9fff]/;
const en: PageContext = { lang: 'en', path: '/me', user: null, csrf: 'c'.repeat(64) };

/**
 * The words a reader sees: tags and attribute values (where Chinese option values live) removed, and the
 * language switch, which rightly names the other language in that language (中文).
 */
const visibleText = (html: string) =>
  html.replace(/<a [^>]*hreflang="zh-CN"[^>]*>中文<\/a>/, '').replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ');

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

describe('inline messages in English', () => {
  it('turns zod’s API wording into plain words for every issue of an empty need and achievement form', () => {
    const issues = [createNeedBody, createAchievementBody].flatMap((schema) => {
      const parsed = schema.safeParse({ title: 'x', keywords: [], deadline: 'soon', trl: 12, contact: { name: '', phone: '1', email: 'no' } }, { reportInput: true });
      return parsed.success ? [] : issuesFromZod(parsed.error);
    });
    expect(issues.length).toBeGreaterThan(5);
    for (const issue of issues) {
      const text = issueText('en', issue);
      expect(text, issue.message).not.toMatch(/^(Too small|Too big|Invalid input|Invalid ISO)/);
      expect(text, issue.message).not.toMatch(CJK);
      expect(issueText('zh', issue)).toBe(issue.messageZh);
    }
    expect(issueText('en', { path: 'title', code: 'too_small', message: 'Too small: expected string to have >=4 characters', messageZh: '至少 4 个字' })).toBe('At least 4 characters');
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

describe('signed-in pages with lang=en carry no Chinese of their own', () => {
  const csrf = 'c'.repeat(64);
  const pages: [string, string][] = [
    ...(['enterprise', 'university', 'transfer_center', 'admin', null] as const).map((role): [string, string] => [
      `/me as ${role ?? 'newcomer'}`,
      mePage(en, { role, orgName: 'Org', needs: [], achievements: [], received: [], sent: [], csrf, notifications: [], savedSearches: [] }),
    ]),
    ['need form with issues', needFormPage(en, {}, [{ path: 'title', code: 'too_small', message: 'Too small: expected string to have >=4 characters', messageZh: '至少 4 个字' }], csrf, { id: 'need_1', version: 2, challenge: true })],
    ['achievement form', achievementFormPage(en, {}, [], csrf)],
    ['contract form', contractFormPage(en, { sellers: [], buyers: [], values: {}, issues: [], csrf })],
    ['policies', policiesPage(en, [{ id: 'p', name: 'Policy', rateBp: 1000, capFenPerContract: 20_000_000, validFrom: '2026-01-01', validTo: '2027-12-31', demo: true }], [], {}, csrf)],
    ['admin queues', adminQueues('en', { orgs: [{ id: 'o', name: 'Org', type: 'enterprise', district: '惠农区' }], contracts: [], payments: [], claims: [], csrf })],
  ];
  it.each(pages)('%s', (_name, html) => {
    expect(visibleText(html)).not.toMatch(CJK);
    if (html.startsWith('<!doctype')) expect(html).toContain('<html lang="en">');
  });
});

describe('signed-in pages with lang=en and data: statuses and reasons in English', () => {
  const csrf = 'c'.repeat(64);
  const interest = (over: Record<string, unknown>) => ({ id: 'int_1', kind: 'interest', senderOrgName: 'Acme', listingTitle: 'Wafer saw', message: 'Hello there', createdAt: '2026-11-20T23:30:00Z', status: 'pending', ...over });
  const declined = { reason: 'price', labelZh: '价格或预算不匹配', labelEn: 'price or budget does not fit' };

  it('the inbox offers English decline reasons; decided interests read in English', () => {
    const html = mePage(en, {
      role: 'university', orgName: 'Institute', needs: [], achievements: [], csrf,
      received: [interest({}), interest({ id: 'int_2', kind: 'proposal', status: 'declined', decline: declined })],
      sent: [],
    });
    expect(visibleText(html)).not.toMatch(CJK);
    expect(html).toContain('<option value="price">Price or budget does not fit</option>');
    expect(html).toContain('<label for="r-int_1" class="skip">Reason for declining</label>');
    expect(visibleText(html)).toContain('Declined (price or budget does not fit)');
    expect(visibleText(html)).toContain('Challenge proposal');
  });

  it('sent interests show English statuses and Shanghai dates', () => {
    const html = mePage(en, { role: 'enterprise', orgName: 'Acme', needs: [{ id: 'need_1', title: 'Dust', status: 'published', deadline: '2027-05-31' }], achievements: [], received: [], csrf, sent: [interest({ status: 'declined', decline: declined })] });
    expect(visibleText(html)).not.toMatch(CJK);
    expect(visibleText(html)).toContain('Declined: price or budget does not fit');
    expect(visibleText(html)).toContain('21 Nov 2026');
    expect(html).toContain('<td data-label="Status">Open</td>');
  });

  it('a contract reads in English: kind, status, refused payment and claim with their coded reasons; money stays ¥ from fen', () => {
    const contract = {
      id: 'con_1', title: 'Licence', kind: 'licence', sellerOrgName: 'Institute', buyerOrgName: 'Acme', brokerOrgName: 'Center', amountFen: 120_000_000, signedOn: '2026-05-12',
      status: 'performing', registrationNumber: '64022026000001', recordedFen: 60_000_000, verifiedFen: 0,
    } as unknown as Contract;
    const payments = [{ id: 'pay_1', contractId: 'con_1', amountFen: 60_000_000, paidOn: '2026-07-01', evidenceRef: 'Slip 64022026000001', status: 'rejected', rejectionReason: '【duplicate】重复申报' }] as unknown as Payment[];
    const claims = [{ id: 'clm_1', contractId: 'con_1', amountFen: 1_000_000, status: 'rejected', reason: '【evidence_insufficient】证明材料不足', createdAt: '2026-08-01T02:00:00Z' }] as unknown as Claim[];
    const balance = { contractId: 'con_1', performedFen: 0, accruedFen: 0, pendingFen: 0, approvedFen: 0, paidFen: 0, claimableFen: 0, version: 1 };
    const signed = { id: 'fil_1', ownerType: 'contract', ownerId: 'con_1', kind: 'signed_contract', fileName: 'licence-signed.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'ab'.repeat(32), visibility: 'confidential', uploadedBy: 'u', uploaderOrgId: 'o', createdAt: '2026-05-12T02:00:00Z' } as const;
    const html = contractPage(en, { contract, payments, reward: { balance, claims }, canRecord: true, csrf, files: { contract: [signed], payments: { pay_1: [] }, claims: {} } });
    expect(visibleText(html)).toContain('Signed contract');
    expect(visibleText(html)).not.toMatch(CJK);
    expect(visibleText(html)).toContain('Technology licence');
    expect(visibleText(html)).toContain('Being performed');
    expect(visibleText(html)).toContain('Rejected (Duplicate submission)');
    expect(visibleText(html)).toContain('Rejected (Insufficient evidence)');
    expect(visibleText(html)).toContain('¥1,200,000.00');
  });
});

describe('forms and manage pages embedded or shown with lang=en', () => {
  const csrf = 'c'.repeat(64);
  const phoneIssue = { path: 'contactPhone', code: 'invalid_phone', message: 'must be a phone number', messageZh: '请填写有效的电话号码' };
  const match = { listing: { id: 'need_1', title: 'Dust' }, score: 0.42, explanation: { summaryZh: '共同关键词：粉尘', summaryEn: 'shared keywords: dust' } };

  it('interest and proposal forms label every field and explain mistakes in English', () => {
    for (const html of [interestForm('en', csrf, 'ach_1', [phoneIssue]), proposalForm('en', csrf, 'need_1', [phoneIssue])]) {
      expect(visibleText(html)).not.toMatch(CJK);
      expect(html).toContain('<p class="field-error" id="err-contactPhone" role="alert">Must be a phone number</p>');
      expect(html).toContain('<label for="f-contactPhone">Phone');
    }
  });

  it('manage pages show English statuses, flash and match explanations', () => {
    const need = needManagePage(en, { id: 'need_1', title: 'Dust', status: 'draft', budget: { kind: 'negotiable' }, deadline: '2027-05-31' }, [{ ...match, listing: { id: 'ach_1', title: 'Filter' } }], csrf, 'Saved as a draft.');
    const achievement = achievementManagePage(en, { id: 'ach_1', title: 'Filter', status: 'published', trl: 6, confidentialDetail: '' }, [match], csrf);
    for (const html of [need, achievement]) {
      expect(visibleText(html)).not.toMatch(CJK);
      expect(visibleText(html)).toContain('shared keywords: dust');
      expect(visibleText(html)).toContain('Match 42');
    }
    expect(visibleText(need)).toContain('Negotiable');
    expect(visibleText(achievement)).toContain('Published');
  });
});
