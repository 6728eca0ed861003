/** Pages for transfer centers (contracts, payments, reward, claims) and the bureau's work queues. */
import { randomUUID } from 'node:crypto';
import type { Claim, Contract, Payment, RewardBalance } from '../../shared/domain/contract';
import type { FieldIssue } from '../../shared/domain/errors';
import { CONTRACT_KINDS } from '../../shared/domain/reward-policy';
import { shanghaiDate } from '../../shared/domain/listing-common';
import { escapeHtml } from '../../shared/text/escape-html';
import { formatFen } from '../format';
import { csrfInput, errorFor, field } from '../forms';
import { cell, th } from '../html';
import { fixMarked, inParens, t, tx, type Lang } from '../i18n';
import { label, REFUSAL_CODES, refusalText } from '../labels';
import { layout, type PageContext } from '../layout';
import type { Attachment } from '../../shared/domain/attachment';
import { FILES_SCRIPT, fileLinks, filesPanel, uploadForm } from './files';


/** The contract's own files, the submission step and, once registered, the hashes it was registered with. */
function contractFilesSection(lang: Lang, c: Contract, files: Attachment[], canManage: boolean, fullHash: boolean, csrf: string): string {
  const kinds = !canManage ? [] : c.status === 'draft' ? ['signed_contract', 'supplement'] : ['submitted', 'registered', 'performing'].includes(c.status) ? ['supplement'] : [];
  const panel = filesPanel(lang, { owner: { type: 'contract', id: c.id }, files, uploadKinds: kinds, canRemove: canManage && c.status === 'draft', fullHash, back: `/contracts/${c.id}`, csrf, title: tx(lang, '合同附件', 'Contract files') });
  const hasSigned = files.some((f) => f.kind === 'signed_contract');
  const submit =
    canManage && c.status === 'draft'
      ? hasSigned
        ? `<form class="spaced" method="post" action="/contracts/${escapeHtml(c.id)}/submit">${csrfInput(csrf)}<p class="hint">${tx(lang, '提交后签章合同不可再更换；市科技局据此认定登记。', 'Once submitted the signed contract cannot be replaced; the bureau registers on it.')}</p><button type="submit">${tx(lang, '提交认定登记', 'Submit for registration')}</button></form>`
        : `<p class="notice">${tx(lang, '请先上传签章合同扫描件（PDF、JPEG 或 PNG），再提交认定登记。', 'Upload the signed contract (PDF, JPEG or PNG) before submitting it for registration.')}</p>`
      : '';
  const registered = c.registeredFiles?.length
    ? `<p class="hint">${tx(lang, '登记时的附件（SHA-256）：', 'Registered with (SHA-256): ')}${c.registeredFiles.map((f) => `${escapeHtml(f.fileName)} <code>${escapeHtml(f.sha256)}</code>`).join('；')}</p>`
    : '';
  return panel + submit + registered + (kinds.length ? FILES_SCRIPT : '');
}

const money = (fen: number) => `<span class="money">${escapeHtml(formatFen(fen))}</span>`;
const backToWorkspace = (lang: Lang) => `<p><a href="/me">← ${t(lang, 'workspace')}</a></p>`;
const notRegistered = (lang: Lang) => tx(lang, '尚未登记', 'Not yet registered');

export function contractRows(lang: Lang, contracts: (Contract & { balance?: Omit<RewardBalance, 'claimableFen'> & { claimableFen?: number } })[]): string {
  return contracts
    .map((c) => `<tr><td><a href="/contracts/${escapeHtml(c.id)}">${escapeHtml(c.title)}</a><br><span class="hint">${escapeHtml(c.registrationNumber ?? notRegistered(lang))}</span></td>
${cell(t(lang, 'status'), escapeHtml(label(lang, 'contractStatus', c.status)))}${cell(tx(lang, '合同金额', 'Contract amount'), money(c.amountFen))}${cell(tx(lang, '已核验到账', 'Verified payments'), money(c.verifiedFen))}</tr>`)
    .join('');
}

