/** Pages for signed-in people: my workspace, posting a need, managing it with its matches. */
import { INDUSTRIES } from '../../shared/domain/industries';
import { DECLINE_REASONS } from '../../shared/domain/interest';
import type { FieldIssue } from '../../shared/domain/errors';
import { TRANSFER_MODES } from '../../shared/domain/listing-common';
import { escapeHtml } from '../../shared/text/escape-html';
import { formatDate, formatFen } from '../format';
import { csrfInput, errorFor, field } from '../forms';
import { cell, th } from '../html';
import { fixMarked, inParens, t, tx, type Lang } from '../i18n';
import { label } from '../labels';
import { layout, type PageContext } from '../layout';

type Row = Record<string, any>;

/** A table of rows, or a sentence saying there are none. */
function listTable(head: string, rows: string, empty: string): string {
  return rows ? `<table class="list"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` : `<p class="summary">${empty}</p>`;
}

/** A column whose header is for screen readers only (the cells hold buttons). */
const thHidden = (text: string) => `<th scope="col"><span class="skip">${text}</span></th>`;

function receivedStatus(lang: Lang, i: Row): string {
  if (i.status === 'accepted') return tx(lang, `已接受 · 联系人 ${i.contact?.name ?? ''} ${i.contact?.phone ?? ''}`, `Accepted · contact ${i.contact?.name ?? ''} ${i.contact?.phone ?? ''}`);
  if (i.status === 'declined') return `${tx(lang, '已婉拒', 'Declined')}${inParens(lang, lang === 'zh' ? i.decline?.labelZh ?? '' : i.decline?.labelEn ?? '')}`;
  return String(i.status);
}

function sentStatus(lang: Lang, i: Row): string {
  if (i.status === 'pending') return tx(lang, '待对方处理', 'Awaiting their answer');
  if (i.status === 'accepted') return tx(lang, '对方已接受', 'Accepted');
  if (i.status === 'declined') return tx(lang, `对方婉拒：${i.decline?.labelZh ?? ''}`, `Declined: ${i.decline?.labelEn ?? ''}`);
  return String(i.status);
}

function receivedRow(lang: Lang, csrf: string, i: Row): string {
  const reasons = DECLINE_REASONS.map((r) => `<option value="${r}">${escapeHtml(label(lang, 'declineReason', r))}</option>`).join('');
  const id = escapeHtml(i.id);
  const decide =
    i.status === 'pending'
      ? `<form class="inline" method="post" action="/interests/${id}/accept">${csrfInput(csrf)}<button type="submit">${tx(lang, '接受', 'Accept')}</button></form>
<form class="spaced" method="post" action="/interests/${id}/decline">${csrfInput(csrf)}<label for="r-${id}" class="skip">${tx(lang, '婉拒理由', 'Reason for declining')}</label><select id="r-${id}" name="reason">${reasons}</select> <button class="secondary" type="submit">${tx(lang, '婉拒', 'Decline')}</button></form>`
      : escapeHtml(receivedStatus(lang, i));
  const kind = i.kind === 'proposal' ? tx(lang, '揭榜方案', 'Challenge proposal') : tx(lang, '合作意向', 'Interest');
  return `<tr><td>${escapeHtml(i.senderOrgName)}<br><span class="hint">${escapeHtml(kind)} · <a href="/me/interests/${id}">${escapeHtml(i.listingTitle)}</a></span></td>${cell(tx(lang, '留言', 'Message'), escapeHtml(i.message))}<td>${decide}</td></tr>`;
}

function notificationsSection(lang: Lang, items: Row[]): string {
  const cards = items
    .map((n) => `<li class="card"><h3><a href="/${n.listingKind === 'achievement' ? 'achievements' : 'needs'}/${escapeHtml(n.listingId)}">${escapeHtml(n.listingTitle)}</a></h3><p>${escapeHtml(lang === 'zh' ? n.reasonZh : n.reasonEn)}</p><p class="hint">${escapeHtml(formatDate(n.createdAt, lang))}</p></li>`)
    .join('');
  return `<h2>${tx(lang, '通知', 'Notifications')}</h2>${cards ? `<ul class="grid plain">${cards}</ul>` : `<p class="summary">${tx(lang, '暂无通知。', 'No notifications yet.')}</p>`}`;
}

