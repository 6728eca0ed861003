/** Public pages: home, the two halls, listing details, the dashboard, not-found. Server-rendered. */
import type { HallPage } from '../../shared/services/search';
import type { cityStats } from '../../shared/services/stats';
import { escapeHtml } from '../../shared/text/escape-html';
import { daysUntil, formatDate, formatFen, formatFenShort } from '../format';
import { cell } from '../html';
import { inParens, t, tx, type Lang } from '../i18n';
import { label } from '../labels';
import { layout, type PageContext } from '../layout';
import { achievementCard, needCard } from './cards';

type Stats = Awaited<ReturnType<typeof cityStats>>;

function kpiStrip(lang: Lang, stats: Stats): string {
  const pct = (x: number) => `${Math.min(100, Math.round(x * 1000) / 10)}%`;
  return `<section aria-labelledby="kpi-title"><h2 id="kpi-title">${t(lang, 'kpi')}</h2><div class="kpis">
<div class="kpi"><div class="label">${t(lang, 'transformed')}</div><div class="value">${stats.totals.transformedAchievements} / ${stats.targets.transformedAchievements}</div><div class="meter" role="img" aria-label="${pct(stats.progress.transformedAchievements)}"><span style="width:${pct(stats.progress.transformedAchievements)}"></span></div></div>
<div class="kpi"><div class="label">${t(lang, 'turnover')}</div><div class="value">${escapeHtml(formatFenShort(stats.totals.turnoverFen, lang))}</div><div class="label">${t(lang, 'target')} ${escapeHtml(formatFenShort(stats.targets.turnoverFen, lang))}</div><div class="meter" role="img" aria-label="${pct(stats.progress.turnover)}"><span style="width:${pct(stats.progress.turnover)}"></span></div></div>
<div class="kpi"><div class="label">${t(lang, 'paid')}</div><div class="value">${escapeHtml(formatFenShort(stats.totals.verifiedPaidFen, lang))}</div></div>
<div class="kpi"><div class="label">${t(lang, 'rewards')}</div><div class="value">${escapeHtml(formatFenShort(stats.totals.rewardsApprovedFen, lang))}</div></div>
</div></section>`;
}

function searchForm(lang: Lang, action: string, q = ''): string {
  return `<form class="search" role="search" action="${action}" method="get">
<label for="q" class="skip">${t(lang, 'search')}</label>
<input id="q" type="search" name="q" value="${escapeHtml(q)}" placeholder="${escapeHtml(t(lang, 'searchPlaceholder'))}" maxlength="100">
<button type="submit">${t(lang, 'search')}</button></form>`;
}

export function homePage(ctx: PageContext, data: { newest: HallPage; challenges: HallPage; stats: Stats; now: Date }): string {
  const { lang } = ctx;
  return layout(
    ctx,
    t(lang, 'home'),
    `<section class="hero"><h1>${t(lang, 'site')}</h1><p>${tx(lang, '高校院所科技成果与企业技术需求在这里相遇：发布、检索、匹配、揭榜、签约。', 'Where research achievements meet enterprise needs: publish, search, match, contract.')}</p>${searchForm(lang, '/achievements')}</section>
${kpiStrip(lang, data.stats)}
<section aria-labelledby="ch-title"><h2 id="ch-title">${t(lang, 'openChallenges')}</h2><div class="grid">${data.challenges.items.map((n) => needCard(lang, n, data.now)).join('') || `<p>${t(lang, 'noResults')}</p>`}</div></section>
<section aria-labelledby="new-title"><h2 id="new-title">${t(lang, 'newest')}</h2><div class="grid">${data.newest.items.map((a) => achievementCard(lang, a)).join('')}</div>
<p><a class="button secondary" href="/achievements">${t(lang, 'achievements')} →</a></p></section>`,
    { description: tx(lang, '石嘴山科技大市场：科技成果、技术需求、揭榜挂帅与技术合同服务平台。', 'Shizuishan Technology Market: research achievements, enterprise needs, open challenges and technology contracts.') },
  );
}