/** The transfer center's part of its workspace: the contracts it brokered. */
export function brokeredContractsSection(lang: Lang, rows: string): string {
  return `<h2>${tx(lang, '我促成的技术合同', 'Contracts I brokered')}</h2><p><a class="button" href="/contracts/new">${tx(lang, '登记技术合同', 'Register a contract')}</a></p>${
    rows
      ? `<table class="list"><thead><tr>${th(t(lang, 'contract'))}${th(t(lang, 'status'))}${th(tx(lang, '合同金额', 'Contract amount'))}${th(tx(lang, '已核验到账', 'Verified payments'))}</tr></thead><tbody>${rows}</tbody></table>`
      : `<p class="summary">${t(lang, 'none')}</p>`
  }`;
}

/** "12000.00": the claimable amount as the form's yuan text, by integer arithmetic. */
const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

function paymentForm(lang: Lang, c: Contract, csrf: string, issues: FieldIssue[], values: Record<string, string>): string {
  return `<form class="panel spaced" method="post" action="/contracts/${escapeHtml(c.id)}/payments">${csrfInput(csrf)}<input type="hidden" name="idempotencyKey" value="${randomUUID()}">
<h3 class="flush">${tx(lang, '登记到账', 'Record a payment')}</h3>
${field({ lang, name: 'amount', label: tx(lang, '到账金额（元）', 'Amount received (yuan)'), value: values.amount ?? '', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'paidOn', label: tx(lang, '到账日期', 'Received on'), value: values.paidOn ?? '', type: 'date', required: true, issues })}
${field({ lang, name: 'evidenceRef', label: tx(lang, '凭证（发票或银行回单号，须含认定登记号）', 'Evidence (invoice or bank slip number, quoting the registration number)'), value: values.evidenceRef ?? `${tx(lang, '银行回单', 'Bank slip')} ${c.registrationNumber ?? ''}`, required: true, issues })}
<button type="submit">${tx(lang, '登记到账', 'Record payment')}</button></form>`;
}

function rewardSection(lang: Lang, c: Contract, reward: { balance: RewardBalance; claims: Claim[] }, canClaim: boolean, csrf: string, issues: FieldIssue[], values: Record<string, string>, claimFiles: Record<string, Attachment[]>): string {
  const { balance } = reward;
  const kpi = (name: string, value: string) => `<div class="kpi"><div class="label">${name}</div><div class="value">${value}</div></div>`;
  const claimRows = reward.claims
    .map((cl) => `<tr>${cell(tx(lang, '提交日期', 'Submitted on'), escapeHtml(shanghaiDate(new Date(cl.createdAt))))}${cell(t(lang, 'amount'), money(cl.amountFen))}${cell(t(lang, 'status'), `${escapeHtml(label(lang, 'claimStatus', cl.status))}${cl.reason ? escapeHtml(inParens(lang, refusalText(lang, cl.reason))) : ''}`)}${cell(tx(lang, '证明材料', 'Supporting documents'), `${fileLinks(lang, { type: 'claim', id: cl.id }, claimFiles[cl.id] ?? [])}${canClaim && cl.status === 'pending' ? uploadForm(lang, { owner: { type: 'claim', id: cl.id }, uploadKinds: ['supporting_document'], csrf }) + FILES_SCRIPT : ''}`)}</tr>`)
    .join('');
  const claimForm =
    canClaim && balance.claimableFen > 0
      ? `<form class="panel spaced" method="post" action="/contracts/${escapeHtml(c.id)}/claims">${csrfInput(csrf)}<input type="hidden" name="idempotencyKey" value="${randomUUID()}">
${field({ lang, name: 'amount', label: tx(lang, '申领金额（元）', 'Amount to claim (yuan)'), value: values.claimAmount ?? yuanText(balance.claimableFen), required: true, issues, hint: tx(lang, '重复提交同一表单不会产生第二笔申领。', 'Submitting the same form twice does not claim twice.') })}
<button type="submit">${tx(lang, '申领奖励', 'Claim the reward')}</button></form>`
      : '';
  return `<h2>${tx(lang, '技术转移奖励', 'Technology-transfer reward')}</h2><div class="kpis">
${kpi(tx(lang, '已核验到账', 'Verified payments'), escapeHtml(formatFen(balance.performedFen)))}
${kpi(tx(lang, '累计应得奖励', 'Reward earned'), escapeHtml(formatFen(balance.accruedFen)))}
${kpi(tx(lang, '审批中 / 已批准', 'Awaiting approval / approved'), `${escapeHtml(formatFen(balance.pendingFen))} / ${escapeHtml(formatFen(balance.approvedFen))}`)}
${kpi(tx(lang, '当前可申领', 'Claimable now'), escapeHtml(formatFen(balance.claimableFen)))}</div>
${claimForm}
<h3>${tx(lang, '申领记录', 'Claims')}</h3>${claimRows ? `<table class="list"><thead><tr>${th(tx(lang, '提交日期', 'Submitted on'))}${th(t(lang, 'amount'))}${th(t(lang, 'status'))}${th(tx(lang, '证明材料', 'Supporting documents'))}</tr></thead><tbody>${claimRows}</tbody></table>` : `<p class="summary">${tx(lang, '暂无申领。', 'No claims yet.')}</p>`}`;
}