function savedSearchesSection(lang: Lang, csrf: string, items: Row[]): string {
  const rows = items
    .map((s) => `<tr><td>${escapeHtml(s.name)}</td>${cell(tx(lang, '大厅', 'Hall'), t(lang, s.kind === 'achievement' ? 'achievements' : 'needs'))}<td><form class="inline" method="post" action="/saved-searches/${escapeHtml(s.id)}/delete">${csrfInput(csrf)}<button class="secondary" type="submit">${tx(lang, '取消订阅', 'Unsubscribe')}</button></form></td></tr>`)
    .join('');
  return `<h2>${tx(lang, '我的订阅', 'Saved searches')}</h2>${listTable(
    th(tx(lang, '名称', 'Name')) + th(tx(lang, '大厅', 'Hall')) + thHidden(t(lang, 'actions')),
    rows,
    tx(lang, '在成果大厅或需求大厅搜索后，可“订阅此搜索”，有新条目时在此通知您。', 'Search either hall and choose “Save this search”: new matching listings are announced here.'),
  )}`;
}

export function mePage(ctx: PageContext, data: { role: string | null; orgName: string | null; needs: Row[]; achievements: Row[]; received: Row[]; sent: Row[]; csrf: string; flash?: string; extra?: string; notifications?: Row[]; savedSearches?: Row[] }): string {
  const { lang } = ctx;
  const needRows = data.needs
    .map((n) => `<tr><td><a href="/needs/${escapeHtml(n.id)}/manage">${escapeHtml(n.title)}</a></td>${cell(t(lang, 'status'), escapeHtml(label(lang, 'needStatus', n.status)))}${cell(t(lang, 'deadline'), escapeHtml(n.deadline))}</tr>`)
    .join('');
  const achievementRows = data.achievements
    .map((a) => `<tr><td><a href="/achievements/${escapeHtml(a.id)}/manage">${escapeHtml(a.title)}</a></td>${cell(t(lang, 'status'), escapeHtml(label(lang, 'achievementStatus', a.status)))}${cell(t(lang, 'maturity'), `TRL ${escapeHtml(a.trl)}`)}</tr>`)
    .join('');
  const receivedRows = data.received.map((i) => receivedRow(lang, data.csrf, i)).join('');
  const sentRows = data.sent
    .map((i) => `<tr><td><a href="/me/interests/${escapeHtml(i.id)}">${escapeHtml(i.listingTitle)}</a></td>${cell(t(lang, 'status'), escapeHtml(sentStatus(lang, i)))}${cell(tx(lang, '提交时间', 'Sent on'), escapeHtml(formatDate(i.createdAt, lang)))}</tr>`)
    .join('');
  const who = `${escapeHtml(data.orgName ?? tx(lang, '尚未加入机构', 'Not yet in an organisation'))} · ${escapeHtml(data.role ? label(lang, 'role', data.role) : tx(lang, '未分配角色', 'No role yet'))}`;
  const enterprise =
    data.role === 'enterprise'
      ? `<h2>${tx(lang, '我的技术需求', 'My technology needs')}</h2><p><a class="button" href="/needs/new">${tx(lang, '发布技术需求', 'Post a technology need')}</a></p>${listTable(th(tx(lang, '需求', 'Need')) + th(t(lang, 'status')) + th(tx(lang, '截止', 'Deadline')), needRows, tx(lang, '还没有发布需求。', 'No needs posted yet.'))}
<h2>${tx(lang, '我提交的合作意向', 'Interests I sent')}</h2>${listTable(th(tx(lang, '成果', 'Achievement')) + th(t(lang, 'status')) + th(tx(lang, '提交时间', 'Sent on')), sentRows, tx(lang, '还没有提交意向。', 'No interests sent yet.'))}`
      : '';
  const university =
    data.role === 'university'
      ? `<h2>${tx(lang, '我的科技成果', 'My achievements')}</h2><p><a class="button" href="/achievements/new">${tx(lang, '发布科技成果', 'Publish an achievement')}</a></p>${listTable(th(tx(lang, '成果', 'Achievement')) + th(t(lang, 'status')) + th(t(lang, 'maturity')), achievementRows, tx(lang, '还没有成果。', 'No achievements yet.'))}`
      : '';
  const inbox =
    data.role === 'university' || data.role === 'enterprise'
      ? `<h2>${tx(lang, '收到的意向与揭榜方案', 'Interests and proposals received')}</h2>${listTable(th(tx(lang, '来自', 'From')) + th(tx(lang, '留言', 'Message')) + th(t(lang, 'decide')), receivedRows, t(lang, 'none'))}`
      : '';
  return layout(
    ctx,
    t(lang, 'workspace'),
    `<h1>${t(lang, 'workspace')}</h1><p class="summary">${who}</p>
${data.flash ? `<p class="flash" role="status">${escapeHtml(data.flash)}</p>` : ''}
${enterprise}
${university}
${inbox}
${data.extra ?? ''}
${data.notifications ? notificationsSection(lang, data.notifications) : ''}
${data.savedSearches ? savedSearchesSection(lang, data.csrf, data.savedSearches) : ''}`,
  );
}

