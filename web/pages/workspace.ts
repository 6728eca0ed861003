/** Pages for signed-in people: demo sign-in, my workspace, posting a need, managing it with its matches. */
import { INDUSTRIES } from '../../shared/domain/industries';
import { DECLINE_REASON_LABELS, DECLINE_REASONS } from '../../shared/domain/interest';
import type { FieldIssue } from '../../shared/domain/errors';
import { TRANSFER_MODE_LABELS_ZH, TRANSFER_MODES } from '../../shared/domain/listing-common';
import { NEED_STATUS_LABELS_ZH } from '../../shared/domain/need';
import { ACHIEVEMENT_STATUS_LABELS_ZH } from '../../shared/domain/achievement';
import { escapeHtml } from '../../shared/text/escape-html';
import { formatDate, formatFen } from '../format';
import { csrfInput, errorFor, field } from '../forms';
import { layout, type PageContext } from '../layout';

const ROLE_ZH: Record<string, string> = { university: '高校/院所', enterprise: '企业', transfer_center: '技术转移中心', admin: '市科技局' };

export function loginPage(ctx: PageContext, accounts: { id: string; displayName: string; groups: string[]; orgName: string | null }[], csrf: string): string {
  const rows = accounts
    .map((a) => `<tr><td>${escapeHtml(a.displayName)}</td><td>${escapeHtml(a.groups.map((g) => ROLE_ZH[g] ?? g).join('、') || '新用户')}</td><td>${escapeHtml(a.orgName ?? '—')}</td>
<td><form method="post" action="/login">${csrfInput(csrf)}<input type="hidden" name="account" value="${escapeHtml(a.id)}"><button type="submit" aria-label="以${escapeHtml(a.displayName)}登录">登录</button></form></td></tr>`)
    .join('');
  return layout(ctx, '登录', `<h1>演示登录</h1><p class="summary">本地运行时选择一个演示账号登录；部署到 AWS 后使用统一身份认证（Cognito）。</p>
<table class="list"><thead><tr><th scope="col">账号</th><th scope="col">角色</th><th scope="col">机构</th><th scope="col"><span class="skip">操作</span></th></tr></thead><tbody>${rows}</tbody></table>`);
}

type Row = Record<string, any>;