export function contractPage(
  ctx: PageContext,
  data: {
    contract: Contract;
    payments: Payment[];
    reward: { balance: RewardBalance; claims: Claim[] } | null;
    canRecord: boolean;
    csrf: string;
    files: { contract: Attachment[]; payments: Record<string, Attachment[]>; claims: Record<string, Attachment[]> };
    /** The bureau sees full hashes. */
    fullHash?: boolean;
    issues?: FieldIssue[];
    values?: Record<string, string>;
    flash?: string;
  },
): string {
  const { lang } = ctx;
  const { contract: c, payments, reward, csrf } = data;
  const issues = data.issues ?? [];
  const values = data.values ?? {};
  const paymentFiles = (p: Payment) => data.files.payments[p.id] ?? [];
  const paymentRows = payments
    .map((p) => `<tr>${cell(tx(lang, '到账日期', 'Received on'), escapeHtml(p.paidOn))}${cell(t(lang, 'amount'), money(p.amountFen))}${cell(tx(lang, '凭证', 'Evidence'), `${escapeHtml(p.evidenceRef)}${fileLinks(lang, { type: 'payment', id: p.id }, paymentFiles(p), data.fullHash)}`)}${cell(t(lang, 'status'), `${escapeHtml(label(lang, 'paymentStatus', p.status))}${p.rejectionReason ? escapeHtml(inParens(lang, refusalText(lang, p.rejectionReason))) : ''}`)}</tr>`)
    .join('');
  // The broker attaches the invoice or bank slip to each payment still waiting for verification.
  const evidenceUploads = data.canRecord
    ? payments
        .filter((p) => p.status === 'recorded')
        .map((p) => `<h3>${tx(lang, '上传到账凭证', 'Upload the evidence')}：${escapeHtml(p.paidOn)} ${money(p.amountFen)}${paymentFiles(p).some((f) => f.kind === 'invoice' || f.kind === 'bank_slip') ? '' : ` <span class="tag challenge">${tx(lang, '核验前必需', 'Needed before verification')}</span>`}</h3>${uploadForm(lang, { owner: { type: 'payment', id: p.id }, uploadKinds: ['invoice', 'bank_slip'], csrf })}`)
        .join('')
    : '';
  const canRecordPayment = data.canRecord && (c.status === 'registered' || c.status === 'performing') && c.recordedFen < c.amountFen;
  return layout(
    ctx,
    c.title,
    `${backToWorkspace(lang)}<h1>${escapeHtml(c.title)}</h1>
${data.flash ? `<p class="flash" role="status">${escapeHtml(data.flash)}</p>` : ''}
<dl class="facts">
<dt>${tx(lang, '认定登记号', 'Registration number')}</dt><dd>${escapeHtml(c.registrationNumber ?? notRegistered(lang))}</dd>
<dt>${t(lang, 'status')}</dt><dd>${escapeHtml(label(lang, 'contractStatus', c.status))}${c.rejectionReason ? escapeHtml(inParens(lang, refusalText(lang, c.rejectionReason))) : ''}</dd>
<dt>${tx(lang, '类型', 'Kind')}</dt><dd>${escapeHtml(label(lang, 'contractKind', c.kind))}</dd>
<dt>${tx(lang, '卖方', 'Seller')}</dt><dd>${escapeHtml(c.sellerOrgName)}</dd><dt>${tx(lang, '买方', 'Buyer')}</dt><dd>${escapeHtml(c.buyerOrgName)}</dd><dt>${label(lang, 'orgType', 'transfer_center')}</dt><dd>${escapeHtml(c.brokerOrgName)}</dd>
<dt>${tx(lang, '合同金额', 'Contract amount')}</dt><dd>${money(c.amountFen)}</dd><dt>${tx(lang, '签订日期', 'Signed on')}</dt><dd>${escapeHtml(c.signedOn)}</dd>
</dl>
${contractFilesSection(lang, c, data.files.contract, data.canRecord, data.fullHash ?? false, csrf)}
<h2>${tx(lang, '到账记录', 'Payments received')}</h2>${paymentRows ? `<table class="list"><thead><tr>${th(tx(lang, '到账日期', 'Received on'))}${th(t(lang, 'amount'))}${th(tx(lang, '凭证', 'Evidence'))}${th(t(lang, 'status'))}</tr></thead><tbody>${paymentRows}</tbody></table>` : `<p class="summary">${tx(lang, '暂无到账记录。', 'No payments recorded yet.')}</p>`}
${evidenceUploads}${evidenceUploads ? FILES_SCRIPT : ''}
${canRecordPayment ? paymentForm(lang, c, csrf, issues, values) : ''}
${reward ? rewardSection(lang, c, reward, data.canRecord, csrf, issues, values, data.files.claims) : ''}`,
  );
}