export interface NeedFormValues {
  [key: string]: string | string[] | undefined;
}

/** The industry select: Chinese names are the values, the label follows the page's language. */
function industrySelect(lang: Lang, selected: string, issues: FieldIssue[]): string {
  const options = INDUSTRIES.map((i) => `<option value="${escapeHtml(i)}"${selected === i ? ' selected' : ''}>${escapeHtml(label(lang, 'industry', i))}</option>`).join('');
  return `<div class="field"><label for="f-industry">${t(lang, 'industry')} <span aria-hidden="true">*</span></label><select id="f-industry" name="industry" required>${options}</select>${errorFor(lang, issues, 'industry')}</div>`;
}

function modeChoices(lang: Lang, name: string, legend: string, chosen: string[], issues: FieldIssue[]): string {
  return `<fieldset class="choices"><legend>${legend} <span aria-hidden="true">*</span></legend>${TRANSFER_MODES.map((m) => `<label><input type="checkbox" name="${name}" value="${m}"${chosen.includes(m) ? ' checked' : ''}> ${escapeHtml(label(lang, 'transferMode', m))}</label>`).join('')}${errorFor(lang, issues, name)}</fieldset>`;
}

export function contactFields(lang: Lang, v: (k: string) => string, issues: FieldIssue[]): string {
  return `${field({ lang, name: 'contactName', label: t(lang, 'contactName'), value: v('contactName'), required: true, issues })}
${field({ lang, name: 'contactPhone', label: t(lang, 'contactPhone'), value: v('contactPhone'), required: true, issues, attrs: 'inputmode="tel"' })}
${field({ lang, name: 'contactEmail', label: t(lang, 'contactEmail'), value: v('contactEmail'), type: 'email', required: true, issues })}`;
}

/** Above a returned form: the refusal (a version conflict, a locked challenge term) and the issue count. */
export function formAlerts(lang: Lang, issues: FieldIssue[], message?: string): string {
  return `${message ? `<p class="field-error" role="alert">${escapeHtml(message)}</p>` : ''}
${issues.length ? `<p class="field-error" role="alert">${fixMarked(lang, issues.length)}</p>` : ''}`;
}

const listOf = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);

