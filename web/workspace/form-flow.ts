/**
 * The one way a workspace form is handled: the form's fields become the API's body (yuan → fen, lines →
 * lists), the same strict schema checks it, and what fails is shown under the field it belongs to; a
 * service's refusal that the person can fix (a taken code, a stale version) re-renders the form with its
 * reason; success redirects. Forms that fail validation are answered 200 with the form and its inline
 * messages: the page is the answer, and browsers log a 4xx document as a console error.
 */
import type { Context } from 'hono';
import type * as z from 'zod';
import { DomainError, type FieldIssue } from '../../shared/domain/errors';
import type { ApiEnv } from '../../shared/http/context';
import { issuesFromZod } from '../../shared/http/field-issues';
import { yuanToFen } from '../forms';
import { tx, type Lang } from '../i18n';
import type { PageContext } from '../layout';

export type Form = Record<string, string | string[]>;
export type PageContextOf = (c: Context<ApiEnv>) => PageContext;

export const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');
/** The posted form as the strings to show again. */
export const formValues = (form: Form) => Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)]));
export const actorOf = (c: Context<ApiEnv>) => ({ principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() });

/** An optional amount field in yuan → fen; a malformed one adds an issue for that field. */
export function amountField(form: Form, name: string, issues: FieldIssue[]): number | undefined {
  const text = str(form[name]);
  if (!text) return undefined;
  const fen = yuanToFen(text);
  if (fen === null) issues.push({ path: name, code: 'invalid_amount', message: 'Enter an amount in yuan, e.g. 500000 or 12.5', messageZh: '请填写以元为单位的金额，如 500000 或 12.5' });
  return fen ?? undefined;
}

const FIELD_OF_PATH: Record<string, string> = {
  'price.amountFen': 'priceMin', 'price.minFen': 'priceMin', 'price.maxFen': 'priceMax', 'team.leader': 'leader', 'budget.minFen': 'budgetMin', 'budget.maxFen': 'budgetMax',
  'challenge.bountyFen': 'bounty', 'contact.name': 'contactName', 'contact.phone': 'contactPhone', 'contact.email': 'contactEmail', amountFen: 'amount', quoteFen: 'quote',
};

/** zod paths of the body → the form's field names, so each message sits under its input. */
export function formIssues(issues: FieldIssue[], extra: Record<string, string> = {}): FieldIssue[] {
  const map = { ...FIELD_OF_PATH, ...extra };
  return issues.map((i) => {
    const key = Object.keys(map).find((k) => i.path === k) ?? (i.path.startsWith('acceptanceCriteria') ? 'acceptanceCriteria' : i.path.startsWith('keywords') ? 'keywords' : i.path);
    return { ...i, path: map[key] ?? key };
  });
}

/** The form's own findings (`pre`) and the schema's, under the form's field names; the body when there are none. */
export function checkForm<S extends z.ZodType>(schema: S, body: unknown, pre: FieldIssue[] = [], rename: Record<string, string> = {}): { ok: true; data: z.infer<S> } | { ok: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(body, { reportInput: true });
  const issues = [...pre, ...(parsed.success ? [] : formIssues(issuesFromZod(parsed.error), rename))];
  return issues.length || !parsed.success ? { ok: false, issues } : { ok: true, data: parsed.data };
}

/**
 * Runs what the form asks for; a refusal `shows` accepts (one the person can act on) comes back as the
 * form again, with the field issues under their inputs and the reason above them. Anything else is the
 * error page's business.
 */
export async function orRerender(run: () => Promise<Response>, shows: (e: DomainError) => boolean, rerender: (issues: FieldIssue[], error: DomainError) => Response | Promise<Response>, rename: Record<string, string> = {}): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && shows(error)) return rerender(formIssues(error.issues, rename), error);
    throw error;
  }
}

/** A refusal from a service (version conflict, locked challenge term) in the reader's language. */
export const refusal = (lang: Lang, error: DomainError) => (lang === 'zh' ? error.messageZh : error.message);

/** The one-line confirmation a page shows after a redirect (`?done=…`); unknown values show nothing. */
export function doneFlash(lang: Lang, done: string | undefined, texts: Record<string, [zh: string, en: string]>): string | undefined {
  const pair = done && Object.hasOwn(texts, done) ? texts[done] : undefined;
  return pair ? tx(lang, pair[0], pair[1]) : undefined;
}