export function mePage(ctx: PageContext, data: { role: string | null; orgName: string | null; needs: Row[]; achievements: Row[]; received: Row[]; sent: Row[]; csrf: string; flash?: string; extra?: string; notifications?: Row[]; savedSearches?: Row[] }): string {
  const needRows = data.needs
    .map((n) => `<tr><td><a href="/needs/${escapeHtml(n.id)}/manage">${escapeHtml(n.title)}</a></td><td>${escapeHtml(NEED_STATUS_LABELS_ZH[n.status as keyof typeof NEED_STATUS_LABELS_ZH])}</td><td>${escapeHtml(n.deadline)}</td></tr>`)
    .join('');
  const achievementRows = data.achievements
    .map((a) => `<tr><td><a href="/achievements/${escapeHtml(a.id)}/manage">${escapeHtml(a.title)}</a></td><td>${escapeHtml(ACHIEVEMENT_STATUS_LABELS_ZH[a.status as keyof typeof ACHIEVEMENT_STATUS_LABELS_ZH])}</td><td>TRL ${escapeHtml(a.trl)}</td></tr>`)
    .join('');
  const reasons = DECLINE_REASONS.map((r) => `<option value="${r}">${escapeHtml(DECLINE_REASON_LABELS[r].zh)}</option>`).join('');
  const receivedRows = data.received
    .map((i) => `<tr><td>${escapeHtml(i.senderOrgName)}<br><span class="hint">${escapeHtml(i.kind === 'proposal' ? '揭榜方案' : '合作意向')} · ${escapeHtml(i.listingTitle)}</span></td><td>${escapeHtml(i.message)}</td><td>${
      i.status === 'pending'
        ? `<form class="inline" method="post" action="/interests/${escapeHtml(i.id)}/accept">${csrfInput(data.csrf)}<button type="submit">接受</button></form>
<form method="post" action="/interests/${escapeHtml(i.id)}/decline" style="margin-top:6px">${csrfInput(data.csrf)}<label for="r-${escapeHtml(i.id)}" class="skip">婉拒理由</label><select id="r-${escapeHtml(i.id)}" name="reason">${reasons}</select> <button class="secondary" type="submit">婉拒</button></form>`
        : escapeHtml(i.status === 'accepted' ? `已接受 · 联系人 ${i.contact?.name ?? ''} ${i.contact?.phone ?? ''}` : i.status === 'declined' ? `已婉拒（${i.decline?.labelZh ?? ''}）` : i.status)
    }</td></tr>`)
    .join('');
  const sentRows = data.sent
    .map((i) => `<tr><td>${escapeHtml(i.listingTitle)}</td><td>${escapeHtml(i.status === 'pending' ? '待对方处理' : i.status === 'accepted' ? '对方已接受' : i.status === 'declined' ? `对方婉拒：${i.decline?.labelZh ?? ''}` : i.status)}</td><td>${escapeHtml(formatDate(i.createdAt))}</td></tr>`)
    .join('');
  const table = (head: string, rows: string, empty: string) => (rows ? `<table class="list"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` : `<p class="summary">${empty}</p>`);
  return layout(
    ctx,
    '我的工作台',
    `<h1>我的工作台</h1><p class="summary">${escapeHtml(data.orgName ?? '尚未加入机构')} · ${escapeHtml(ROLE_ZH[data.role ?? ''] ?? '未分配角色')}</p>
${data.flash ? `<p class="flash" role="status">${escapeHtml(data.flash)}</p>` : ''}
${data.role === 'enterprise' ? `<h2>我的技术需求</h2><p><a class="button" href="/needs/new">发布技术需求</a></p>${table('<th scope="col">需求</th><th scope="col">状态</th><th scope="col">截止</th>', needRows, '还没有发布需求。')}
<h2>我提交的合作意向</h2>${table('<th scope="col">成果</th><th scope="col">状态</th><th scope="col">提交时间</th>', sentRows, '还没有提交意向。')}` : ''}
${data.role === 'university' ? `<h2>我的科技成果</h2><p><a class="button" href="/achievements/new">发布科技成果</a></p>${table('<th scope="col">成果</th><th scope="col">状态</th><th scope="col">成熟度</th>', achievementRows, '还没有成果。')}` : ''}
${data.role === 'university' || data.role === 'enterprise' ? `<h2>收到的意向与揭榜方案</h2>${table('<th scope="col">来自</th><th scope="col">留言</th><th scope="col">处理</th>', receivedRows, '暂无。')}` : ''}
${data.extra ?? ''}
${data.notifications ? `<h2>通知</h2>${data.notifications.length ? `<ul class="grid" style="list-style:none;padding:0">${data.notifications.map((n) => `<li class="card"><h3><a href="/${n.listingKind === 'achievement' ? 'achievements' : 'needs'}/${escapeHtml(n.listingId)}">${escapeHtml(n.listingTitle)}</a></h3><p>${escapeHtml(n.reasonZh)}</p><p class="hint">${escapeHtml(formatDate(n.createdAt))}</p></li>`).join('')}</ul>` : '<p class="summary">暂无通知。</p>'}` : ''}
${data.savedSearches ? `<h2>我的订阅</h2>${data.savedSearches.length ? `<table class="list"><thead><tr><th scope="col">名称</th><th scope="col">大厅</th><th scope="col"><span class="skip">操作</span></th></tr></thead><tbody>${data.savedSearches.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td>${s.kind === 'achievement' ? '成果大厅' : '需求大厅'}</td><td><form class="inline" method="post" action="/saved-searches/${escapeHtml(s.id)}/delete">${csrfInput(data.csrf)}<button class="secondary" type="submit">取消订阅</button></form></td></tr>`).join('')}</tbody></table>` : '<p class="summary">在成果大厅或需求大厅搜索后，可“订阅此搜索”，有新条目时在此通知您。</p>'}` : ''}`,
  );
}

export interface NeedFormValues {
  [key: string]: string | string[] | undefined;
}

export function needFormPage(ctx: PageContext, values: NeedFormValues, issues: FieldIssue[], csrf: string, edit?: { id: string; version: number; challenge: boolean; message?: string }): string {
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const modes = Array.isArray(values.cooperationModes) ? values.cooperationModes : values.cooperationModes ? [values.cooperationModes] : [];
  return layout(
    ctx,
    edit ? '修改技术需求' : '发布技术需求',
    `<h1>${edit ? '修改技术需求' : '发布技术需求'}</h1>