export function needFormPage(ctx: PageContext, values: NeedFormValues, issues: FieldIssue[], csrf: string, edit?: { id: string; version: number; challenge: boolean; message?: string }): string {
  const { lang } = ctx;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const title = edit ? tx(lang, '修改技术需求', 'Edit technology need') : tx(lang, '发布技术需求', 'Post a technology need');
  return layout(
    ctx,
    title,
    `<h1>${title}</h1>
${formAlerts(lang, issues, edit?.message)}
${edit?.challenge ? `<p class="notice">${tx(lang, '本需求为已发布的揭榜挂帅：榜额只能提高，截止日期只能延后，验收指标只能增加，不得修改或撤回。', 'This need is a published challenge: the bounty can only be raised, the deadline only extended and acceptance criteria only added — none can be changed or withdrawn.')}</p>` : ''}
<form class="panel" method="post" action="${edit ? `/needs/${escapeHtml(edit.id)}/edit` : '/needs/new'}" novalidate>${csrfInput(csrf)}${edit ? `<input type="hidden" name="version" value="${edit.version}">` : ''}
${field({ lang, name: 'title', label: tx(lang, '需求标题', 'Title'), value: v('title'), required: true, issues, attrs: 'maxlength="100"' })}
${field({ lang, name: 'problem', label: tx(lang, '问题描述（用您自己的话）', 'The problem, in your own words'), value: v('problem'), required: true, textarea: true, issues, hint: tx(lang, '描述现象、现状数据与期望，至少 20 字。', 'Describe what happens, today’s figures and what you expect; at least 20 characters.') })}
${field({ lang, name: 'acceptanceCriteria', label: tx(lang, '验收指标（每行一条，须可量化）', 'Acceptance criteria (one per line, measurable)'), value: v('acceptanceCriteria'), required: true, textarea: true, issues })}
${industrySelect(lang, v('industry'), issues)}
${field({ lang, name: 'keywords', label: tx(lang, '关键词（以逗号或空格分隔，最多 10 个）', 'Keywords (separated by commas or spaces, up to 10)'), value: v('keywords'), required: true, issues })}
${field({ lang, name: 'budgetMin', label: tx(lang, '预算下限（元，留空为面议）', 'Budget from (yuan; leave empty if negotiable)'), value: v('budgetMin'), issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'budgetMax', label: tx(lang, '预算上限（元）', 'Budget up to (yuan)'), value: v('budgetMax'), issues, attrs: 'inputmode="decimal"' })}
${errorFor(lang, issues, 'budget')}
${field({ lang, name: 'deadline', label: t(lang, 'deadline'), value: v('deadline'), type: 'date', required: true, issues })}
${modeChoices(lang, 'cooperationModes', t(lang, 'mode'), listOf(values.cooperationModes), issues)}
${field({ lang, name: 'bounty', label: tx(lang, '揭榜挂帅榜额（元，选填；发布后只能提高）', 'Challenge bounty (yuan, optional; once published it can only be raised)'), value: v('bounty'), issues, attrs: 'inputmode="decimal"' })}
${contactFields(lang, v, issues)}
<p class="hint">${t(lang, 'contactsDisclosed')}</p>
<button type="submit">${edit ? t(lang, 'saveChanges') : t(lang, 'saveDraft')}</button></form>`,
  );
}

function matchList(lang: Lang, matches: Row[], hrefBase: '/achievements' | '/needs', empty: string): string {
  const items = matches
    .map((m) => `<li class="card"><h3><a href="${hrefBase}/${escapeHtml(m.listing.id)}">${escapeHtml(m.listing.title)}</a> <span class="tag score">${t(lang, 'matchScore')} ${Math.round(m.score * 100)}</span></h3><p>${escapeHtml(lang === 'zh' ? m.explanation.summaryZh : m.explanation.summaryEn)}</p></li>`)
    .join('');
  return items ? `<ol class="grid plain">${items}</ol>` : `<p class="summary">${empty}</p>`;
}

const backToWorkspace = (lang: Lang) => `<p><a href="/me">← ${t(lang, 'workspace')}</a></p>`;

