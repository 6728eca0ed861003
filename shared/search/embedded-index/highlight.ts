/**
 * Highlighted snippets in the embedded engine: matched terms wrapped in <mark>, everything else
 * HTML-escaped, long text cropped around the first match. Part of the embedded engine (../embedded-index.ts).
 */
import { escapeHtml } from '../../text/escape-html';

export function highlight(text: string, terms: string[], crop: number | null): string {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms.sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      from = end;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let start = 0;
  let end = text.length;
  if (crop !== null && text.length > crop) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(first - Math.floor(crop / 4), text.length - crop));
    end = Math.min(text.length, start + crop);
  }
  let out = start > 0 ? '…' : '';
  let cursor = start;
  for (const [s, e] of ranges) {
    if (s < start || e > end) continue;
    out += escapeHtml(text.slice(cursor, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    cursor = e;
  }
  out += escapeHtml(text.slice(cursor, end)) + (end < text.length ? '…' : '');
  return out;
}