${edit?.message ? `<p class="field-error" role="alert">${escapeHtml(edit.message)}</p>` : ''}
${issues.length ? `<p class="field-error" role="alert">请修改标出的 ${issues.length} 处后再提交。</p>` : ''}
${edit?.challenge ? '<p class="notice">本需求为已发布的揭榜挂帅：榜额只能提高，截止日期只能延后，验收指标只能增加，不得修改或撤回。</p>' : ''}
<form class="panel" method="post" action="${edit ? `/needs/${escapeHtml(edit.id)}/edit` : '/needs/new'}" novalidate>${csrfInput(csrf)}${edit ? `<input type="hidden" name="version" value="${edit.version}">` : ''}
${field({ name: 'title', label: '需求标题', value: v('title'), required: true, issues, attrs: 'maxlength="100"' })}
${field({ name: 'problem', label: '问题描述（用您自己的话）', value: v('problem'), required: true, textarea: true, issues, hint: '描述现象、现状数据与期望，至少 20 字。' })}
${field({ name: 'acceptanceCriteria', label: '验收指标（每行一条，须可量化）', value: v('acceptanceCriteria'), required: true, textarea: true, issues })}
<div class="field"><label for="f-industry">产业 *</label><select id="f-industry" name="industry" required>${INDUSTRIES.map((i) => `<option${v('industry') === i ? ' selected' : ''}>${escapeHtml(i)}</option>`).join('')}</select>${errorFor(issues, 'industry')}</div>
${field({ name: 'keywords', label: '关键词（以逗号或空格分隔，最多 10 个）', value: v('keywords'), required: true, issues })}
${field({ name: 'budgetMin', label: '预算下限（元，留空为面议）', value: v('budgetMin'), issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'budgetMax', label: '预算上限（元）', value: v('budgetMax'), issues, attrs: 'inputmode="decimal"' })}
${errorFor(issues, 'budget')}
${field({ name: 'deadline', label: '截止日期', value: v('deadline'), type: 'date', required: true, issues })}
<fieldset class="choices"><legend>合作方式 *</legend>${TRANSFER_MODES.map((m) => `<label><input type="checkbox" name="cooperationModes" value="${m}"${modes.includes(m) ? ' checked' : ''}> ${escapeHtml(TRANSFER_MODE_LABELS_ZH[m])}</label>`).join('')}${errorFor(issues, 'cooperationModes')}</fieldset>
${field({ name: 'bounty', label: '揭榜挂帅榜额（元，选填；发布后只能提高）', value: v('bounty'), issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'contactName', label: '联系人', value: v('contactName'), required: true, issues })}
${field({ name: 'contactPhone', label: '联系电话', value: v('contactPhone'), required: true, issues })}
${field({ name: 'contactEmail', label: '电子邮箱', value: v('contactEmail'), type: 'email', required: true, issues })}
<p class="hint">联系方式仅在您接受对方意向后向对方披露。</p>
<button type="submit">${edit ? '保存修改' : '保存草稿'}</button></form>`,
  );
}

export function needManagePage(ctx: PageContext, need: Row, matches: Row[], csrf: string, flash?: string): string {
  const matchRows = matches
    .map((m) => `<li class="card"><h3><a href="/achievements/${escapeHtml(m.listing.id)}">${escapeHtml(m.listing.title)}</a> <span class="tag">匹配度 ${Math.round(m.score * 100)}</span></h3><p>${escapeHtml(m.explanation.summaryZh)}</p></li>`)
    .join('');
  return layout(
    ctx,
    need.title,
    `<p><a href="/me">← 我的工作台</a></p><h1>${escapeHtml(need.title)}</h1>