export function needManagePage(ctx: PageContext, need: Row, matches: Row[], csrf: string, flash?: string, files = ''): string {
  const { lang } = ctx;
  const budget = need.budget.kind === 'range' ? `${escapeHtml(formatFen(need.budget.minFen))} – ${escapeHtml(formatFen(need.budget.maxFen))}` : t(lang, 'negotiable');
  return layout(
    ctx,
    need.title,
    `${backToWorkspace(lang)}<h1>${escapeHtml(need.title)}</h1>
${flash ? `<p class="flash" role="status">${escapeHtml(flash)}</p>` : ''}
<dl class="facts"><dt>${t(lang, 'status')}</dt><dd>${escapeHtml(label(lang, 'needStatus', need.status))}</dd><dt>${t(lang, 'budget')}</dt><dd class="money">${budget}</dd><dt>${t(lang, 'deadline')}</dt><dd>${escapeHtml(need.deadline)}</dd></dl>
${need.status === 'draft' || need.status === 'published' ? `<p><a class="button secondary" href="/needs/${escapeHtml(need.id)}/edit">${t(lang, 'edit')}</a></p>` : ''}
${need.status === 'draft' ? `<form method="post" action="/needs/${escapeHtml(need.id)}/publish" class="spaced">${csrfInput(csrf)}<button type="submit">${t(lang, 'publish')}</button></form>` : `<p><a href="/needs/${escapeHtml(need.id)}">${tx(lang, '查看公开页面', 'View the public page')}</a></p>`}
${files}
<h2>${tx(lang, '推荐成果', 'Recommended achievements')}</h2>${matchList(lang, matches, '/achievements', tx(lang, '暂无匹配的成果。', 'No matching achievements yet.'))}`,
  );
}

export function interestForm(lang: Lang, csrf: string, achievementId: string, issues: FieldIssue[] = [], values: Record<string, string> = {}): string {
  const v = (k: string) => values[k] ?? '';
  return `<form class="panel" method="post" action="/achievements/${escapeHtml(achievementId)}/interest"><h2 class="flush">${tx(lang, '提交合作意向', 'Express interest')}</h2>${csrfInput(csrf)}
${field({ lang, name: 'message', label: tx(lang, '留言', 'Message'), value: v('message'), required: true, textarea: true, issues, hint: tx(lang, '说明希望如何合作，至少 10 字。', 'Say how you would like to work together; at least 10 characters.') })}
${contactFields(lang, v, issues)}
<button type="submit">${tx(lang, '提交意向', 'Send interest')}</button></form>`;
}

export function achievementFormPage(ctx: PageContext, values: NeedFormValues, issues: FieldIssue[], csrf: string, edit?: { id: string; version: number; message?: string }): string {
  const { lang } = ctx;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const title = edit ? tx(lang, '修改科技成果', 'Edit achievement') : tx(lang, '发布科技成果', 'Publish an achievement');
  return layout(
    ctx,
    title,
    `<h1>${title}</h1>
${formAlerts(lang, issues, edit?.message)}
<form class="panel" method="post" action="${edit ? `/achievements/${escapeHtml(edit.id)}/edit` : '/achievements/new'}" novalidate>${csrfInput(csrf)}${edit ? `<input type="hidden" name="version" value="${edit.version}">` : ''}
${field({ lang, name: 'title', label: tx(lang, '成果名称', 'Title'), value: v('title'), required: true, issues, attrs: 'maxlength="100"' })}
${field({ lang, name: 'summary', label: tx(lang, '公开摘要（所有人可见）', 'Public summary (visible to everyone)'), value: v('summary'), required: true, textarea: true, issues, hint: tx(lang, '说明是什么、关键指标、适用场景，至少 20 字。', 'What it is, its key figures and where it applies; at least 20 characters.') })}
${field({ lang, name: 'confidentialDetail', label: tx(lang, '技术细节（保密，接受意向后才向对方披露）', 'Technical detail (confidential; disclosed only once you accept an interest)'), value: v('confidentialDetail'), textarea: true, issues })}
${industrySelect(lang, v('industry'), issues)}
${field({ lang, name: 'keywords', label: tx(lang, '关键词（以逗号或空格分隔，最多 10 个）', 'Keywords (separated by commas or spaces, up to 10)'), value: v('keywords'), required: true, issues })}
${field({ lang, name: 'trl', label: tx(lang, '技术成熟度 TRL（1–9）', 'Technology readiness level, TRL (1–9)'), value: v('trl'), type: 'number', required: true, issues, attrs: 'min="1" max="9"' })}
${modeChoices(lang, 'transferModes', tx(lang, '转化方式', 'Transfer modes'), listOf(values.transferModes), issues)}
${field({ lang, name: 'priceMin', label: tx(lang, '价格下限（元，留空为面议）', 'Price from (yuan; leave empty if negotiable)'), value: v('priceMin'), issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'priceMax', label: tx(lang, '价格上限（元，与下限相同即为一口价）', 'Price up to (yuan; the same as “from” for a fixed price)'), value: v('priceMax'), issues, attrs: 'inputmode="decimal"' })}
${errorFor(lang, issues, 'price')}
${field({ lang, name: 'leader', label: tx(lang, '团队负责人', 'Team leader'), value: v('leader'), required: true, issues })}
${contactFields(lang, v, issues)}
<button type="submit">${edit ? t(lang, 'saveChanges') : t(lang, 'saveDraft')}</button></form>`,
  );
}

