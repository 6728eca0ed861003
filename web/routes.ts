/**
 * The server-rendered pages. They call the same shared services as the API (never the table), so the
 * rules live in one place; forms are plain GET forms that work without JavaScript.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ApiEnv } from '../shared/http/context';
import { achievementListQuery, needListQuery } from '../shared/http/queries';
import { PUBLIC_ACHIEVEMENT_STATUSES } from '../shared/domain/achievement';
import { DomainError } from '../shared/domain/errors';
import { PUBLIC_NEED_STATUSES } from '../shared/domain/need';
import { achievementSpec, needSpec, readListing } from '../shared/services/listings';
import { searchHall, type HallQuery } from '../shared/services/search';
import { cityStats } from '../shared/services/stats';
import { dashboard } from '../shared/services/dashboard';
import { applicationsWithStatus } from '../shared/db/programs';
import { getContract } from '../shared/db/contracts';
import { tx, type Lang } from './i18n';
import type { PageContext } from './layout';
import { achievementPage, errorPage, hallPage, homePage, needPage, notFoundPage, statsPage } from './pages/public';
import { APP_CSS, FORM_CSS } from './styles';
import { FILES_JS, HALL_JS } from './scripts';
import { escapeHtml } from '../shared/text/escape-html';

const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff">科</text></svg>';

export function pageContext(c: Context<ApiEnv>): PageContext {
  const asked = c.req.query('lang');
  let lang: Lang = getCookie(c, 'lang') === 'en' ? 'en' : 'zh';
  if (asked === 'en' || asked === 'zh') {
    lang = asked;
    setCookie(c, 'lang', lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400, httpOnly: true });
  }
  const principal = c.var.principal;
  const query = new URL(c.req.url).searchParams;
  query.delete('lang');
  return { lang, path: c.req.path, user: principal ? principal.username : null, csrf: c.var.csrf, query: query.toString(), ...(principal?.orgId ? { unread: c.var.unread ?? 0 } : {}) };
}

/** The hall's query as the API would take it; `lang` belongs to the page, not to the search. */
function hallQuery(c: Context<ApiEnv>, kind: 'achievement' | 'need') {
  const { lang: _lang, ...raw } = c.req.query();
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const parsed = (kind === 'achievement' ? achievementListQuery : needListQuery).safeParse(cleaned);
  return { raw: cleaned, query: (parsed.success ? parsed.data : {}) as Record<string, unknown> };
}

/** Signed-in people can subscribe to the search they are looking at. */
function saveSearchForm(c: Context<ApiEnv>, lang: Lang, kind: 'achievement' | 'need', raw: Record<string, string>): string | undefined {
  if (!c.var.principal || (!raw.q && !raw.industry)) return undefined;
  const hidden = ['q', 'industry', 'district', 'mode'].map((k) => (raw[k] ? `<input type="hidden" name="${k}" value="${escapeHtml(raw[k])}">` : '')).join('');
  return `<form method="post" action="/saved-searches" style="margin:0 0 12px"><input type="hidden" name="_csrf" value="${escapeHtml(c.var.csrf)}"><input type="hidden" name="kind" value="${kind}">${hidden}<button class="secondary" type="submit">${tx(lang, '订阅此搜索', 'Save this search')}</button></form>`;
}

