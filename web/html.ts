/** Tiny helpers for server-rendered HTML: escaping is not optional. */
import { escapeHtml } from '../shared/text/escape-html';

export { escapeHtml };

/**
 * A table cell that names its column. On narrow screens tables stack into cards and their header row is
 * hidden (styles.ts), so each cell shows its column name above its value; `html` must already be escaped.
 */
export function cell(column: string, html: string): string {
  return `<td data-label="${escapeHtml(column)}">${html}</td>`;
}

/** A column header; `text` must already be escaped. */
export const th = (text: string) => `<th scope="col">${text}</th>`;
