/** Pages for transfer centers (contracts, payments, reward, claims) and the bureau's work queues. */
import { randomUUID } from 'node:crypto';
import type { Claim, Contract, Payment, RewardBalance } from '../../shared/domain/contract';
import type { FieldIssue } from '../../shared/domain/errors';
import { CONTRACT_KIND_LABELS_ZH } from '../../shared/domain/reward-policy';
import { shanghaiDate } from '../../shared/domain/listing-common';
import { escapeHtml } from '../../shared/text/escape-html';
import { formatFen } from '../format';
import { csrfInput, field } from '../forms';
import { layout, type PageContext } from '../layout';

export const CONTRACT_STATUS_ZH: Record<string, string> = {
  draft: '待认定登记', registered: '已登记', rejected: '不予登记', performing: '履行中', completed: '已完成', terminated: '已终止',
  recorded: '待核验', verified: '已核验', pending: '待审批', approved: '已批准', paid: '已兑付',
};

const money = (fen: number) => `<span class="money">${escapeHtml(formatFen(fen))}</span>`;

export function contractRows(contracts: (Contract & { balance?: Omit<RewardBalance, 'claimableFen'> & { claimableFen?: number } })[]): string {
  return contracts
    .map((c) => `<tr><td><a href="/contracts/${escapeHtml(c.id)}">${escapeHtml(c.title)}</a><br><span class="hint">${escapeHtml(c.registrationNumber ?? '尚未登记')}</span></td>
<td>${escapeHtml(CONTRACT_STATUS_ZH[c.status] ?? c.status)}</td><td>${money(c.amountFen)}</td><td>${money(c.verifiedFen)}</td></tr>`)
    .join('');
}