export function webRoutes() {
  return new Hono<ApiEnv>()
    .get('/assets/favicon.svg', (c) => c.body(FAVICON, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }))
    .get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301))
    .get('/assets/hall.js', (c) => c.body(HALL_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
    .get('/assets/files.js', (c) => c.body(FILES_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
    .get('/assets/app.css', (c) => c.body(APP_CSS + FORM_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
    .get('/', async (c) => {
      const { search, db, now } = c.var.deps;
      const [newest, challenges, stats] = await Promise.all([
        searchHall(search, 'achievements', PUBLIC_ACHIEVEMENT_STATUSES, { limit: 6 }),
        searchHall(search, 'needs', PUBLIC_NEED_STATUSES, { challenge: true, limit: 4 }),
        cityStats(db, null),
      ]);
      return c.html(homePage(pageContext(c), { newest, challenges, stats, now: now() }));
    })
    .get('/achievements', async (c) => {
      const { raw, query } = hallQuery(c, 'achievement');
      const page = await searchHall(c.var.deps.search, 'achievements', PUBLIC_ACHIEVEMENT_STATUSES, { ...query, limit: 12 } as HallQuery);
      const ctx = pageContext(c);
      return c.html(hallPage(ctx, 'achievement', raw, page, c.var.deps.now(), saveSearchForm(c, ctx.lang, 'achievement', raw)));
    })
    .get('/needs', async (c) => {
      const { raw, query } = hallQuery(c, 'need');
      const page = await searchHall(c.var.deps.search, 'needs', PUBLIC_NEED_STATUSES, { ...query, limit: 12 } as HallQuery);
      const ctx = pageContext(c);
      return c.html(hallPage(ctx, 'need', raw, page, c.var.deps.now(), saveSearchForm(c, ctx.lang, 'need', raw)));
    })
    .get('/achievements/:id', async (c) => {
      const view = await readListing(c.var.deps.db, achievementSpec, null, c.req.param('id'));
      return c.html(achievementPage(pageContext(c), view.record as Record<string, unknown>));
    })
    .get('/needs/:id', async (c) => {
      const view = await readListing(c.var.deps.db, needSpec, null, c.req.param('id'));
      return c.html(needPage(pageContext(c), view.record as Record<string, unknown>, c.var.deps.now()));
    })
    .get('/stats', async (c) => {
      const principal = c.var.principal;
      const stats = await cityStats(c.var.deps.db, principal);
      // Admins drill down from the figures to the contracts behind them.
      const ids = principal?.isAdmin && 'contractIds' in stats ? (stats.contractIds as { turnover: string[] }).turnover : null;
      const contracts = ids ? (await Promise.all(ids.map((id) => getContract(c.var.deps.db, id)))).filter((x) => x !== null) : undefined;
      const ctx = pageContext(c);
      // ECharts is half the api bundle's bytes: loaded on the first /stats, not on every cold start.
      const { dashboardSections } = await import('./pages/dashboard');
      // … and from the program figures to the applications behind them.
      const admin = principal?.isAdmin ? { applications: (await Promise.all((['approved', 'paid'] as const).map((s) => applicationsWithStatus(c.var.deps.db, s)))).flat() } : null;
      return c.html(statsPage(ctx, stats, contracts as never, dashboardSections(ctx.lang, await dashboard(c.var.deps.db, c.var.deps.now()), stats, admin)));
    });
}

/** Pages answer errors with pages: a friendly 404, or an error page without details. */
export function pageError(error: unknown, c: Context<ApiEnv>): Response | Promise<Response> {
  const ctx = pageContext(c);
  if (error instanceof DomainError && error.kind === 'not_found') return c.html(notFoundPage(ctx), 404);
  if (error instanceof DomainError && error.kind === 'unauthenticated') {
    // Back to the page asked for after signing in (a form post cannot be replayed: back to the workspace).
    const url = new URL(c.req.url);
    return c.redirect(c.req.method === 'GET' ? `/login?next=${encodeURIComponent(url.pathname + url.search)}` : '/login');
  }
  if (error instanceof DomainError && error.kind === 'unavailable') {
    // A part is down (database, search, sign-in keys): say which, and that nothing was lost.
    console.error(JSON.stringify({ level: 'WARN', message: 'page unavailable', path: c.req.path, code: error.code, error: String(error.cause ?? error) }));
    return c.html(errorPage(ctx, ctx.lang === 'zh' ? error.messageZh : error.message), 503);
  }
  if (error instanceof DomainError && error.kind !== 'internal') {
    // A refused action: say why, in the person's language.
    const status = error.kind === 'forbidden' ? 403 : error.kind === 'conflict' ? 409 : error.kind === 'rate_limited' ? 429 : 400;
    if (error.retryAfterSeconds !== undefined) c.header('retry-after', String(error.retryAfterSeconds));
    return c.html(errorPage(ctx, ctx.lang === 'zh' ? error.messageZh : error.message), status);
  }
  console.error(JSON.stringify({ level: 'ERROR', message: 'page failed', path: c.req.path, error: String(error) }));
  return c.html(errorPage(ctx), 500);
}

export function pageNotFound(c: Context<ApiEnv>): Response | Promise<Response> {
  return c.html(notFoundPage(pageContext(c)), 404);
}
