/**
 * The interface speaks Chinese first; English is a switch (?lang=en, remembered in a cookie), on the
 * public pages and the signed-in workspace alike. Three ways a page finds its words, one per kind of text:
 *
 * - Words many pages share (navigation, field names such as 产业/预算) sit in WORDS and are read with
 *   `t(lang, key)`.
 * - A sentence that belongs to one page is written where it is used, both languages side by side:
 *   `tx(lang, '我的工作台', 'My workspace')`. A page cannot gain a Chinese sentence without its English one,
 *   and the reviewer sees the pair together instead of chasing keys across files.
 * - Domain values (statuses, modes, industries, districts, reasons) go through `label()` in ./labels,
 *   which pairs the domain's Chinese labels with English ones; the stored value never changes.
 *
 * Field messages already carry both languages (FieldIssue.message / messageZh) and are picked by `issueText`
 * in ./forms. Money stays ¥ from integer fen and dates stay Asia/Shanghai in both languages (./format).
 */
export type Lang = 'zh' | 'en';

/** One sentence in both languages, written where it is used. */
/** The page's language's half of a { zh, en } label. */
export const pick = (lang: Lang, pair: { zh: string; en: string }) => (lang === 'zh' ? pair.zh : pair.en);

export function tx(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

/** An aside after a word: full-width brackets in Chinese, a space and round brackets in English. */
export function inParens(lang: Lang, text: string): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** The `<html lang>` value for a page language. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

const WORDS = {
  site: ['石嘴山科技大市场', 'Shizuishan Technology Market'],
  home: ['首页', 'Home'],
  achievements: ['成果大厅', 'Achievements'],
  needs: ['需求大厅', 'Needs & challenges'],
  stats: ['数据看板', 'Dashboard'],
  programs: ['扶持项目', 'Programs'],
  signIn: ['登录', 'Sign in'],
  searchPlaceholder: ['输入技术问题或成果关键词，如：硅片切割损耗', 'Describe a problem or a technology, e.g. wafer cutting loss'],
  search: ['搜索', 'Search'],
  newest: ['最新成果', 'Newest achievements'],
  openChallenges: ['揭榜挂帅 · 正在征集', 'Open challenges'],
  kpi: ['全市目标进展', 'Progress against the city’s targets'],
  transformed: ['转化科技成果', 'Achievements transformed'],
  turnover: ['技术合同成交额', 'Contract turnover'],
  paid: ['核验到账', 'Verified payments'],
  rewards: ['已批准奖励', 'Rewards approved'],
  results: ['条结果', 'results'],
  noResults: ['没有找到匹配的条目，换个说法试试？', 'Nothing found. Try other words?'],
  filters: ['筛选', 'Filters'],
  industry: ['产业', 'Industry'],
  maturity: ['成熟度', 'Maturity'],
  mode: ['合作方式', 'Cooperation'],
  district: ['区县', 'District'],
  sort: ['排序', 'Sort'],
  apply: ['应用', 'Apply'],
  next: ['下一页', 'Next page'],
  price: ['价格', 'Price'],
  budget: ['预算', 'Budget'],
  deadline: ['截止日期', 'Deadline'],
  daysLeft: ['天后截止', 'days left'],
  bounty: ['榜额', 'Bounty'],
  negotiable: ['面议', 'Negotiable'],
  owner: ['发布机构', 'Published by'],
  keywords: ['关键词', 'Keywords'],
  criteria: ['验收指标', 'Acceptance criteria'],
  binding: ['揭榜挂帅发布后，榜额、截止日期与验收指标只可提高或延长，不得降低或撤回。', 'Once published, the bounty, deadline and criteria can only be raised or extended.'],
  interestCta: ['登录后提交合作意向', 'Sign in to express interest'],
  proposalCta: ['登录后提交揭榜方案', 'Sign in to submit a proposal'],
  notFound: ['页面不存在', 'Page not found'],
  notFoundText: ['您要找的页面不存在或已下架。', 'The page you are looking for does not exist or was withdrawn.'],
  errorTitle: ['出错了', 'Something went wrong'],
  byYear: ['按年度', 'By year'],
  byIndustry: ['按产业', 'By industry'],
  byDistrict: ['按区县', 'By district'],
  target: ['目标', 'target'],
  language: ['English', '中文'],
  workspace: ['我的工作台', 'My workspace'],
  status: ['状态', 'Status'],
  team: ['团队', 'Team'],
  ip: ['知识产权', 'Intellectual property'],
  contactName: ['联系人', 'Contact person'],
  contactPhone: ['联系电话', 'Phone'],
  contactEmail: ['电子邮箱', 'Email'],
  contactsDisclosed: ['联系方式仅在您接受对方意向后向对方披露。', 'Your contact details are shown to the other side only once you accept their interest.'],
  edit: ['修改', 'Edit'],
  publish: ['发布', 'Publish'],
  saveDraft: ['保存草稿', 'Save draft'],
  saveChanges: ['保存修改', 'Save changes'],
  amount: ['金额', 'Amount'],
  contract: ['合同', 'Contract'],
  actions: ['操作', 'Actions'],
  decide: ['处理', 'Decision'],
  none: ['暂无。', 'None yet.'],
  pleaseChoose: ['请选择', 'Choose…'],
  matchScore: ['匹配度', 'Match'],
} as const;

export type WordKey = keyof typeof WORDS;

export function t(lang: Lang, key: WordKey): string {
  return WORDS[key][lang === 'zh' ? 0 : 1];
}

/** "Please correct the N marked fields" above a form that came back with issues. */
export function fixMarked(lang: Lang, count: number): string {
  return tx(lang, `请修改标出的 ${count} 处后再提交。`, `Please correct the ${count} marked ${count === 1 ? 'field' : 'fields'} and submit again.`);
}
