/** Display helpers: money from fen, dates in Asia/Shanghai. */
import { formatFen } from '../shared/domain/money';

export { formatFen };

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

export function formatDate(iso: string | number): string {
  return DATE.format(new Date(iso));
}

/** 万元 for large amounts on cards: ¥120万 reads faster than ¥1,200,000.00. */
export function formatFenShort(fen: number): string {
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
