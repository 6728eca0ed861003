import { describe, expect, it } from 'vitest';
import {
  achievementLifecycle,
  createAchievementBody,
  maturityStage,
  newAchievement,
  publicAchievement,
  transitionAchievement,
  updateAchievement,
  updateAchievementBody,
} from '../../shared/domain/achievement';
import { DomainError } from '../../shared/domain/errors';
import { createNeedBody, needLifecycle, newNeed, transitionNeed, updateNeed } from '../../shared/domain/need';
import { achievementInput, needInput } from '../fixtures';

const now = new Date('2026-11-26T02:00:00Z');
const ids = { id: 'ach_01JABCDEFGHJKMNPQRSTVWXYZ0', ownerOrgId: 'org_X', ownerOrgName: '宁夏理工学院' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('achievement', () => {
  const draft = newAchievement(createAchievementBody.parse(achievementInput()), ids, now);

  it('starts as a draft at version 1 with its maturity stage', () => {
    expect(draft).toMatchObject({ status: 'draft', version: 1, maturityStage: 'pilot' });
    expect([1, 4, 5, 6, 7, 8, 9].map(maturityStage)).toEqual(['laboratory', 'laboratory', 'small_pilot', 'pilot', 'pilot', 'industrialised', 'industrialised']);
  });

  it('allows only the listed transitions', () => {
    const allowed: [string, string][] = [];
    for (const from of ['draft', 'published', 'in_negotiation', 'transferred', 'archived'] as const) {
      for (const action of Object.keys(achievementLifecycle.transitions) as (keyof typeof achievementLifecycle.transitions)[]) {
        if (achievementLifecycle.can(from, action)) allowed.push([from, action]);
      }
    }
    expect(allowed).toEqual([
      ['draft', 'publish'], ['draft', 'archive'],
      ['published', 'startNegotiation'], ['published', 'archive'],
      ['in_negotiation', 'resumeListing'], ['in_negotiation', 'markTransferred'], ['in_negotiation', 'archive'],
      ['transferred', 'archive'],
    ]);
    const archived = transitionAchievement(draft, 'archive', now);
    expect(codeOf(() => transitionAchievement(archived, 'publish', now))).toBe('invalid_transition');
  });

  it('publishing stamps publishedAt and bumps the version', () => {
    const published = transitionAchievement(draft, 'publish', now);
    expect(published).toMatchObject({ status: 'published', version: 2, publishedAt: now.toISOString() });
  });

  it('edits recompute the maturity stage and refuse archived listings', () => {
    const edited = updateAchievement(draft, { trl: 9 }, now);
    expect(edited).toMatchObject({ trl: 9, maturityStage: 'industrialised', version: 2 });
    expect(codeOf(() => updateAchievement(transitionAchievement(draft, 'archive', now), { trl: 3 }, now))).toBe('not_editable');
  });

  it('the public projection has no confidential detail and no contact', () => {
    const view = publicAchievement(draft) as Record<string, unknown>;
    expect(view).not.toHaveProperty('confidentialDetail');
    expect(view).not.toHaveProperty('contact');
    expect(view.summary).toBe(draft.summary);
  });

  it('schemas reject unknown and system fields, floats in fen and inverted ranges', () => {
    expect(createAchievementBody.safeParse(achievementInput({ status: 'published' })).success).toBe(false);
    expect(createAchievementBody.safeParse(achievementInput({ price: { kind: 'fixed', amountFen: 10.5 } })).success).toBe(false);
    expect(createAchievementBody.safeParse(achievementInput({ price: { kind: 'range', minFen: 5, maxFen: 5 } })).success).toBe(false);
    expect(createAchievementBody.safeParse(achievementInput({ industry: '不存在的行业' })).success).toBe(false);
    expect(createAchievementBody.safeParse(achievementInput({ trl: 10 })).success).toBe(false);
    expect(createAchievementBody.safeParse(achievementInput({ keywords: ['光伏', '光伏'] })).success).toBe(false);
    expect(updateAchievementBody.safeParse({}).success).toBe(false);
    expect(updateAchievementBody.safeParse({ version: 3 }).success).toBe(false);
  });
});

describe('need and challenge', () => {
  const challengeDraft = newNeed(createNeedBody.parse(needInput({ challenge: { bountyFen: 100_000_000 } })), { ...ids, id: 'need_X' }, now);
  const published = transitionNeed(challengeDraft, 'publish', now);

  it('refuses a deadline in the past', () => {
    expect(codeOf(() => newNeed(createNeedBody.parse(needInput({ deadline: '2026-11-25' })), ids, now))).toBe('validation_failed');
    expect(codeOf(() => newNeed(createNeedBody.parse(needInput({ deadline: '2026-11-26' })), ids, now))).toBeUndefined();
  });

  it('a draft challenge may still change anything', () => {
    const edited = updateNeed(challengeDraft, { challenge: { bountyFen: 1 }, deadline: '2027-01-01', acceptanceCriteria: ['新的验收指标一'] }, now);
    expect(edited.challenge).toEqual({ bountyFen: 1 });
  });

  it('a published challenge may raise, extend and add', () => {
    const edited = updateNeed(
      published,
      { challenge: { bountyFen: 150_000_000 }, deadline: '2027-09-30', acceptanceCriteria: [...published.acceptanceCriteria, '连续运行 30 天无故障'] },
      now,
    );
    expect(edited).toMatchObject({ challenge: { bountyFen: 150_000_000 }, deadline: '2027-09-30', version: published.version + 1 });
  });

  it('a published challenge may not lower, shorten or withdraw', () => {
    const breaches = (patch: Parameters<typeof updateNeed>[1]) => {
      try {
        updateNeed(published, patch, now);
        return [];
      } catch (error) {
        expect((error as DomainError).code).toBe('challenge_terms_locked');
        return (error as DomainError).issues.map((i) => `${i.path}:${i.code}`);
      }
    };
    expect(breaches({ challenge: { bountyFen: 99_999_999 } })).toEqual(['challenge.bountyFen:bounty_lowered']);
    expect(breaches({ challenge: null })).toEqual(['challenge:challenge_withdrawn']);
    expect(breaches({ deadline: '2027-06-29' })).toEqual(['deadline:deadline_shortened']);
    expect(breaches({ acceptanceCriteria: published.acceptanceCriteria.slice(1) })).toEqual(['acceptanceCriteria.0:criterion_withdrawn']);
    expect(breaches({ acceptanceCriteria: ['单片切割损耗降至 90μm 以下', ...published.acceptanceCriteria.slice(1)] })).toEqual(['acceptanceCriteria.0:criterion_withdrawn']);
    // Reordering keeps every criterion: allowed.
    expect(breaches({ acceptanceCriteria: [...published.acceptanceCriteria].reverse() })).toEqual([]);
  });

  it('a published challenge cannot be closed before its deadline, but can after', () => {
    expect(codeOf(() => transitionNeed(published, 'close', now))).toBe('challenge_withdrawal_forbidden');
    expect(codeOf(() => transitionNeed(published, 'close', new Date('2027-06-30T10:00:00Z')))).toBe('challenge_withdrawal_forbidden');
    expect(transitionNeed(published, 'close', new Date('2027-07-01T10:00:00Z')).status).toBe('closed');
    const ordinary = transitionNeed(newNeed(createNeedBody.parse(needInput()), ids, now), 'publish', now);
    expect(transitionNeed(ordinary, 'close', now).status).toBe('closed');
  });

  it('cannot publish after the deadline and follows only listed transitions', () => {
    expect(codeOf(() => transitionNeed(challengeDraft, 'publish', new Date('2027-07-01T00:00:00Z')))).toBe('deadline_passed');
    expect(needLifecycle.can('closed', 'publish')).toBe(false);
    expect(needLifecycle.can('fulfilled', 'close')).toBe(false);
    expect(codeOf(() => transitionNeed(published, 'publish', now))).toBe('invalid_transition');
  });

  it('uses the Asia/Shanghai calendar for deadlines', () => {
    // 2027-06-30T16:30Z is already 1 July in Shanghai: the challenge's deadline has passed there.
    expect(transitionNeed(published, 'close', new Date('2027-06-30T16:30:00Z')).status).toBe('closed');
  });
});
