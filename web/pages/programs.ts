/**
 * Pages of the plan's incentive programs: the public catalogue (rules, caps, assumptions, money paid),
 * an organisation's programs workspace (its 中试熟化 projects and applications), one project with its
 * R&D input, and the bureau's queue (input to verify, applications to review, approve and pay).
 */
import type { FieldIssue } from '../../shared/domain/errors';
import {
  APPLICATION_STATUS_LABELS, PROGRAM_LABELS, RD_CATEGORIES, RD_CATEGORY_LABELS,
  type MaturationProject, type ProgramApplication, type ProgramCode, type ProgramRule, type RdInput,
} from '../../shared/domain/programs';
import { escapeHtml } from '../../shared/text/escape-html';
import { formatDate, formatFen } from '../format';
import { csrfInput, errorFor, field } from '../forms';
import { cell, th } from '../html';
import { pick, tx, type Lang } from '../i18n';
import { layout, type PageContext } from '../layout';
import type { Attachment } from '../../shared/domain/attachment';
import { FILES_SCRIPT, fileLinks, uploadForm } from './files';

const flashLine = (flash?: string, error?: string) =>
  (flash ? `<p class="flash" role="status">${escapeHtml(flash)}</p>` : '') + (error ? `<p class="field-error page-error" role="alert">${escapeHtml(error)}</p>` : '');
const table = (head: string[], rows: string, empty: string) => (rows ? `<table class="list"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>${rows}</tbody></table>` : `<p class="summary">${escapeHtml(empty)}</p>`);
const money = (fen: number) => escapeHtml(formatFen(fen));
const statusText = (lang: Lang, a: ProgramApplication) => `${escapeHtml(pick(lang, APPLICATION_STATUS_LABELS[a.status]))}${a.reason ? escapeHtml(tx(lang, `（${a.reason}）`, ` (${a.reason})`)) : ''}`;

export interface ProgramFigure {
  program: ProgramCode;
  approvedFen: number;
  paidFen: number;
  rule: ProgramRule | null;
}

function ruleLine(lang: Lang, r: ProgramRule): string {
  const share = r.base === 'fixed_grant' ? tx(lang, `一次性 ${formatFen(r.fixedFen ?? 0)}`, `a one-off ${formatFen(r.fixedFen ?? 0)}`) : tx(lang, `${r.rateBp / 100}% · 上限 ${formatFen(r.capFen)}`, `${r.rateBp / 100}% · cap ${formatFen(r.capFen)}`);
  const per = { contract: tx(lang, '每个合同', 'per contract'), project: tx(lang, '每个项目', 'per project'), institution: tx(lang, '每个机构', 'per institution') }[r.beneficiary];
  return `${escapeHtml(share)} · ${escapeHtml(per)} · ${escapeHtml(r.validFrom)} – ${escapeHtml(r.validTo)}`;
}