${flash ? `<p class="flash" role="status">${escapeHtml(flash)}</p>` : ''}
<dl class="facts"><dt>状态</dt><dd>${escapeHtml(NEED_STATUS_LABELS_ZH[need.status as keyof typeof NEED_STATUS_LABELS_ZH])}</dd><dt>预算</dt><dd class="money">${need.budget.kind === 'range' ? `${escapeHtml(formatFen(need.budget.minFen))} – ${escapeHtml(formatFen(need.budget.maxFen))}` : '面议'}</dd><dt>截止日期</dt><dd>${escapeHtml(need.deadline)}</dd></dl>
${need.status === 'draft' || need.status === 'published' ? `<p><a class="button secondary" href="/needs/${escapeHtml(need.id)}/edit">修改</a></p>` : ''}
${need.status === 'draft' ? `<form method="post" action="/needs/${escapeHtml(need.id)}/publish" style="margin-top:12px">${csrfInput(csrf)}<button type="submit">发布</button></form>` : `<p><a href="/needs/${escapeHtml(need.id)}">查看公开页面</a></p>`}
<h2>推荐成果</h2>${matchRows ? `<ol class="grid" style="list-style:none;padding:0">${matchRows}</ol>` : '<p class="summary">暂无匹配的成果。</p>'}`,
  );
}

export function interestForm(csrf: string, achievementId: string, issues: FieldIssue[] = [], values: Record<string, string> = {}): string {
  return `<form class="panel" method="post" action="/achievements/${escapeHtml(achievementId)}/interest"><h2 style="margin-top:0">提交合作意向</h2>${csrfInput(csrf)}
${field({ name: 'message', label: '留言', value: values.message ?? '', required: true, textarea: true, issues, hint: '说明希望如何合作，至少 10 字。' })}
${field({ name: 'contactName', label: '联系人', value: values.contactName ?? '', required: true, issues })}
${field({ name: 'contactPhone', label: '联系电话', value: values.contactPhone ?? '', required: true, issues })}
${field({ name: 'contactEmail', label: '电子邮箱', value: values.contactEmail ?? '', type: 'email', required: true, issues })}
<button type="submit">提交意向</button></form>`;
}

export function achievementFormPage(ctx: PageContext, values: NeedFormValues, issues: FieldIssue[], csrf: string, edit?: { id: string; version: number; message?: string }): string {
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const modes = Array.isArray(values.transferModes) ? values.transferModes : values.transferModes ? [values.transferModes] : [];
  return layout(
    ctx,
    edit ? '修改科技成果' : '发布科技成果',
    `<h1>${edit ? '修改科技成果' : '发布科技成果'}</h1>