export function contractPage(
  ctx: PageContext,
  data: { contract: Contract; payments: Payment[]; reward: { balance: RewardBalance; claims: Claim[] } | null; canRecord: boolean; csrf: string; issues?: FieldIssue[]; values?: Record<string, string>; flash?: string },
): string {
  const { contract: c, payments, reward, csrf } = data;
  const issues = data.issues ?? [];
  const values = data.values ?? {};
  const paymentRows = payments
    .map((p) => `<tr><td>${escapeHtml(p.paidOn)}</td><td>${money(p.amountFen)}</td><td>${escapeHtml(p.evidenceRef)}</td><td>${escapeHtml(CONTRACT_STATUS_ZH[p.status] ?? p.status)}</td></tr>`)
    .join('');
  const claimRows = (reward?.claims ?? [])
    .map((cl) => `<tr><td>${escapeHtml(shanghaiDate(new Date(cl.createdAt)))}</td><td>${money(cl.amountFen)}</td><td>${escapeHtml(CONTRACT_STATUS_ZH[cl.status] ?? cl.status)}${cl.reason ? `（${escapeHtml(cl.reason)}）` : ''}</td></tr>`)
    .join('');
  return layout(
    ctx,
    c.title,
    `<p><a href="/me">← 我的工作台</a></p><h1>${escapeHtml(c.title)}</h1>
${data.flash ? `<p class="flash" role="status">${escapeHtml(data.flash)}</p>` : ''}
<dl class="facts">
<dt>认定登记号</dt><dd>${escapeHtml(c.registrationNumber ?? '尚未登记')}</dd>
<dt>状态</dt><dd>${escapeHtml(CONTRACT_STATUS_ZH[c.status] ?? c.status)}</dd>
<dt>类型</dt><dd>${escapeHtml(CONTRACT_KIND_LABELS_ZH[c.kind])}</dd>
<dt>卖方</dt><dd>${escapeHtml(c.sellerOrgName)}</dd><dt>买方</dt><dd>${escapeHtml(c.buyerOrgName)}</dd><dt>技术转移中心</dt><dd>${escapeHtml(c.brokerOrgName)}</dd>
<dt>合同金额</dt><dd>${money(c.amountFen)}</dd><dt>签订日期</dt><dd>${escapeHtml(c.signedOn)}</dd>
</dl>
<h2>到账记录</h2>${paymentRows ? `<table class="list"><thead><tr><th scope="col">到账日期</th><th scope="col">金额</th><th scope="col">凭证</th><th scope="col">状态</th></tr></thead><tbody>${paymentRows}</tbody></table>` : '<p class="summary">暂无到账记录。</p>'}
${data.canRecord && (c.status === 'registered' || c.status === 'performing') && c.recordedFen < c.amountFen ? `<form class="panel" method="post" action="/contracts/${escapeHtml(c.id)}/payments" style="margin-top:12px">${csrfInput(csrf)}<input type="hidden" name="idempotencyKey" value="${randomUUID()}">
<h3 style="margin-top:0">登记到账</h3>
${field({ name: 'amount', label: '到账金额（元）', value: values.amount ?? '', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'paidOn', label: '到账日期', value: values.paidOn ?? '', type: 'date', required: true, issues })}
${field({ name: 'evidenceRef', label: '凭证（发票或银行回单号，须含认定登记号）', value: values.evidenceRef ?? `银行回单 ${c.registrationNumber ?? ''}`, required: true, issues })}
<button type="submit">登记到账</button></form>` : ''}
${reward ? `<h2>技术转移奖励</h2><div class="kpis">
<div class="kpi"><div class="label">已核验到账</div><div class="value">${escapeHtml(formatFen(reward.balance.performedFen))}</div></div>
<div class="kpi"><div class="label">累计应得奖励</div><div class="value">${escapeHtml(formatFen(reward.balance.accruedFen))}</div></div>
<div class="kpi"><div class="label">审批中 / 已批准</div><div class="value">${escapeHtml(formatFen(reward.balance.pendingFen))} / ${escapeHtml(formatFen(reward.balance.approvedFen))}</div></div>
<div class="kpi"><div class="label">当前可申领</div><div class="value">${escapeHtml(formatFen(reward.balance.claimableFen))}</div></div></div>
${data.canRecord && reward.balance.claimableFen > 0 ? `<form class="panel" method="post" action="/contracts/${escapeHtml(c.id)}/claims" style="margin-top:12px">${csrfInput(csrf)}<input type="hidden" name="idempotencyKey" value="${randomUUID()}">
${field({ name: 'amount', label: '申领金额（元）', value: values.claimAmount ?? `${Math.trunc(reward.balance.claimableFen / 100)}.${String(reward.balance.claimableFen % 100).padStart(2, '0')}`, required: true, issues, hint: '重复提交同一表单不会产生第二笔申领。' })}
<button type="submit">申领奖励</button></form>` : ''}
<h3>申领记录</h3>${claimRows ? `<table class="list"><thead><tr><th scope="col">提交日期</th><th scope="col">金额</th><th scope="col">状态</th></tr></thead><tbody>${claimRows}</tbody></table>` : '<p class="summary">暂无申领。</p>'}` : ''}`,
  );
}

/** Coded reasons the bureau gives when it refuses something (shown to the center in Chinese). */
export const REFUSAL_REASONS: Record<string, string> = {
  evidence_insufficient: '证明材料不足',
  not_eligible: '不符合政策条件',
  amount_incorrect: '金额有误',
  duplicate: '重复申报',
  other: '其他原因',
};

function refuseForm(action: string, csrf: string, id: string, label: string): string {
  return `<form method="post" action="${action}" style="margin-top:6px"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}"><label class="skip" for="rr-${escapeHtml(id)}">${label}理由</label><select id="rr-${escapeHtml(id)}" name="reason">${Object.entries(REFUSAL_REASONS)
    .map(([k, v]) => `<option value="${k}">${escapeHtml(v)}</option>`)
    .join('')}</select> <button class="secondary" type="submit">${label}</button></form>`;
}