export function hallPage(ctx: PageContext, kind: 'achievement' | 'need', query: Record<string, string | undefined>, page: HallPage, now: Date, saveForm?: string): string {
  const { lang } = ctx;
  const base = kind === 'achievement' ? '/achievements' : '/needs';
  const facet = (name: string, legend: string, values: Record<string, number> | undefined, display: (v: string) => string) => {
    const options = Object.entries(values ?? {}).sort((a, b) => b[1] - a[1]);
    return `<fieldset><legend>${legend}</legend><label for="f-${name}" class="skip">${legend}</label><select id="f-${name}" name="${name}"><option value="">${tx(lang, '全部', 'All')}</option>${options
      .map(([v, n]) => `<option value="${escapeHtml(v)}"${query[name] === v ? ' selected' : ''}>${escapeHtml(display(v))} (${n})</option>`)
      .join('')}</select></fieldset>`;
  };
  const sorts = kind === 'achievement' ? ['relevance', 'newest', 'price_asc', 'price_desc'] : ['relevance', 'newest', 'budget_desc'];
  const sortLabels: Record<string, string> = {
    relevance: tx(lang, '相关度', 'Relevance'), newest: tx(lang, '最新发布', 'Newest'), price_asc: tx(lang, '价格从低到高', 'Price, low to high'),
    price_desc: tx(lang, '价格从高到低', 'Price, high to low'), budget_desc: tx(lang, '预算从高到低', 'Budget, high to low'),
  };
  const challengeLabel = tx(lang, '揭榜挂帅', 'Open challenge');
  const filters = `<aside class="facets"><form method="get" action="${base}">
<input type="hidden" name="q" value="${escapeHtml(query.q ?? '')}">
${facet('industry', t(lang, 'industry'), page.facets.industry, (v) => label(lang, 'industry', v))}
${kind === 'achievement' ? facet('trlBand', t(lang, 'maturity'), page.facets.trlBand, (v) => label(lang, 'trlBand', v)) : facet('challenge', challengeLabel, page.facets.challenge, (v) => (v === 'true' ? challengeLabel : tx(lang, '普通需求', 'Ordinary need')))}
${facet('mode', t(lang, 'mode'), page.facets.modes, (v) => label(lang, 'transferMode', v))}
${facet('district', t(lang, 'district'), page.facets.district, (v) => label(lang, 'district', v))}
<fieldset><legend>${t(lang, 'sort')}</legend><label for="f-sort" class="skip">${t(lang, 'sort')}</label><select id="f-sort" name="sort">${sorts.map((s) => `<option value="${s}"${query.sort === s ? ' selected' : ''}>${sortLabels[s]}</option>`).join('')}</select></fieldset>
<button type="submit">${t(lang, 'apply')}</button></form></aside>`;
  const cards = page.items.map((item) => (kind === 'achievement' ? achievementCard(lang, item) : needCard(lang, item, now))).join('');
  const nextHref = page.nextCursor ? `${base}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), cursor: page.nextCursor } as Record<string, string>).toString()}` : null;
  return layout(
    ctx,
    t(lang, kind === 'achievement' ? 'achievements' : 'needs'),
    `<h1>${t(lang, kind === 'achievement' ? 'achievements' : 'needs')}</h1>
${searchForm(lang, base, query.q ?? '')}
<div class="layout" style="margin-top:16px">${filters}<section aria-live="polite">
<p class="summary">${page.total} ${t(lang, 'results')}</p>${saveForm ?? ''}
<div class="grid">${cards || `<p>${t(lang, 'noResults')}</p>`}</div>
${nextHref ? `<p class="pager"><a class="button secondary" href="${escapeHtml(nextHref)}" rel="next">${t(lang, 'next')} →</a></p>` : ''}
</section></div>
<script src="/assets/hall.js" defer></script>`,
  );
}