/**
 * Coded reasons the bureau gives when it refuses something. The refusal stores `【code】` with the Chinese
 * label (the record is read by the center in Chinese); the pages show the label in the reader's language.
 */
export const REFUSAL_REASONS: Record<string, string> = Object.fromEntries(REFUSAL_CODES.map((code) => [code, label('zh', 'refusalReason', code)]));

function refuseForm(lang: Lang, action: string, csrf: string, id: string, verb: string): string {
  const options = REFUSAL_CODES.map((code) => `<option value="${code}">${escapeHtml(label(lang, 'refusalReason', code))}</option>`).join('');
  return `<form class="spaced" method="post" action="${escapeHtml(action)}">${csrfInput(csrf)}<label class="skip" for="rr-${escapeHtml(id)}">${tx(lang, `${verb}理由`, `Reason: ${verb}`)}</label><select id="rr-${escapeHtml(id)}" name="reason">${options}</select> <button class="secondary" type="submit">${escapeHtml(verb)}</button></form>`;
}

export function adminQueues(
  lang: Lang,
  data: {
    orgs: { id: string; name: string; type: string; district: string }[];
    contracts: (Contract & { files: Attachment[] })[];
    payments: (Payment & { contractTitle?: string; files: Attachment[] })[];
    claims: (Claim & { contractTitle?: string; files: Attachment[] })[];
    csrf: string;
  },
): string {
  const { csrf } = data;
  const reject = tx(lang, '驳回', 'Reject');
  const orgRows = data.orgs
    .map((o) => `<tr><td>${escapeHtml(o.name)}<br><span class="hint">${escapeHtml(label(lang, 'orgType', o.type))} · ${escapeHtml(label(lang, 'district', o.district))}</span></td><td>
<form class="inline" method="post" action="/admin/orgs/${escapeHtml(o.id)}/verify">${csrfInput(csrf)}<input type="hidden" name="decision" value="verified"><button type="submit">${tx(lang, '通过认证', 'Verify')}</button></form>
<form class="spaced" method="post" action="/admin/orgs/${escapeHtml(o.id)}/verify">${csrfInput(csrf)}<input type="hidden" name="decision" value="rejected"><label class="skip" for="or-${escapeHtml(o.id)}">${tx(lang, '驳回理由', 'Reason for rejecting')}</label><input id="or-${escapeHtml(o.id)}" name="reason" placeholder="${tx(lang, '驳回理由', 'Reason for rejecting')}" required> <button class="secondary" type="submit">${reject}</button></form></td></tr>`)
    .join('');
  const contractRowsHtml = data.contracts
    .map((c) => `<tr><td><a href="/contracts/${escapeHtml(c.id)}">${escapeHtml(c.title)}</a><br><span class="hint">${escapeHtml(c.sellerOrgName)} → ${escapeHtml(c.buyerOrgName)} · ${escapeHtml(formatFen(c.amountFen))}</span>${fileLinks(lang, { type: 'contract', id: c.id }, c.files, true)}</td><td>
<form class="inline" method="post" action="/admin/contracts/${escapeHtml(c.id)}/register">${csrfInput(csrf)}<input type="hidden" name="decision" value="registered"><button type="submit">${tx(lang, '认定登记', 'Register')}</button></form>${refuseForm(lang, `/admin/contracts/${c.id}/reject`, csrf, c.id, tx(lang, '不予登记', 'Refuse'))}</td></tr>`)
    .join('');
  const paymentRows = data.payments
    .map((p) => `<tr><td>${escapeHtml(p.contractTitle ?? p.contractId)}<br><span class="hint">${escapeHtml(p.paidOn)} · ${escapeHtml(p.evidenceRef)}</span>${fileLinks(lang, { type: 'payment', id: p.id }, p.files, true)}</td>${cell(t(lang, 'amount'), money(p.amountFen))}<td>
<form class="inline" method="post" action="/admin/payments/${escapeHtml(p.id)}/verify">${csrfInput(csrf)}<input type="hidden" name="decision" value="verified"><button type="submit">${tx(lang, '核验通过', 'Verify')}</button></form>${refuseForm(lang, `/admin/payments/${p.id}/reject`, csrf, p.id, reject)}</td></tr>`)
    .join('');
  const claimRows = data.claims
    .map((cl) => `<tr><td>${escapeHtml(cl.contractTitle ?? cl.contractId)}${fileLinks(lang, { type: 'claim', id: cl.id }, cl.files, true)}</td>${cell(t(lang, 'amount'), money(cl.amountFen))}<td>
<form class="inline" method="post" action="/admin/claims/${escapeHtml(cl.id)}/approve">${csrfInput(csrf)}<button type="submit">${tx(lang, '批准', 'Approve')}</button></form>${refuseForm(lang, `/admin/claims/${cl.id}/reject`, csrf, cl.id, reject)}</td></tr>`)
    .join('');
  const table = (title: string, head: string[], rows: string) =>
    `<h2>${title}</h2>${rows ? `<table class="list"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows}</tbody></table>` : `<p class="summary">${tx(lang, '暂无待办。', 'Nothing waiting.')}</p>`}`;
  return [
    table(tx(lang, '待认证机构', 'Organisations awaiting verification'), [tx(lang, '机构', 'Organisation'), t(lang, 'decide')], orgRows),
    table(tx(lang, '待认定登记的技术合同', 'Contracts awaiting registration'), [t(lang, 'contract'), t(lang, 'decide')], contractRowsHtml),
    table(tx(lang, '待核验的到账', 'Payments awaiting verification'), [t(lang, 'contract'), t(lang, 'amount'), t(lang, 'decide')], paymentRows),
    table(tx(lang, '待审批的奖励申领', 'Reward claims awaiting approval'), [t(lang, 'contract'), t(lang, 'amount'), t(lang, 'decide')], claimRows),
    `<p class="actions"><a class="button secondary" href="/admin/exports/contracts.xlsx">${tx(lang, '导出技术合同（Excel）', 'Export contracts (Excel)')}</a> <a class="button secondary" href="/admin/policies">${tx(lang, '奖励政策', 'Reward policies')}</a></p>`,
  ].join('\n');
}

