/**
 * Owner keywords are a signal, never the gate: listings with the same text, published through the API
 * with the keyword box filled in different ways (as an expert would, one industry word, phrases pasted
 * from the title), rank the same counterpart in their top three, in both directions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { titlePhrases } from '../../bench/relevance-set';
import { achievementInput, needInput } from '../fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;

const NEED_TEXT = {
  title: '主运输皮带老跑偏、撒煤，巡检清煤忙不过来',
  problem:
    '井下主斜井和顺槽的皮带经常跑偏，来煤不均或者接头过托辊时偏得更厉害，沿线撒煤严重，巡检工每班都要清理浮煤，皮带边缘磨毛、撕裂也时有发生。现在只能靠跑偏开关报警停机，停得多又影响产量，想找能在运行中自动把皮带调回来的装置。',
  acceptanceCriteria: ['皮带偏离中心线控制在正负50毫米以内', '因跑偏导致的停机次数减少80%以上'],
  industry: '煤矿智能成套输送设备',
  budget: { kind: 'range', minFen: 50_000_000, maxFen: 150_000_000 },
  minTrl: 6,
};
const NEED_KEYWORD_STYLES: Record<string, string[]> = {
  expert: ['皮带跑偏', '撒煤', '主运输', '浮煤'],
  industry: ['煤矿智能成套输送设备'],
  titlePhrases: titlePhrases(NEED_TEXT.title),
};

const ACHIEVEMENT_TEXT = {
  title: '高寒地区枸杞热泵分段变温制干成套装备',
  summary:
    '以空气源热泵替代燃煤热风炉，按枸杞鲜果含水率分三段自动调节温湿度，配合物理破蜡预处理，制干周期由五天缩短到三十小时以内，干果色泽鲜红、褐变率低，每公斤干果能耗成本下降四成，适合合作社和加工企业整线改造。',
  industry: '枸杞',
  trl: 8,
  price: { kind: 'range', minFen: 30_000_000, maxFen: 60_000_000 },
};
const ACHIEVEMENT_KEYWORD_STYLES: Record<string, string[]> = {
  expert: ['热泵干燥', '变温制干', '破蜡', '枸杞干果'],
  industry: ['枸杞'],
  titlePhrases: titlePhrases(ACHIEVEMENT_TEXT.title),
};

async function publish(kind: 'achievements' | 'needs', token: string, body: unknown): Promise<string> {
  const created = await h.call('POST', `/api/v1/${kind}`, { token, body });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await h.call('POST', `/api/v1/${kind}/${id}/publish`, { token })).status).toBe(200);
  return id;
}

async function topThree(path: string, token: string): Promise<{ id: string; title: string }[]> {
  const res = await h.call('GET', `${path}?limit=3`, { token });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: { listing: { id: string; title: string } }[] };
  return body.items.map((m) => ({ id: m.listing.id, title: m.listing.title }));
}

const needIds: Record<string, string> = {};
const achievementIds: Record<string, string> = {};
let enterprise: string;
let university: string;

beforeAll(async () => {
  h = await startHarness();
  enterprise = await h.token('demo-ent-cast');
  university = await h.token('demo-nxist');
  for (const [style, keywords] of Object.entries(NEED_KEYWORD_STYLES)) needIds[style] = await publish('needs', enterprise, needInput({ ...NEED_TEXT, keywords }));
  for (const [style, keywords] of Object.entries(ACHIEVEMENT_KEYWORD_STYLES)) {
    achievementIds[style] = await publish('achievements', university, achievementInput({ ...ACHIEVEMENT_TEXT, keywords }));
  }
  await h.drain();
});

describe('the same text with different keyword styles', () => {
  it('the title phrases really are phrases, not words', () => {
    expect(NEED_KEYWORD_STYLES.titlePhrases).toEqual(['主运输皮带老跑偏', '撒煤', '巡检清煤忙不过来']);
    expect(ACHIEVEMENT_KEYWORD_STYLES.titlePhrases).toEqual(['高寒地区枸杞热泵分段变温制干成套装备']);
  });

  it('need → achievements: every style has the seeded belt-alignment system in its top three', async () => {
    const tops = await Promise.all(Object.values(needIds).map((id) => topThree(`/api/v1/needs/${id}/matches`, enterprise)));
    for (const top of tops) expect(top.map((t) => t.title)).toContain('带式输送机输送带智能纠偏系统');
  });

  it('achievement → needs: every style has the seeded goji-drying need in its top three', async () => {
    const tops = await Promise.all(Object.values(achievementIds).map((id) => topThree(`/api/v1/achievements/${id}/matches`, university)));
    for (const top of tops) expect(top.map((t) => t.title)).toContain('枸杞干果颜色发暗、烘干周期长、燃煤成本高');
  });
});