export function achievementManagePage(ctx: PageContext, a: Row, matches: Row[], csrf: string, flash?: string, files = ''): string {
  const { lang } = ctx;
  const id = escapeHtml(a.id);
  const open = a.status === 'draft' || a.status === 'published';
  const actions = [
    open ? `<a class="button secondary" href="/achievements/${id}/edit">${t(lang, 'edit')}</a>` : '',
    a.status === 'draft' ? `<form class="inline" method="post" action="/achievements/${id}/publish">${csrfInput(csrf)}<button type="submit">${t(lang, 'publish')}</button></form>` : '',
    open ? `<form class="inline" method="post" action="/achievements/${id}/archive">${csrfInput(csrf)}<button class="secondary" type="submit">${tx(lang, '归档', 'Archive')}</button></form>` : '',
  ].join(' ');
  return layout(
    ctx,
    a.title,
    `${backToWorkspace(lang)}<h1>${escapeHtml(a.title)}</h1>
${flash ? `<p class="flash" role="status">${escapeHtml(flash)}</p>` : ''}
<dl class="facts"><dt>${t(lang, 'status')}</dt><dd>${escapeHtml(label(lang, 'achievementStatus', a.status))}</dd><dt>${t(lang, 'maturity')}</dt><dd>TRL ${escapeHtml(a.trl)}</dd><dt>${tx(lang, '技术细节（保密）', 'Technical detail (confidential)')}</dt><dd>${escapeHtml(a.confidentialDetail || '—')}</dd></dl>
<div class="actions">${actions}</div>
${files}
<h2>${tx(lang, '可对接的需求与揭榜挂帅', 'Needs and challenges it could answer')}</h2>${matchList(lang, matches, '/needs', tx(lang, '暂无匹配的需求。', 'No matching needs yet.'))}`,
  );
}

export function proposalForm(lang: Lang, csrf: string, needId: string, issues: FieldIssue[] = [], values: Record<string, string> = {}): string {
  const v = (k: string) => values[k] ?? '';
  return `<form class="panel" method="post" action="/needs/${escapeHtml(needId)}/proposal"><h2 class="flush">${tx(lang, '提交揭榜方案', 'Submit a challenge proposal')}</h2>${csrfInput(csrf)}
${field({ lang, name: 'message', label: tx(lang, '留言', 'Message'), value: v('message'), required: true, textarea: true, issues })}
${field({ lang, name: 'plan', label: tx(lang, '方案（逐条说明如何达到验收指标）', 'Plan (how you will meet each acceptance criterion)'), value: v('plan'), required: true, textarea: true, issues })}
${field({ lang, name: 'quote', label: tx(lang, '报价（元，选填）', 'Quote (yuan, optional)'), value: v('quote'), issues, attrs: 'inputmode="decimal"' })}
${contactFields(lang, v, issues)}
<button type="submit">${tx(lang, '提交方案', 'Submit proposal')}</button></form>`;
}
