/**
 * Highlights from Meilisearch, made safe: they come back unescaped, so they are HTML-escaped here,
 * keeping only <mark>. Part of the adapter (../meilisearch-index.ts).
 */
import { escapeHtml } from '../../text/escape-html';

export const HIGHLIGHT_PRE = '<mark>';
export const HIGHLIGHT_POST = '</mark>';

/** Escapes Meilisearch's formatted text, then turns the escaped mark tags back into markup. */
export function safeHighlight(formatted: string): string {
  return escapeHtml(formatted)
    .split(escapeHtml(HIGHLIGHT_PRE))
    .join(HIGHLIGHT_PRE)
    .split(escapeHtml(HIGHLIGHT_POST))
    .join(HIGHLIGHT_POST);
}
