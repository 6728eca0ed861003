/** Display helpers: money from fen, dates in Asia/Shanghai, in the page's language. */
import { formatFen } from '../shared/domain/money';
import type { Lang } from './i18n';

export { formatFen };

const DATE = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric' }),
};

/** The calendar date in Shanghai, whatever the reader's language: a 23:30 UTC payment is on the next day there. */
export function formatDate(iso: string | number, lang: Lang = 'zh'): string {
  return DATE[lang].format(new Date(iso));
}

/**
 * 万元 for large amounts on cards: ¥120万 reads faster than ¥1,200,000.00. English readers do not count
 * in 万, so they get whole yuan with separators (¥1,200,000), still by integer arithmetic.
 */
export function formatFenShort(fen: number, lang: Lang = 'zh'): string {
  if (lang === 'en') return fen % 100 === 0 ? formatFen(fen).replace(/\.00$/, '') : formatFen(fen);
  if (fen < 1_000_000) return formatFen(fen);
  // 1 万元 = 1,000,000 fen; integer division only.
  const wan = Math.trunc(fen / 1_000_000);
  const hundredths = Math.trunc((fen % 1_000_000) / 10_000);
  return `¥${wan.toLocaleString('zh-CN')}${hundredths ? `.${String(hundredths).padStart(2, '0').replace(/0$/, '')}` : ''}万`;
}

export function daysUntil(date: string, now: Date): number {
  const end = Date.parse(`${date}T23:59:59+08:00`);
  return Math.max(0, Math.ceil((end - now.getTime()) / 86_400_000));
}