export function adminQueues(data: { orgs: { id: string; name: string; type: string; district: string }[]; contracts: Contract[]; payments: (Payment & { contractTitle?: string })[]; claims: (Claim & { contractTitle?: string })[]; csrf: string }): string {
  const { csrf } = data;
  const orgRows = data.orgs
    .map((o) => `<tr><td>${escapeHtml(o.name)}<br><span class="hint">${escapeHtml(o.district)}</span></td><td>
<form class="inline" method="post" action="/admin/orgs/${escapeHtml(o.id)}/verify">${csrfInput(csrf)}<input type="hidden" name="decision" value="verified"><button type="submit">通过认证</button></form>
<form method="post" action="/admin/orgs/${escapeHtml(o.id)}/verify" style="margin-top:6px">${csrfInput(csrf)}<input type="hidden" name="decision" value="rejected"><label class="skip" for="or-${escapeHtml(o.id)}">驳回理由</label><input id="or-${escapeHtml(o.id)}" name="reason" placeholder="驳回理由" required> <button class="secondary" type="submit">驳回</button></form></td></tr>`)
    .join('');
  const contractRowsHtml = data.contracts
    .map((c) => `<tr><td><a href="/contracts/${escapeHtml(c.id)}">${escapeHtml(c.title)}</a><br><span class="hint">${escapeHtml(c.sellerOrgName)} → ${escapeHtml(c.buyerOrgName)} · ${escapeHtml(formatFen(c.amountFen))}</span></td><td>
<form class="inline" method="post" action="/admin/contracts/${escapeHtml(c.id)}/register">${csrfInput(csrf)}<input type="hidden" name="decision" value="registered"><button type="submit">认定登记</button></form>${refuseForm(`/admin/contracts/${c.id}/reject`, csrf, c.id, '不予登记')}</td></tr>`)
    .join('');
  const paymentRows = data.payments
    .map((p) => `<tr><td>${escapeHtml(p.contractTitle ?? p.contractId)}<br><span class="hint">${escapeHtml(p.paidOn)} · ${escapeHtml(p.evidenceRef)}</span></td><td>${money(p.amountFen)}</td><td>
<form class="inline" method="post" action="/admin/payments/${escapeHtml(p.id)}/verify">${csrfInput(csrf)}<input type="hidden" name="decision" value="verified"><button type="submit">核验通过</button></form>${refuseForm(`/admin/payments/${p.id}/reject`, csrf, p.id, '驳回')}</td></tr>`)
    .join('');
  const claimRows = data.claims
    .map((cl) => `<tr><td>${escapeHtml(cl.contractTitle ?? cl.contractId)}</td><td>${money(cl.amountFen)}</td><td>
<form class="inline" method="post" action="/admin/claims/${escapeHtml(cl.id)}/approve">${csrfInput(csrf)}<button type="submit">批准</button></form>${refuseForm(`/admin/claims/${cl.id}/reject`, csrf, cl.id, '驳回')}</td></tr>`)
    .join('');
  const table = (title: string, head: string, rows: string) =>
    `<h2>${title}</h2>${rows ? `<table class="list"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` : '<p class="summary">暂无待办。</p>'}`;
  return [
    table('待认证机构', '<th scope="col">机构</th><th scope="col">处理</th>', orgRows),
    table('待认定登记的技术合同', '<th scope="col">合同</th><th scope="col">处理</th>', contractRowsHtml),
    table('待核验的到账', '<th scope="col">合同</th><th scope="col">金额</th><th scope="col">处理</th>', paymentRows),
    table('待审批的奖励申领', '<th scope="col">合同</th><th scope="col">金额</th><th scope="col">处理</th>', claimRows),
    '<p><a class="button secondary" href="/admin/exports/contracts.xlsx">导出技术合同（Excel）</a> <a class="button secondary" href="/admin/policies">奖励政策</a></p>',
  ].join('\n');
}

