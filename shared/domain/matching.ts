/**
 * The rules of a good match, written once and pure: which industries can use each other's technology,
 * how maturity and price fit, how the parts add up to a 0–1 score, and the sentence that explains it.
 */
import { INDUSTRY_EN, type Industry } from './industries';
import { formatFen } from './money';

/**
 * Industries that can use each other's technology. An industry may sit in several clusters (氟材料 is
 * both a material and a chemical). A need only matches achievements from industries sharing a cluster.
 */
export const INDUSTRY_CLUSTERS: Record<string, readonly Industry[]> = {
  材料与能源: ['新型材料', '清洁能源', '光伏全产业链', '半导体材料', '晶体材料', '储能材料', '锂电池', '特殊合金材料', '电子元器件用高纯稀有金属', '高纯钽生物医用', '氟材料', '聚酰胺', '节能减排与绿色低碳', '装备制造'],
  化工与医药: ['现代化工', '精细化工', '精制双氰胺', '化工助剂/医药/农药连续化绿色工艺', '氟材料', '聚酰胺', '新医药', '节能减排与绿色低碳', '生态修复与污染防治', '锂电池', '储能材料'],
  装备与制造: ['装备制造', '煤矿智能成套输送设备', '高端铸件及精密加工', '智能制造', '安全生产与应急', '特殊合金材料', '工业互联网', '光伏全产业链', '节能减排与绿色低碳'],
  数字经济: ['数字信息', '工业互联网', '大数据', '智能制造', '电子商务', '现代物流', '现代金融', '安全生产与应急', '冷链物流', '会展博览', '文化旅游', '健康养老'],
  农业与食品: ['葡萄酒', '枸杞', '牛奶', '肉牛', '滩羊', '冷凉蔬菜', '奶牛/肉牛/肉羊健康养殖', '粪污资源化利用', '现代种业', '绿色食品加工', '冷链物流', '电子商务'],
  生态环境: ['生态修复与污染防治', '节能减排与绿色低碳', '粪污资源化利用', '安全生产与应急', '清洁能源', '现代化工', '精细化工'],
  健康: ['健康养老', '慢性病与地方病防治', '新医药', '高纯钽生物医用', '牛奶', '绿色食品加工'],
  服务: ['文化旅游', '现代物流', '现代金融', '电子商务', '会展博览', '冷链物流', '健康养老', '葡萄酒'],
};

export function compatibleIndustries(industry: string): string[] {
  const out = new Set<string>([industry]);
  for (const members of Object.values(INDUSTRY_CLUSTERS)) {
    if ((members as readonly string[]).includes(industry)) for (const m of members) out.add(m);
  }
  return [...out];
}

export interface Fit {
  /** 0–1. */
  value: number;
  zh: string;
  en: string;
}

export function industryFit(a: string, b: string): Fit {
  const en = (x: string) => INDUSTRY_EN[x as Industry] ?? x;
  if (a === b) return { value: 1, zh: `同属「${a}」`, en: `same industry (${en(a)})` };
  if (compatibleIndustries(a).includes(b)) return { value: 0.7, zh: `「${a}」与「${b}」属相关产业`, en: `related industries (${en(a)} / ${en(b)})` };
  return { value: 0, zh: `「${a}」与「${b}」产业不相关`, en: `unrelated industries (${en(a)} / ${en(b)})` };
}

/** How well an achievement's maturity fits what an enterprise can take on. */
export function maturityFit(trl: number, minTrl: number | null): Fit {
  if (minTrl !== null) {
    return trl >= minTrl
      ? { value: 1, zh: `成熟度 TRL ${trl}，满足不低于 ${minTrl} 的要求`, en: `TRL ${trl} meets the minimum ${minTrl}` }
      : { value: 0, zh: `成熟度 TRL ${trl}，低于要求的 ${minTrl}`, en: `TRL ${trl} is below the minimum ${minTrl}` };
  }
  // Without a stated minimum, an enterprise is better served the closer a result is to production.
  if (trl >= 7) return { value: 1, zh: `成熟度 TRL ${trl}，已可工程应用`, en: `TRL ${trl}, ready for use` };
  if (trl >= 5) return { value: 0.8, zh: `成熟度 TRL ${trl}，处于小试/中试阶段`, en: `TRL ${trl}, at pilot stage` };
  return { value: 0.5, zh: `成熟度 TRL ${trl}，仍在实验室阶段`, en: `TRL ${trl}, still in the laboratory` };
}

/** Asking price (floor, fen; undefined = 面议) against a budget ceiling (fen; undefined = 面议). */
export function priceFit(askFloorFen: number | undefined, budgetMaxFen: number | undefined): Fit {
  if (askFloorFen === undefined || budgetMaxFen === undefined) {
    return { value: 0.7, zh: '价格面议，需进一步洽谈', en: 'price negotiable' };
  }
  if (askFloorFen <= budgetMaxFen) {
    return { value: 1, zh: `报价起点 ${formatFen(askFloorFen)}，在预算 ${formatFen(budgetMaxFen)} 以内`, en: `asking from ${formatFen(askFloorFen)}, within the budget of ${formatFen(budgetMaxFen)}` };
  }
  return { value: 0, zh: `报价起点 ${formatFen(askFloorFen)}，超出预算 ${formatFen(budgetMaxFen)}`, en: `asking from ${formatFen(askFloorFen)}, over the budget of ${formatFen(budgetMaxFen)}` };
}

export const SCORE_WEIGHTS = { text: 0.6, industry: 0.15, maturity: 0.15, price: 0.1 } as const;

export function matchScore(parts: { text: number; industry: number; maturity: number; price: number }): number {
  const raw =
    SCORE_WEIGHTS.text * parts.text + SCORE_WEIGHTS.industry * parts.industry + SCORE_WEIGHTS.maturity * parts.maturity + SCORE_WEIGHTS.price * parts.price;
  return Math.round(Math.min(1, Math.max(0, raw)) * 1000) / 1000;
}

export interface MatchExplanation {
  sharedKeywords: string[];
  industry: Fit;
  maturity: Fit;
  price: Fit;
  /** One readable line, Chinese. */
  summaryZh: string;
  summaryEn: string;
}

export function explain(sharedKeywords: string[], industry: Fit, maturity: Fit, price: Fit): MatchExplanation {
  const words = sharedKeywords.length ? `共同关键词：${sharedKeywords.join('、')}` : '无直接共同关键词（经同义词关联）';
  const wordsEn = sharedKeywords.length ? `shared keywords: ${sharedKeywords.join(', ')}` : 'no literal shared keyword (related through synonyms)';
  return {
    sharedKeywords,
    industry,
    maturity,
    price,
    summaryZh: `${words}；${industry.zh}；${maturity.zh}；${price.zh}。`,
    summaryEn: `${wordsEn}; ${industry.en}; ${maturity.en}; ${price.en}.`,
  };
}