export function programsPage(ctx: PageContext, data: { rules: readonly ProgramRule[]; figures: ProgramFigure[] }): string {
  const { lang } = ctx;
  const cards = data.figures
    .map((f) => {
      const rules = data.rules.filter((r) => r.program === f.program);
      const assumptions = [...new Set(rules.flatMap((r) => r.assumptions))];
      return `<article class="card" id="program-${f.program}"><h2 class="flush">${escapeHtml(pick(lang, PROGRAM_LABELS[f.program]))}</h2>
<p class="summary">${f.rule ? `${tx(lang, '现行规则：', 'In force: ')}${escapeHtml(f.rule.name)} · ${ruleLine(lang, f.rule)}` : tx(lang, '今日没有生效的规则。', 'No rule is in force today.')}</p>
${rules.length ? `<ul class="plain">${rules.map((r) => `<li class="hint">v${r.version} ${escapeHtml(r.name)} · ${ruleLine(lang, r)}${r.demo ? tx(lang, ' · 演示', ' · demo') : ''}</li>`).join('')}</ul>` : ''}
${assumptions.length ? `<details><summary>${tx(lang, '本平台对条文的理解（假设）', 'How the marketplace reads the text (assumptions)')}</summary><ul>${assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul></details>` : ''}
<dl class="facts"><dt>${tx(lang, '已批准', 'Approved')}</dt><dd class="program-approved">${money(f.approvedFen)}</dd><dt>${tx(lang, '已拨付', 'Paid')}</dt><dd class="program-paid">${money(f.paidFen)}</dd></dl></article>`;
    })
    .join('');
  return layout(ctx, tx(lang, '扶持项目', 'Incentive programs'), `<h1>${tx(lang, '扶持项目', 'Incentive programs')}</h1>
<p class="summary">${tx(lang, '科技强市行动实施方案第 6、7 条的奖补，在同一规则引擎上计算：比例以基点计、金额以分计，上限按受益对象累计。', 'The incentives of clauses 6 and 7 of the plan, computed on one engine: rates in basis points, money in fen, caps per beneficiary.')}</p>
<p><a class="button" href="/me/programs">${tx(lang, '申请与进度', 'Apply and track')}</a></p>
<div class="cards">${cards}</div>`);
}

function applicationRows(lang: Lang, applications: ProgramApplication[], subjectTitle: (a: ProgramApplication) => string, files?: { of: Record<string, Attachment[]>; csrf: string }): string {
  const attached = (a: ProgramApplication) => {
    if (!files) return '';
    const own = files.of[a.id] ?? [];
    const upload = a.status === 'submitted' ? uploadForm(lang, { owner: { type: 'application', id: a.id }, uploadKinds: a.program === 'startup_grant' ? ['signed_agreement', 'supporting_document'] : ['supporting_document'], csrf: files.csrf }) : '';
    return `<br>${fileLinks(lang, { type: 'application', id: a.id }, own)}${upload}`;
  };
  return applications
    .map((a) => `<tr>${cell(tx(lang, '项目', 'Program'), `${escapeHtml(pick(lang, PROGRAM_LABELS[a.program]))}<br><span class="hint">${escapeHtml(subjectTitle(a))}</span>${attached(a)}`)}${cell(tx(lang, '申请金额', 'Amount'), money(a.amountFen))}${cell(tx(lang, '基数', 'Base'), money(a.basisFen))}${cell(tx(lang, '提交', 'Submitted'), escapeHtml(formatDate(a.createdAt, lang)))}${cell(tx(lang, '状态', 'Status'), statusText(lang, a))}</tr>`)
    .join('');
}

export function myProgramsPage(
  ctx: PageContext,
  data: { projects: MaturationProject[]; applications: ProgramApplication[]; applicationFiles: Record<string, Attachment[]>; achievements: { id: string; title: string }[]; canProject: boolean; canGrant: boolean; csrf: string; issues: FieldIssue[]; values: Record<string, string>; flash?: string; error?: string },
): string {
  const { lang } = ctx;
  const titles = new Map(data.projects.map((p) => [p.id, p.title]));
  const projectRows = data.projects
    .map((p) => `<tr><td><a href="/me/projects/${escapeHtml(p.id)}">${escapeHtml(p.title)}</a></td>${cell(tx(lang, '预算', 'Budget'), money(p.budgetFen))}${cell(tx(lang, '已核验研发投入', 'Verified R&D input'), money(p.verifiedInputFen))}${cell(tx(lang, '已申请引导支持', 'Guidance applied for'), money(p.guidanceReservedFen))}</tr>`)
    .join('');
  const v = (k: string) => data.values[k] ?? '';
  const newProject = data.canProject
    ? `<form class="panel" method="post" action="/me/projects">${csrfInput(data.csrf)}<h2 class="flush">${tx(lang, '新建中试熟化项目', 'New pilot-scale maturation project')}</h2>
${field({ lang, name: 'title', label: tx(lang, '项目名称', 'Project title'), value: v('title'), required: true, issues: data.issues })}
<div class="field"><label for="f-achievementId">${tx(lang, '关联成果', 'Achievement')} <span aria-hidden="true">*</span></label><select id="f-achievementId" name="achievementId" required>${data.achievements.map((a) => `<option value="${escapeHtml(a.id)}"${v('achievementId') === a.id ? ' selected' : ''}>${escapeHtml(a.title)}</option>`).join('')}</select>${errorFor(lang, data.issues, 'achievementId')}</div>
${field({ lang, name: 'summary', label: tx(lang, '中试内容', 'What the pilot will prove'), value: v('summary'), required: true, textarea: true, issues: data.issues })}
${field({ lang, name: 'budget', label: tx(lang, '计划研发投入（元）', 'Planned R&D input (yuan)'), value: v('budget'), required: true, issues: data.issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'startOn', label: tx(lang, '开始日期', 'Start date'), value: v('startOn'), type: 'date', required: true, issues: data.issues })}
<button type="submit">${tx(lang, '创建项目', 'Create project')}</button></form>`
    : '';
  const grant = data.canGrant
    ? `<form class="panel" method="post" action="/me/applications">${csrfInput(data.csrf)}<input type="hidden" name="program" value="startup_grant"><h2 class="flush">${escapeHtml(pick(lang, PROGRAM_LABELS.startup_grant))}</h2>
<p class="hint">${tx(lang, '与市政府签订协议并落地的高校科技资源转移转化机构，一次性 ¥200,000.00。', 'For university transfer institutions with a signed agreement with the city: a one-off ¥200,000.00.')}</p>
${field({ lang, name: 'agreementTitle', label: tx(lang, '协议名称', 'Agreement'), value: v('agreementTitle'), required: true, issues: data.issues })}
${field({ lang, name: 'agreementNumber', label: tx(lang, '协议编号', 'Agreement number'), value: v('agreementNumber'), required: true, issues: data.issues })}
${field({ lang, name: 'agreementSignedOn', label: tx(lang, '签订日期', 'Signed on'), value: v('agreementSignedOn'), type: 'date', required: true, issues: data.issues })}
<button type="submit">${tx(lang, '申请启动费用', 'Apply for the grant')}</button></form>`
    : '';
  return layout(ctx, tx(lang, '我的扶持项目', 'My programs'), `<h1>${tx(lang, '我的扶持项目', 'My programs')}</h1>${flashLine(data.flash, data.error)}
<p class="summary"><a href="/programs">${tx(lang, '查看各项目规则', 'See the programs’ rules')}</a></p>
${data.canProject || data.projects.length ? `<h2>${tx(lang, '中试熟化项目', 'Maturation projects')}</h2>${table([tx(lang, '项目', 'Project'), tx(lang, '预算', 'Budget'), tx(lang, '已核验研发投入', 'Verified R&D input'), tx(lang, '已申请引导支持', 'Guidance applied for')], projectRows, tx(lang, '还没有项目。', 'No projects yet.'))}` : ''}
<h2>${tx(lang, '申请记录', 'Applications')}</h2>${table([tx(lang, '项目', 'Program'), tx(lang, '申请金额', 'Amount'), tx(lang, '基数', 'Base'), tx(lang, '提交', 'Submitted'), tx(lang, '状态', 'Status')], applicationRows(lang, data.applications, (a) => titles.get(a.subjectId) ?? a.agreement?.title ?? '', { of: data.applicationFiles, csrf: data.csrf }), tx(lang, '还没有申请。', 'No applications yet.'))}
${data.applications.some((a) => a.status === 'submitted') ? `<p class="hint">${tx(lang, '启动费用申请须上传与市政府签订的协议扫描件，市科技局据此审核。', 'A start-up grant application is reviewed against the uploaded scan of the signed agreement.')}</p>${FILES_SCRIPT}` : ''}
${newProject}${grant}`);
}

export function projectPage(
  ctx: PageContext,
  data: { project: MaturationProject; inputs: RdInput[]; inputFiles: Record<string, Attachment[]>; applications: ProgramApplication[]; due: { guidance: number; reward: number }; isOwner: boolean; csrf: string; issues: FieldIssue[]; values: Record<string, string>; flash?: string; error?: string },
): string {
  const { lang } = ctx;
  const p = data.project;
  const v = (k: string) => data.values[k] ?? '';
  const inputRows = data.inputs
    .map((i) => `<tr>${cell(tx(lang, '支出日期', 'Spent on'), escapeHtml(i.spentOn))}${cell(tx(lang, '类别', 'Category'), escapeHtml(pick(lang, RD_CATEGORY_LABELS[i.category])))}${cell(tx(lang, '金额', 'Amount'), money(i.amountFen))}${cell(tx(lang, '资金到位凭证', 'Evidence'), `${escapeHtml(i.evidenceRef)}${fileLinks(lang, { type: 'rd_input', id: i.id }, data.inputFiles[i.id] ?? [])}${data.isOwner && i.status === 'recorded' ? uploadForm(lang, { owner: { type: 'rd_input', id: i.id }, uploadKinds: ['funds_evidence'], csrf: data.csrf }) : ''}`)}${cell(tx(lang, '状态', 'Status'), escapeHtml({ recorded: tx(lang, '待核验', 'to verify'), verified: tx(lang, '已核验', 'verified'), rejected: tx(lang, `未通过（${i.reason ?? ''}）`, `rejected (${i.reason ?? ''})`) }[i.status]))}</tr>`)
    .join('');
  const apply = (program: 'maturation_guidance' | 'maturation_reward', due: number, label: string) =>
    `<form class="inline" method="post" action="/me/applications">${csrfInput(data.csrf)}<input type="hidden" name="program" value="${program}"><input type="hidden" name="projectId" value="${escapeHtml(p.id)}"><button type="submit"${due > 0 ? '' : ' disabled'}>${escapeHtml(label)} ${money(due)}</button></form>`;
  const owner = data.isOwner
    ? `<div class="panel"><h2 class="flush">${tx(lang, '申请', 'Apply')}</h2>
<p class="hint">${tx(lang, '引导支持按已核验研发投入的 30% 计，每个项目累计不超过 ¥1,000,000.00；团队奖励按成果转化合同已核验到账的 30% 计，不超过 ¥500,000.00。', 'Guidance: 30% of verified R&D input, at most ¥1,000,000.00 per project in all. Team reward: 30% of the transfer contract’s verified payments, at most ¥500,000.00.')}</p>
${apply('maturation_guidance', data.due.guidance, tx(lang, '申请引导支持', 'Apply for guidance'))} ${apply('maturation_reward', data.due.reward, tx(lang, '申请团队奖励', 'Apply for the team reward'))}</div>
<form class="panel" method="post" action="/me/projects/${escapeHtml(p.id)}/inputs">${csrfInput(data.csrf)}<h2 class="flush">${tx(lang, '登记研发投入', 'Record R&D input')}</h2>
${field({ lang, name: 'amount', label: tx(lang, '金额（元）', 'Amount (yuan)'), value: v('amount'), required: true, issues: data.issues, attrs: 'inputmode="decimal"' })}
${field({ lang, name: 'spentOn', label: tx(lang, '支出日期', 'Spent on'), value: v('spentOn'), type: 'date', required: true, issues: data.issues })}
<div class="field"><label for="f-category">${tx(lang, '类别', 'Category')}</label><select id="f-category" name="category">${RD_CATEGORIES.map((k) => `<option value="${k}"${v('category') === k ? ' selected' : ''}>${escapeHtml(pick(lang, RD_CATEGORY_LABELS[k]))}</option>`).join('')}</select></div>
${field({ lang, name: 'evidenceRef', label: tx(lang, '资金到位凭证号', 'Evidence (bank slip or invoice number)'), value: v('evidenceRef'), required: true, issues: data.issues })}
<button type="submit">${tx(lang, '登记', 'Record')}</button></form>
<form class="panel" method="post" action="/me/projects/${escapeHtml(p.id)}/transfer">${csrfInput(data.csrf)}<h2 class="flush">${tx(lang, '成果转化合同', 'Transfer contract')}</h2>
${field({ lang, name: 'contractId', label: tx(lang, '已认定登记的合同编号（con_…）', 'Registered contract id (con_…)'), value: v('contractId') || (p.transferContractId ?? ''), required: true, issues: data.issues })}
<button class="secondary" type="submit">${tx(lang, '关联合同', 'Link contract')}</button></form>`
    : '';
  return layout(ctx, p.title, `<p><a href="/me/programs">${tx(lang, '← 我的扶持项目', '← My programs')}</a></p><h1>${escapeHtml(p.title)}</h1>${flashLine(data.flash, data.error)}
<p class="summary">${escapeHtml(p.summary)}</p>
<dl class="facts"><dt>${tx(lang, '计划研发投入', 'Planned R&D input')}</dt><dd>${money(p.budgetFen)}</dd><dt>${tx(lang, '已核验研发投入', 'Verified R&D input')}</dt><dd class="verified-input">${money(p.verifiedInputFen)}</dd><dt>${tx(lang, '待核验', 'To verify')}</dt><dd>${money(p.recordedInputFen)}</dd><dt>${tx(lang, '成果转化合同', 'Transfer contract')}</dt><dd>${escapeHtml(p.transferContractId ?? tx(lang, '未关联', 'none yet'))}</dd></dl>
<h2>${tx(lang, '研发投入', 'R&D input')}</h2>${data.isOwner ? `<p class="hint">${tx(lang, '每笔研发投入须上传资金到位凭证（银行回单或发票扫描件），市科技局据此核验。', 'Upload the evidence that the funds were in place (bank slip or invoice scan) for each record: the bureau verifies against it.')}</p>${FILES_SCRIPT}` : ''}${table([tx(lang, '支出日期', 'Spent on'), tx(lang, '类别', 'Category'), tx(lang, '金额', 'Amount'), tx(lang, '资金到位凭证', 'Evidence'), tx(lang, '状态', 'Status')], inputRows, tx(lang, '尚未登记研发投入。', 'No R&D input recorded yet.'))}
<h2>${tx(lang, '申请记录', 'Applications')}</h2>${table([tx(lang, '项目', 'Program'), tx(lang, '申请金额', 'Amount'), tx(lang, '基数', 'Base'), tx(lang, '提交', 'Submitted'), tx(lang, '状态', 'Status')], applicationRows(lang, data.applications, () => p.title), tx(lang, '还没有申请。', 'No applications yet.'))}
${owner}`);
}

export function programQueuePage(
  ctx: PageContext,
  data: { inputs: (RdInput & { projectTitle: string; files: Attachment[] })[]; applications: (ProgramApplication & { subjectTitle: string; files: Attachment[] })[]; me: string; csrf: string; flash?: string; error?: string },
): string {
  const { lang } = ctx;
  const form = (action: string, label: string, extra = '', secondary = false) => `<form class="inline" method="post" action="${escapeHtml(action)}">${csrfInput(data.csrf)}${extra}<button${secondary ? ' class="secondary"' : ''} type="submit">${escapeHtml(label)}</button></form>`;
  const reason = (id: string) => `<input id="reason-${id}" name="reason" required minlength="2" maxlength="500" aria-label="${tx(lang, '驳回理由', 'Reason for rejecting')}" placeholder="${tx(lang, '驳回理由', 'Reason')}">`;
  const inputRows = data.inputs
    .map((i) => `<tr><td>${escapeHtml(i.projectTitle)}<br><span class="hint">${escapeHtml(i.spentOn)} · ${escapeHtml(i.evidenceRef)}</span>${fileLinks(lang, { type: 'rd_input', id: i.id }, i.files, true)}</td>${cell(tx(lang, '金额', 'Amount'), money(i.amountFen))}<td>${form(`/admin/projects/${i.projectId}/inputs/${i.id}/verify`, tx(lang, '核验通过', 'Verify'), '<input type="hidden" name="decision" value="verified">')} ${form(`/admin/projects/${i.projectId}/inputs/${i.id}/verify`, tx(lang, '驳回', 'Reject'), `<input type="hidden" name="decision" value="rejected">${reason(i.id)}`, true)}</td></tr>`)
    .join('');
  const actions = (a: ProgramApplication) => {
    const base = `/admin/applications/${a.id}`;
    if (a.status === 'submitted') return `${form(`${base}/review`, tx(lang, '受理审核', 'Take into review'), `<input id="note-${a.id}" name="note" required minlength="2" maxlength="500" aria-label="${tx(lang, '审核意见', 'Review note')}" placeholder="${tx(lang, '审核意见', 'Review note')}">`)} ${form(`${base}/reject`, tx(lang, '驳回', 'Reject'), reason(a.id), true)}`;
    if (a.status === 'under_review') {
      const own = a.reviewedBy === data.me;
      return `${own ? `<p class="hint">${tx(lang, '您已审核此申请，须由另一位管理员审批。', 'You reviewed this: another admin decides it.')}</p>` : form(`${base}/approve`, tx(lang, '批准', 'Approve'))} ${form(`${base}/reject`, tx(lang, '驳回', 'Reject'), reason(a.id), true)}`;
    }
    if (a.status === 'approved') return form(`${base}/pay`, tx(lang, '登记已拨付', 'Record as paid'));
    return '';
  };
  const appRows = data.applications
    .map((a) => `<tr><td>${escapeHtml(pick(lang, PROGRAM_LABELS[a.program]))}<br><span class="hint">${escapeHtml(a.subjectTitle)}${a.reviewNote ? ` · ${escapeHtml(a.reviewNote)}` : ''}</span>${fileLinks(lang, { type: 'application', id: a.id }, a.files, true)}</td>${cell(tx(lang, '金额', 'Amount'), money(a.amountFen))}${cell(tx(lang, '状态', 'Status'), statusText(lang, a))}<td>${actions(a)}</td></tr>`)
    .join('');
  return layout(ctx, tx(lang, '扶持项目审核', 'Program queue'), `<h1>${tx(lang, '扶持项目审核', 'Program queue')}</h1>${flashLine(data.flash, data.error)}
<h2>${tx(lang, '待核验研发投入', 'R&D input to verify')}</h2>${table([tx(lang, '项目', 'Project'), tx(lang, '金额', 'Amount'), tx(lang, '操作', 'Action')], inputRows, tx(lang, '暂无待办。', 'Nothing waiting.'))}
<h2>${tx(lang, '申请', 'Applications')}</h2>${table([tx(lang, '项目', 'Program'), tx(lang, '金额', 'Amount'), tx(lang, '状态', 'Status'), tx(lang, '操作', 'Action')], appRows, tx(lang, '暂无待办。', 'Nothing waiting.'))}`);
}
