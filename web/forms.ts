/** Form helpers: labelled inputs with inline errors (Chinese first), and yuan → fen without floats. */
import type { FieldIssue } from '../shared/domain/errors';
import { escapeHtml } from '../shared/text/escape-html';

/** "1,234.5" 元 → 123450 fen, by digits only; null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function errorFor(issues: FieldIssue[], path: string): string {
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? `<p class="field-error" id="err-${escapeHtml(path)}" role="alert">${escapeHtml(issue.messageZh)}</p>` : '';
}

export function field(opts: { name: string; label: string; value?: string; type?: string; required?: boolean; textarea?: boolean; hint?: string; issues: FieldIssue[]; attrs?: string }): string {
  const id = `f-${opts.name.replace(/[^\w-]/g, '-')}`;
  const error = errorFor(opts.issues, opts.name);
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