export function contractFormPage(
  ctx: PageContext,
  data: { sellers: { id: string; name: string }[]; buyers: { id: string; name: string }[]; values: Record<string, string>; issues: FieldIssue[]; csrf: string },
): string {
  const { lang } = ctx;
  const { values, issues } = data;
  const select = (name: string, text: string, options: { id: string; name: string }[]) =>
    `<div class="field"><label for="f-${name}">${text} <span aria-hidden="true">*</span></label><select id="f-${name}" name="${name}" required><option value="">${t(lang, 'pleaseChoose')}</option>${options
      .map((o) => `<option value="${escapeHtml(o.id)}"${values[name] === o.id ? ' selected' : ''}>${escapeHtml(o.name)}</option>`)
      .join('')}</select>${errorFor(lang, issues, name)}</div>`;
  const title = tx(lang, '登记技术合同', 'Register a technology contract');
  return layout(
    ctx,
    title,
    `${backToWorkspace(lang)}<h1>${title}</h1>
${issues.length ? `<p class="field-error" role="alert">${fixMarked(lang, issues.length)}</p>` : ''}
<form class="panel" method="post" action="/contracts/new" novalidate>${csrfInput(data.csrf)}
${field({ lang, name: 'title', label: tx(lang, '合同名称', 'Contract title'), value: values.title ?? '', required: true, issues })}
<div class="field"><label for="f-kind">${tx(lang, '合同类型', 'Kind of contract')} <span aria-hidden="true">*</span></label><select id="f-kind" name="kind">${CONTRACT_KINDS.map((k) => `<option value="${k}"${values.kind === k ? ' selected' : ''}>${escapeHtml(label(lang, 'contractKind', k))}</option>`).join('')}</select>${errorFor(lang, issues, 'kind')}</div>
${select('sellerOrgId', tx(lang, '卖方（高校/院所）', 'Seller (university or institute)'), data.sellers)}
${select('buyerOrgId', tx(lang, '买方（企业）', 'Buyer (enterprise)'), data.buyers)}
${field({ lang, name: 'amount', label: tx(lang, '合同金额（元）', 'Contract amount (yuan)'), value: values.amount ?? '', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'signedOn', label: tx(lang, '签订日期', 'Signed on'), value: values.signedOn ?? '', type: 'date', required: true, issues })}
<p class="hint">${tx(lang, '保存后上传签章合同扫描件，再提交市科技局认定登记；登记号用于到账凭证。', 'After saving, upload the signed contract and submit it to the city bureau for registration; quote the registration number on payment evidence.')}</p>
<button type="submit">${tx(lang, '保存合同', 'Save contract')}</button></form>`,
  );
}