export function achievementPage(ctx: PageContext, a: Record<string, any>, action?: string, files = ''): string {
  const { lang } = ctx;
  const price = a.price.kind === 'fixed' ? formatFen(a.price.amountFen) : a.price.kind === 'range' ? `${formatFen(a.price.minFen)} – ${formatFen(a.price.maxFen)}` : t(lang, 'negotiable');
  return layout(
    ctx,
    a.title,
    `<p><a href="/achievements">← ${t(lang, 'achievements')}</a></p>
<h1>${escapeHtml(a.title)}</h1>
<p>${escapeHtml(a.summary)}</p>
<dl class="facts">
<dt>${t(lang, 'owner')}</dt><dd>${escapeHtml(a.ownerOrgName)}</dd>
<dt>${t(lang, 'industry')}</dt><dd>${escapeHtml(label(lang, 'industry', a.industry))}</dd>
<dt>${t(lang, 'maturity')}</dt><dd>TRL ${escapeHtml(a.trl)}${escapeHtml(inParens(lang, label(lang, 'maturityStage', a.maturityStage)))}</dd>
<dt>${t(lang, 'mode')}</dt><dd>${(a.transferModes as string[]).map((m) => escapeHtml(label(lang, 'transferMode', m))).join(tx(lang, '、', ', '))}</dd>
<dt>${t(lang, 'price')}</dt><dd class="money">${escapeHtml(price)}</dd>
<dt>${t(lang, 'keywords')}</dt><dd>${(a.keywords as string[]).map(escapeHtml).join(tx(lang, '、', ', '))}</dd>
<dt>${t(lang, 'ip')}</dt><dd>${(a.ip as { kind: string; number: string }[]).map((ip) => `${escapeHtml(label(lang, 'ipKind', ip.kind))} ${escapeHtml(ip.number)}`).join(tx(lang, '；', '; ')) || '—'}</dd>
<dt>${t(lang, 'team')}</dt><dd>${[a.team.leader as string, ...(a.team.members as string[])].map(escapeHtml).join(tx(lang, '、', ', '))}</dd>
<dt>${t(lang, 'status')}</dt><dd>${escapeHtml(label(lang, 'achievementStatus', a.status))} · ${escapeHtml(formatDate(a.publishedAt ?? a.createdAt, lang))}</dd>
</dl>
<p class="notice">${tx(lang, '技术细节与联系方式在成果方接受合作意向后向意向方披露。', 'Technical detail and contacts are disclosed once the owner accepts an interest.')}</p>
${files}
${action ?? `<p><a class="button" href="/login">${t(lang, 'interestCta')}</a></p>`}`,
    { description: String(a.summary).slice(0, 150) },
  );
}

export function needPage(ctx: PageContext, n: Record<string, any>, now: Date, action?: string, files = ''): string {
  const { lang } = ctx;
  const budget = n.budget.kind === 'range' ? `${formatFen(n.budget.minFen)} – ${formatFen(n.budget.maxFen)}` : t(lang, 'negotiable');
  return layout(
    ctx,
    n.title,
    `<p><a href="/needs">← ${t(lang, 'needs')}</a></p>
<h1>${escapeHtml(n.title)}</h1>
<p>${escapeHtml(n.problem)}</p>
${n.challenge ? `<p class="notice"><strong>${t(lang, 'bounty')} ${escapeHtml(formatFen(n.challenge.bountyFen))}</strong> · ${t(lang, 'binding')}</p>` : ''}
<h2>${t(lang, 'criteria')}</h2><ol>${(n.acceptanceCriteria as string[]).map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ol>
<dl class="facts">
<dt>${t(lang, 'owner')}</dt><dd>${escapeHtml(n.ownerOrgName)}</dd>
<dt>${t(lang, 'industry')}</dt><dd>${escapeHtml(label(lang, 'industry', n.industry))}</dd>
<dt>${t(lang, 'budget')}</dt><dd class="money">${escapeHtml(budget)}</dd>
<dt>${t(lang, 'deadline')}</dt><dd>${escapeHtml(formatDate(`${n.deadline}T12:00:00+08:00`, lang))}${escapeHtml(inParens(lang, `${daysUntil(n.deadline, now)} ${t(lang, 'daysLeft')}`))}</dd>
<dt>${t(lang, 'mode')}</dt><dd>${(n.cooperationModes as string[]).map((m) => escapeHtml(label(lang, 'transferMode', m))).join(tx(lang, '、', ', '))}</dd>
<dt>${t(lang, 'status')}</dt><dd>${escapeHtml(label(lang, 'needStatus', n.status))}</dd>
</dl>
${files}
${action ?? `<p><a class="button" href="/login">${t(lang, 'proposalCta')}</a></p>`}`,
    { description: String(n.problem).slice(0, 150) },
  );
}

