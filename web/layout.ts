/** The page shell: header with navigation and language switch, main, footer. */
import { escapeHtml } from '../shared/text/escape-html';
import { htmlLang, t, tx, type Lang } from './i18n';

export interface PageContext {
  lang: Lang;
  path: string;
  /** The signed-in person's display name, when there is one. */
  user?: string | null;
  /** CSRF token for the sign-out form. */
  csrf?: string;
  /** The page's query without `lang`, kept by the language switch (a hall's filters survive it). */
  query?: string;
  /** Unread messages of a signed-in member (absent: no messages link). */
  unread?: number;
}

const NAV = [
  ['/', 'home'],
  ['/achievements', 'achievements'],
  ['/needs', 'needs'],
  ['/programs', 'programs'],
  ['/stats', 'stats'],
] as const;

export function layout(ctx: PageContext, title: string, body: string, options: { description?: string } = {}): string {
  const other: Lang = ctx.lang === 'zh' ? 'en' : 'zh';
  const nav = NAV.map(([href, key]) => {
    // The hall itself and its listings' pages; not the forms for posting a new one.
    const current = ctx.path === href || (href !== '/' && ctx.path.startsWith(`${href}/`) && ctx.path !== `${href}/new` && ctx.path.split('/').length === 3);
    return `<li><a href="${href}"${current ? ' aria-current="page"' : ''}>${t(ctx.lang, key)}</a></li>`;
  }).join('');
  return `<!doctype html>
<html lang="${htmlLang(ctx.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${t(ctx.lang, 'site')}</title>
${options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : ''}
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">
</head>
<body>
<a class="skip" href="#main">${tx(ctx.lang, '跳到正文', 'Skip to content')}</a>
<header class="site"><div class="bar">
<a class="brand" href="/">${t(ctx.lang, 'site')}</a>
<nav aria-label="${tx(ctx.lang, '主导航', 'Main')}"><ul>${nav}</ul></nav>
<div class="tools">
<a href="?${ctx.query ? `${escapeHtml(ctx.query)}&amp;` : ''}lang=${other}" hreflang="${htmlLang(other)}">${t(ctx.lang, 'language')}</a>
${ctx.user && ctx.unread !== undefined ? `<a href="/me/messages" class="messages-link">${tx(ctx.lang, '消息', 'Messages')}${ctx.unread ? ` <span class="badge" aria-label="${tx(ctx.lang, `${ctx.unread} 条未读`, `${ctx.unread} unread`)}">${ctx.unread}</span>` : ''}</a>` : ''}
${ctx.user ? `<a href="/me">${escapeHtml(ctx.user)}</a><form class="inline" method="post" action="/logout"><input type="hidden" name="_csrf" value="${escapeHtml(ctx.csrf ?? '')}"><button class="secondary" type="submit">${ctx.lang === 'zh' ? '退出' : 'Sign out'}</button></form>` : `<a href="/login">${t(ctx.lang, 'signIn')}</a>`}
</div>
</div></header>
<main id="main">${body}</main>
<footer class="site">${tx(ctx.lang, '石嘴山市科学技术局 · 金额单位：人民币元；日期按北京时间', 'Shizuishan Science and Technology Bureau · amounts in CNY; dates in Asia/Shanghai time')}</footer>
</body>
</html>`;
}
