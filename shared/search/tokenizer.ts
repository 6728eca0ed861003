/**
 * Chinese-aware tokenisation with jieba (the same family of segmenter Meilisearch's charabia uses for
 * `cmn`), plus the domain vocabulary so that 双氰胺, 金刚线 or 滩羊 stay one word.
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { INDUSTRIES } from '../domain/industries';
import { baseDictionary } from './jieba-dictionary';
import { RELATED_GROUPS } from './related-terms';
import { SYNONYMS } from './synonyms';

const STOP_WORDS = new Set([
  '的', '了', '和', '与', '及', '或', '等', '在', '是', '对', '中', '为', '将', '可', '并', '其', '以', '从', '到', '由', '于',
  '被', '把', '也', '都', '而', '就', '要', '会', '能', '有', '无', '不', '这', '那', '该', '此', '我们', '我司', '公司', '企业',
  '希望', '需要', '目前', '现有', '存在', '问题', '实现', '进行', '通过', '采用', '一种', '以及', '相关', '技术', '方法', '提高', '提升',
  '降低', '减少', '研究', '开发', '应用', '项目', '情况', '方面', '揭榜', '挂帅', '揭榜挂帅', '征集', '制备', '要求', '指标', '达到', '以上', '以下', '左右',
  '低于', '高于', '不低于', '不高于', '不超过', '超过', '小于', '大于', '以内', '排出', '每班', '目前', '现在', '一直', '较', '大', '小', '高', '低', '多', '少', '好', '新', '用', '个',
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'for', 'with', 'on',
]);

/** Single characters that carry meaning on their own in this domain (elements, animals, materials). */
const MEANINGFUL_SINGLE = new Set(['钽', '铌', '锂', '硅', '氟', '煤', '铁', '铝', '铜', '锌', '镁', '钛', '钨', '钼', '氢', '羊', '牛', '奶', '酒', '茶', '碳', '氮', '磷', '钾']);

let jieba: Jieba | null = null;

function domainDictionary(): Uint8Array {
  const words = new Map<string, number>();
  // "word frequency" lines; a high frequency makes jieba keep the word whole. The problem ↔ remedy words
  // are kept whole too, but two-character ones with a lower frequency: 对中 or 回用 must not cut 相对中心.
  for (const group of RELATED_GROUPS) for (const w of group) words.set(w, w.length > 2 ? 50000 : 2000);
  for (const [word, others] of Object.entries(SYNONYMS)) {
    words.set(word, 50000);
    for (const o of others) words.set(o, 50000);
  }
  for (const industry of INDUSTRIES) for (const part of industry.split('/')) words.set(part, 50000);
  return Buffer.from(
    [...words]
      .filter(([w]) => /[\u4e00-\u9fff]/.test(w) && w.length > 1)
      .map(([w, frequency]) => `${w} ${frequency}`)
      .join('\n'),
  );
}

/**
 * The segmenter, built on first use: the native module (loaded only now, not at import) with the trimmed
 * base dictionary and the domain words. A cold start that serves a page without segmenting skips both.
 */
export function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = createRequire(import.meta.url)('@node-rs/jieba') as typeof import('@node-rs/jieba');
    jieba = JiebaClass.withDict(baseDictionary());
    jieba.loadDict(domainDictionary());
  }
  return jieba;
}

function keep(token: string): boolean {
  if (!token.trim() || STOP_WORDS.has(token)) return false;
  if (/^[\p{P}\p{S}\s]+$/u.test(token)) return false;
  if (/^\d+(\.\d+)?$/.test(token)) return false;
  if (token.length === 1 && /[\u4e00-\u9fff]/.test(token)) return MEANINGFUL_SINGLE.has(token);
  return true;
}

/** Search-mode tokens (overlapping: 产业链 gives 产业 and 产业链), lower-cased, without stop words. */
export function tokenize(text: string): string[] {
  if (!text) return [];
  return segmenter().cutForSearch(text.toLowerCase(), true).filter(keep);
}

const FUNCTION_TAGS = /^(d|m|mq|r|p|c|u.*|q|t|f|a|ad|an|e|y|o|h|k|x|w|zg|ul|uj)$/;

/**
 * The content words of a text with their part of speech: nouns, verbs and the domain vocabulary stay;
 * adverbs, numerals, pronouns, particles and words jieba only guessed at (tag x, e.g. 偏高, 说坏) go.
 * People describe problems in everyday phrases (放不了几天, 拖得太长); only the content words carry over
 * to how a researcher would describe a solution.
 */
export function contentWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { word, tag } of contentTagged(text)) out.set(word, tag);
  return out;
}

/** The content words of a text in order, repeats kept (how often a problem names a thing counts). */
export function contentTokens(text: string): string[] {
  return contentTagged(text).map((t) => t.word);
}

function contentTagged(text: string): { word: string; tag: string }[] {
  const out: { word: string; tag: string }[] = [];
  for (const { word, tag } of segmenter().tag(text.toLowerCase(), true)) {
    const domain = tag === '';
    if (!domain && FUNCTION_TAGS.test(tag)) continue;
    if (!keep(word)) continue;
    if (!domain && tag.startsWith('v') && /^[不没别]/.test(word)) continue;
    out.push({ word, tag });
  }
  return out;
}

/** Synonyms of a token from the domain list (not including the token). */
export function synonymsOf(token: string): string[] {
  return SYNONYMS[token] ?? [];
}

let related: Map<string, string[]> | null = null;

/**
 * Words linked to a token by a problem ↔ remedy group (related-terms.ts), not counting the token itself or
 * its synonyms: 掉奶 → 产奶量, 热应激. Weaker than a synonym; matching gives them less credit.
 */
export function relatedOf(token: string): string[] {
  if (!related) {
    const sets = new Map<string, Set<string>>();
    for (const group of RELATED_GROUPS) {
      for (const w of group) {
        let set = sets.get(w);
        if (!set) sets.set(w, (set = new Set()));
        for (const o of group) if (o !== w) set.add(o);
      }
    }
    related = new Map([...sets].map(([w, set]) => [w, [...set].filter((o) => !(SYNONYMS[w] ?? []).includes(o)).sort()]));
  }
  return related.get(token) ?? [];
}