export function policiesPage(ctx: PageContext, policies: { id: string; name: string; rateBp: number; capFenPerContract: number; validFrom: string; validTo: string; demo: boolean }[], issues: FieldIssue[], values: Record<string, string>, csrf: string): string {
  const { lang } = ctx;
  const rows = policies
    .map((p) => `<tr><td>${escapeHtml(p.name)}${p.demo ? ` <span class="tag challenge">${tx(lang, '演示', 'Demo')}</span>` : ''}</td>${cell(tx(lang, '比例', 'Rate'), `${p.rateBp / 100}%`)}${cell(tx(lang, '单个合同上限', 'Cap per contract'), money(p.capFenPerContract))}${cell(tx(lang, '有效期', 'Valid'), `${escapeHtml(p.validFrom)} ${tx(lang, '至', 'to')} ${escapeHtml(p.validTo)}`)}</tr>`)
    .join('');
  return layout(
    ctx,
    tx(lang, '奖励政策', 'Reward policies'),
    `${backToWorkspace(lang)}<h1>${tx(lang, '技术转移奖励政策', 'Technology-transfer reward policies')}</h1>
<table class="list"><thead><tr>${th(tx(lang, '政策', 'Policy'))}${th(tx(lang, '比例', 'Rate'))}${th(tx(lang, '单个合同上限', 'Cap per contract'))}${th(tx(lang, '有效期', 'Valid'))}</tr></thead><tbody>${rows}</tbody></table>
<h2>${tx(lang, '发布新政策', 'Publish a new policy')}</h2>
${issues.length ? `<p class="field-error" role="alert">${fixMarked(lang, issues.length)}</p>` : ''}
<form class="panel" method="post" action="/admin/policies" novalidate>${csrfInput(csrf)}
${field({ lang, name: 'name', label: tx(lang, '政策名称', 'Policy name'), value: values.name ?? '', required: true, issues })}
${field({ lang, name: 'ratePercent', label: tx(lang, '奖励比例（%）', 'Reward rate (%)'), value: values.ratePercent ?? '10', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'cap', label: tx(lang, '单个合同奖励上限（元）', 'Reward cap per contract (yuan)'), value: values.cap ?? '200000', required: true, issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'validFrom', label: tx(lang, '生效日期', 'Valid from'), value: values.validFrom ?? '', type: 'date', required: true, issues, hint: tx(lang, '按到账日期适用；不得早于今天，不得与已有政策重叠。', 'Applies by payment date; not before today and not overlapping an existing policy.') })}
${field({ lang, name: 'validTo', label: tx(lang, '截止日期', 'Valid to'), value: values.validTo ?? '', type: 'date', required: true, issues })}
<p class="hint">${tx(lang, '适用于高校、科研院所作为卖方，企业作为买方，技术转移中心促成的各类技术合同。', 'Applies to every kind of technology contract sold by a university or institute, bought by an enterprise and brokered by a transfer center.')}</p>
<button type="submit">${tx(lang, '发布政策', 'Publish policy')}</button></form>`,
  );
}
