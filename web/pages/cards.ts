/** Listing cards shared by the home page and the halls. Highlights come HTML-safe from the index. */
import { escapeHtml } from '../../shared/text/escape-html';
import { daysUntil, formatFenShort } from '../format';
import { t, type Lang } from '../i18n';
import { label } from '../labels';

type View = Record<string, any>;

function price(lang: Lang, p: { kind: string; amountFen?: number; minFen?: number; maxFen?: number }): string {
  if (p.kind === 'fixed') return formatFenShort(p.amountFen!, lang);
  if (p.kind === 'range') return `${formatFenShort(p.minFen!, lang)} – ${formatFenShort(p.maxFen!, lang)}`;
  return t(lang, 'negotiable');
}

export function achievementCard(lang: Lang, a: View): string {
  const title = a.highlights?.title ?? escapeHtml(a.title);
  const body = a.highlights?.body ?? escapeHtml(String(a.summary).slice(0, 110) + (String(a.summary).length > 110 ? '…' : ''));
  return `<article class="card">
<h3><a href="/achievements/${escapeHtml(a.id)}">${title}</a></h3>
<p>${body}</p>
<ul class="tags"><li class="tag">${escapeHtml(label(lang, 'industry', a.industry))}</li><li class="tag">TRL ${escapeHtml(a.trl)} · ${escapeHtml(label(lang, 'maturityStage', a.maturityStage))}</li>${(a.transferModes as string[]).map((m) => `<li class="tag">${escapeHtml(label(lang, 'transferMode', m))}</li>`).join('')}</ul>
<p>${t(lang, 'price')}：<span class="money">${escapeHtml(price(lang, a.price))}</span> · ${escapeHtml(a.ownerOrgName)}</p>
</article>`;
}

export function needCard(lang: Lang, n: View, now: Date): string {
  const title = n.highlights?.title ?? escapeHtml(n.title);
  const body = n.highlights?.body ?? escapeHtml(String(n.problem).slice(0, 110) + (String(n.problem).length > 110 ? '…' : ''));
  const days = daysUntil(n.deadline, now);
  return `<article class="card">
<h3><a href="/needs/${escapeHtml(n.id)}">${title}</a></h3>
<p>${body}</p>
<ul class="tags">${n.challenge ? `<li class="tag challenge">${t(lang, 'bounty')} ${escapeHtml(formatFenShort(n.challenge.bountyFen, lang))}</li>` : ''}<li class="tag">${escapeHtml(label(lang, 'industry', n.industry))}</li><li class="tag">${days} ${t(lang, 'daysLeft')}</li></ul>
<p>${t(lang, 'budget')}：<span class="money">${escapeHtml(price(lang, n.budget))}</span> · ${escapeHtml(n.ownerOrgName)}</p>
</article>`;
}