/** The target deadline and turnover as a share of GDP (the plan's 0.7 % target), when GDP is configured. */
function gdpShare(lang: Lang, stats: Stats): string {
  const share = stats.progress.turnoverShareOfGdp;
  const percent = share === null ? null : `${(share * 100).toFixed(2)}%`;
  return tx(
    lang,
    `目标期限：${stats.targets.deadline}。技术合同成交额占 GDP 比重：${percent === null ? '未配置 GDP 数据' : `${percent}（目标 0.7%）`}`,
    `Target date: ${stats.targets.deadline}. Contract turnover as a share of GDP: ${percent === null ? 'GDP not configured' : `${percent} (target 0.7%)`}`,
  );
}

export function statsPage(ctx: PageContext, stats: Stats, drillDown?: { id: string; title: string; amountFen: number; verifiedFen: number; status: string }[], charts = ''): string {
  const { lang } = ctx;
  return layout(
    ctx,
    t(lang, 'stats'),
    `<h1>${t(lang, 'stats')}</h1>
${kpiStrip(lang, stats)}
<p class="summary">${gdpShare(lang, stats)}</p>
${charts}
${drillDown ? `<h2>${tx(lang, '计入成交额的技术合同（管理员可见）', 'Contracts behind the turnover (admins)')}</h2><table class="list"><thead><tr><th scope="col">${t(lang, 'contract')}</th><th scope="col">${tx(lang, '合同金额', 'Contract amount')}</th><th scope="col">${tx(lang, '已核验到账', 'Verified payments')}</th></tr></thead><tbody>${drillDown
      .map((c) => `<tr><td><a href="/contracts/${escapeHtml(c.id)}">${escapeHtml(c.title)}</a></td>${cell(tx(lang, '合同金额', 'Contract amount'), `<span class="money">${escapeHtml(formatFen(c.amountFen))}</span>`)}${cell(tx(lang, '已核验到账', 'Verified payments'), escapeHtml(formatFen(c.verifiedFen)))}</tr>`)
      .join('')}</tbody></table>` : ''}`,
  );
}

export function notFoundPage(ctx: PageContext): string {
  return layout(ctx, t(ctx.lang, 'notFound'), `<h1>${t(ctx.lang, 'notFound')}</h1><p>${t(ctx.lang, 'notFoundText')}</p><p><a class="button" href="/">${t(ctx.lang, 'home')}</a></p>`);
}

export function errorPage(ctx: PageContext, message?: string): string {
  return layout(ctx, t(ctx.lang, 'errorTitle'), `<h1>${t(ctx.lang, 'errorTitle')}</h1><p role="alert">${escapeHtml(message ?? (tx(ctx.lang, '请稍后重试。', 'Please try again shortly.')))}</p><p><a href="javascript:history.back()">${tx(ctx.lang, '返回', 'Back')}</a></p>`);
}

