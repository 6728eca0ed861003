/**
 * A long listing reduced to at most 10 weighted words: the owner's keywords count most, then the title's
 * words, then the TF-IDF keywords of the text. Meilisearch reads only the first 10 words of a query, so
 * the strongest come first.
 */
import { contentWords, extractKeywords, synonymsOf, tokenize } from './tokenizer';

export const MAX_QUERY_WORDS = 10;

export interface WeightedWord {
  word: string;
  weight: number;
}

export function queryWords(parts: { keywords: string[]; title: string; text: string }): WeightedWord[] {
  const weights = new Map<string, number>();
  const add = (word: string, weight: number) => {
    const w = word.toLowerCase().trim();
    if (w.length < 2 && !/[钽铌锂硅氟煤羊牛]/.test(w)) return;
    weights.set(w, (weights.get(w) ?? 0) + weight);
  };
  for (const keyword of parts.keywords) add(keyword, 3);
  const content = contentWords(`${parts.title}。${parts.text}`);
  // Title words: the longest segmentation of each (cutForSearch also yields the parts of compounds).
  for (const token of tokenize(parts.title)) if (content.has(token) || parts.keywords.includes(token)) add(token, 1.5);
  const extracted = extractKeywords(`${parts.title}。${parts.text}`, 20).filter((k) => content.has(k.word)).slice(0, 12);
  const top = extracted[0]?.weight ?? 1;
  for (const { word, weight } of extracted) add(word, (2 * weight) / top);
  // A word and its synonym are one idea: keep the stronger, so the 10 slots hold 10 ideas.
  const ranked = [...weights].sort((a, b) => b[1] - a[1]);
  const chosen: WeightedWord[] = [];
  for (const [word, weight] of ranked) {
    if (chosen.some((c) => c.word === word || synonymsOf(c.word).includes(word) || (c.word.includes(word) && word.length < c.word.length))) continue;
    chosen.push({ word, weight: Math.round(weight * 100) / 100 });
    if (chosen.length === MAX_QUERY_WORDS) break;
  }
  return chosen;
}