export function contractFormPage(
  ctx: PageContext,
  data: { sellers: { id: string; name: string }[]; buyers: { id: string; name: string }[]; values: Record<string, string>; issues: FieldIssue[]; csrf: string },
): string {
  const { values, issues } = data;
  const select = (name: string, label: string, options: { id: string; name: string }[]) =>
    `<div class="field"><label for="f-${name}">${label} *</label><select id="f-${name}" name="${name}" required><option value="">请选择</option>${options
      .map((o) => `<option value="${escapeHtml(o.id)}"${values[name] === o.id ? ' selected' : ''}>${escapeHtml(o.name)}</option>`)
      .join('')}</select>${issues.find((i) => i.path === name) ? `<p class="field-error" role="alert">${escapeHtml(issues.find((i) => i.path === name)!.messageZh)}</p>` : ''}</div>`;
  return layout(
    ctx,
    '登记技术合同',
    `<p><a href="/me">← 我的工作台</a></p><h1>登记技术合同</h1>
${issues.length ? `<p class="field-error" role="alert">请修改标出的 ${issues.length} 处后再提交。</p>` : ''}
<form class="panel" method="post" action="/contracts/new" novalidate>${csrfInput(data.csrf)}
${field({ name: 'title', label: '合同名称', value: values.title ?? '', required: true, issues })}
<div class="field"><label for="f-kind">合同类型 *</label><select id="f-kind" name="kind">${Object.entries(CONTRACT_KIND_LABELS_ZH)
      .map(([k, label]) => `<option value="${k}"${values.kind === k ? ' selected' : ''}>${escapeHtml(label)}</option>`)
      .join('')}</select></div>
${select('sellerOrgId', '卖方（高校/院所）', data.sellers)}
${select('buyerOrgId', '买方（企业）', data.buyers)}
${field({ name: 'amount', label: '合同金额（元）', value: values.amount ?? '', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'signedOn', label: '签订日期', value: values.signedOn ?? '', type: 'date', required: true, issues })}
<p class="hint">提交后由市科技局认定登记；登记号用于到账凭证。</p>
<button type="submit">提交登记</button></form>`,
  );
}

export function policiesPage(ctx: PageContext, policies: { id: string; name: string; rateBp: number; capFenPerContract: number; validFrom: string; validTo: string; demo: boolean }[], issues: FieldIssue[], values: Record<string, string>, csrf: string): string {
  const rows = policies
    .map((p) => `<tr><td>${escapeHtml(p.name)}${p.demo ? ' <span class="tag challenge">演示</span>' : ''}</td><td>${p.rateBp / 100}%</td><td>${money(p.capFenPerContract)}</td><td>${escapeHtml(p.validFrom)} 至 ${escapeHtml(p.validTo)}</td></tr>`)
    .join('');
  return layout(
    ctx,
    '奖励政策',
    `<p><a href="/me">← 我的工作台</a></p><h1>技术转移奖励政策</h1>
<table class="list"><thead><tr><th scope="col">政策</th><th scope="col">比例</th><th scope="col">单个合同上限</th><th scope="col">有效期</th></tr></thead><tbody>${rows}</tbody></table>
<h2>发布新政策</h2>
<form class="panel" method="post" action="/admin/policies" novalidate>${csrfInput(csrf)}
${field({ name: 'name', label: '政策名称', value: values.name ?? '', required: true, issues })}
${field({ name: 'ratePercent', label: '奖励比例（%）', value: values.ratePercent ?? '10', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'cap', label: '单个合同奖励上限（元）', value: values.cap ?? '200000', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ name: 'validFrom', label: '生效日期', value: values.validFrom ?? '', type: 'date', required: true, issues, hint: '按到账日期适用；不得早于今天，不得与已有政策重叠。' })}
${field({ name: 'validTo', label: '截止日期', value: values.validTo ?? '', type: 'date', required: true, issues })}
<p class="hint">适用于高校、科研院所作为卖方，企业作为买方，技术转移中心促成的各类技术合同。</p>
<button type="submit">发布政策</button></form>`,
  );
}