${edit?.message ? `<p class="field-error" role="alert">${escapeHtml(edit.message)}</p>` : ''}
${issues.length ? `<p class="field-error" role="alert">请修改标出的 ${issues.length} 处后再提交。</p>` : ''}
<form class="panel" method="post" action="${edit ? `/achievements/${escapeHtml(edit.id)}/edit` : '/achievements/new'}" novalidate>${csrfInput(csrf)}${edit ? `<input type="hidden" name="version" value="${edit.version}">` : ''}
${field({ name: 'title', label: '成果名称', value: v('title'), required: true, issues, attrs: 'maxlength="100"' })}
${field({ name: 'summary', label: '公开摘要（所有人可见）', value: v('summary'), required: true, textarea: true, issues, hint: '说明是什么、关键指标、适用场景，至少 20 字。' })}
${field({ name: 'confidentialDetail', label: '技术细节（保密，接受意向后才向对方披露）', value: v('confidentialDetail'), textarea: true, issues })}
<div class="field"><label for="f-industry">产业 *</label><select id="f-industry" name="industry" required>${INDUSTRIES.map((i) => `<option${v('industry') === i ? ' selected' : ''}>${escapeHtml(i)}</option>`).join('')}</select>${errorFor(issues, 'industry')}</div>
${field({ name: 'keywords', label: '关键词（以逗号或空格分隔，最多 10 个）', value: v('keywords'), required: true, issues })}
${field({ name: 'trl', label: '技术成熟度 TRL（1–9）', value: v('trl'), type: 'number', required: true, issues, attrs: 'min="1" max="9"' })}
<fieldset class="choices"><legend>转化方式 *</legend>${TRANSFER_MODES.map((m) => `<label><input type="checkbox" name="transferModes" value="${m}"${modes.includes(m) ? ' checked' : ''}> ${escapeHtml(TRANSFER_MODE_LABELS_ZH[m])}</label>`).join('')}${errorFor(issues, 'transferModes')}</fieldset>
${field({ name: 'priceMin', label: '价格下限（元，留空为面议）', value: v('priceMin'), issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'priceMax', label: '价格上限（元，与下限相同即为一口价）', value: v('priceMax'), issues, attrs: 'inputmode="decimal"' })}
${errorFor(issues, 'price')}
${field({ name: 'leader', label: '团队负责人', value: v('leader'), required: true, issues })}
${field({ name: 'contactName', label: '联系人', value: v('contactName'), required: true, issues })}
${field({ name: 'contactPhone', label: '联系电话', value: v('contactPhone'), required: true, issues })}
${field({ name: 'contactEmail', label: '电子邮箱', value: v('contactEmail'), type: 'email', required: true, issues })}
<button type="submit">${edit ? '保存修改' : '保存草稿'}</button></form>`,
  );
}

export function achievementManagePage(ctx: PageContext, a: Row, matches: Row[], csrf: string, flash?: string): string {
  const matchRows = matches
    .map((m) => `<li class="card"><h3><a href="/needs/${escapeHtml(m.listing.id)}">${escapeHtml(m.listing.title)}</a> <span class="tag">匹配度 ${Math.round(m.score * 100)}</span></h3><p>${escapeHtml(m.explanation.summaryZh)}</p></li>`)
    .join('');
  const actions = [
    a.status === 'draft' || a.status === 'published' ? `<a class="button secondary" href="/achievements/${escapeHtml(a.id)}/edit">修改</a>` : '',
    a.status === 'draft' ? `<form class="inline" method="post" action="/achievements/${escapeHtml(a.id)}/publish">${csrfInput(csrf)}<button type="submit">发布</button></form>` : '',
    a.status === 'draft' || a.status === 'published' ? `<form class="inline" method="post" action="/achievements/${escapeHtml(a.id)}/archive">${csrfInput(csrf)}<button class="secondary" type="submit">归档</button></form>` : '',
  ].join(' ');
  return layout(
    ctx,
    a.title,
    `<p><a href="/me">← 我的工作台</a></p><h1>${escapeHtml(a.title)}</h1>
${flash ? `<p class="flash" role="status">${escapeHtml(flash)}</p>` : ''}
<dl class="facts"><dt>状态</dt><dd>${escapeHtml(ACHIEVEMENT_STATUS_LABELS_ZH[a.status as keyof typeof ACHIEVEMENT_STATUS_LABELS_ZH])}</dd><dt>成熟度</dt><dd>TRL ${escapeHtml(a.trl)}</dd><dt>技术细节（保密）</dt><dd>${escapeHtml(a.confidentialDetail || '—')}</dd></dl>
<p style="margin-top:12px">${actions}</p>
<h2>可对接的需求与揭榜挂帅</h2>${matchRows ? `<ol class="grid" style="list-style:none;padding:0">${matchRows}</ol>` : '<p class="summary">暂无匹配的需求。</p>'}`,
  );
}

export function proposalForm(csrf: string, needId: string, issues: FieldIssue[] = [], values: Record<string, string> = {}): string {
  return `<form class="panel" method="post" action="/needs/${escapeHtml(needId)}/proposal"><h2 style="margin-top:0">提交揭榜方案</h2>${csrfInput(csrf)}
${field({ name: 'message', label: '留言', value: values.message ?? '', required: true, textarea: true, issues })}
${field({ name: 'plan', label: '方案（逐条说明如何达到验收指标）', value: values.plan ?? '', required: true, textarea: true, issues })}
${field({ name: 'quote', label: '报价（元，选填）', value: values.quote ?? '', issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'contactName', label: '联系人', value: values.contactName ?? '', required: true, issues })}
${field({ name: 'contactPhone', label: '联系电话', value: values.contactPhone ?? '', required: true, issues })}
${field({ name: 'contactEmail', label: '电子邮箱', value: values.contactEmail ?? '', type: 'email', required: true, issues })}
<button type="submit">提交方案</button></form>`;
}
