/** Form helpers: labelled inputs with inline errors in the page's language, and yuan → fen without floats. */
import type { FieldIssue } from '../shared/domain/errors';
import { escapeHtml } from '../shared/text/escape-html';
import type { Lang } from './i18n';

/** "1,234.5" 元 → 123450 fen, by digits only; null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * zod's default English messages ("Too small: expected string to have >=4 characters") are written for
 * API clients. The form says the same in plain words, as the Chinese does (functions/api/problem.ts);
 * the API's own `message` is left as it is. Anything not recognised is shown unchanged.
 */
const PLAIN_ENGLISH: [RegExp, (n: number) => string][] = [
  [/^Too small: expected string to have >=?(\d+) characters?$/, (n) => (n <= 1 ? 'Required' : `At least ${n} characters`)],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (n) => `At most ${n} characters`],
  [/^Too small: expected array to have >=?(\d+) items?$/, (n) => (n <= 1 ? 'Add at least one' : `Add at least ${n}`)],
  [/^Too big: expected array to have <=?(\d+) items?$/, (n) => `At most ${n}`],
  [/^Too small: expected number to be >=?(-?\d+)$/, (n) => `Must be at least ${n}`],
  [/^Too big: expected number to be <=?(-?\d+)$/, (n) => `Must be at most ${n}`],
];
const PLAIN_ENGLISH_EXACT: Record<string, string> = {
  'Invalid ISO date': 'Enter a valid date (year-month-day)',
  'Invalid email address': 'Enter a valid email address',
  'Invalid input: expected number, received string': 'Enter a number',
  'minFen must be below maxFen': 'The lower amount must be below the upper one',
};

function plainEnglish(message: string): string {
  if (Object.hasOwn(PLAIN_ENGLISH_EXACT, message)) return PLAIN_ENGLISH_EXACT[message]!;
  for (const [pattern, say] of PLAIN_ENGLISH) {
    const match = pattern.exec(message);
    if (match) return say(Number(match[1]));
  }
  if (message.startsWith('Invalid input: expected') && message.endsWith('received undefined')) return 'Required';
  if (message.startsWith('Invalid option: expected one of')) return 'Choose one of the options';
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Every issue carries both languages (zod messages and domain rules alike); the page picks one. */
export function issueText(lang: Lang, issue: FieldIssue): string {
  return lang === 'zh' ? issue.messageZh : plainEnglish(issue.message);
}

export function errorFor(lang: Lang, issues: FieldIssue[], path: string): string {
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? `<p class="field-error" id="err-${escapeHtml(path)}" role="alert">${escapeHtml(issueText(lang, issue))}</p>` : '';
}

export function field(opts: { lang: Lang; name: string; label: string; value?: string; type?: string; required?: boolean; textarea?: boolean; hint?: string; issues: FieldIssue[]; attrs?: string }): string {
  const id = `f-${opts.name.replace(/[^\w-]/g, '-')}`;
  const error = errorFor(opts.lang, opts.issues, opts.name);
  const described = [opts.hint ? `${id}-hint` : '', error ? `err-${opts.name}` : ''].filter(Boolean).join(' ');
  const common = `id="${id}" name="${escapeHtml(opts.name)}"${opts.required ? ' required' : ''}${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''} ${opts.attrs ?? ''}`;
  const control = opts.textarea
    ? `<textarea ${common} rows="4">${escapeHtml(opts.value ?? '')}</textarea>`
    : `<input ${common} type="${opts.type ?? 'text'}" value="${escapeHtml(opts.value ?? '')}">`;
  return `<div class="field"><label for="${id}">${escapeHtml(opts.label)}${opts.required ? ' <span aria-hidden="true">*</span>' : ''}</label>${control}${opts.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(opts.hint)}</p>` : ''}${error}</div>`;
}

export function csrfInput(token: string): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(token)}">`;
}
