/**
 * The steering part of /stats: the trend against the trajectory, the funnel, turnover by broker and by
 * university, and money per program — each an ECharts SVG with the exact figures in a table beside it
 * (the chart for the eye, the table for the record and for screen readers).
 */
import { PROGRAM_LABELS } from '../../shared/domain/programs';
import { FUNNEL_LABELS, type Dashboard, type Ranked } from '../../shared/services/dashboard';
import { escapeHtml } from '../../shared/text/escape-html';
import { bucketChart, funnelChart, programChart, rankChart, transformedChart, trendChart } from '../charts';
import type { ProgramApplication } from '../../shared/domain/programs';
import { APPLICATION_STATUS_LABELS } from '../../shared/domain/programs';
import type { cityStats } from '../../shared/services/stats';
import { label } from '../labels';
import { formatDate } from '../format';
import { formatFen } from '../format';
import { cell, th } from '../html';
import { t, tx, type Lang } from '../i18n';

type Stats = Awaited<ReturnType<typeof cityStats>>;

const money = (fen: number) => escapeHtml(formatFen(fen));

function rankTable(lang: Lang, ranked: Ranked[]): string {
  if (!ranked.length) return `<p class="summary">${tx(lang, '暂无已登记合同。', 'No registered contracts yet.')}</p>`;
  return `<table class="list"><thead><tr>${th(tx(lang, '机构', 'Organisation'))}${th(tx(lang, '合同数', 'Contracts'))}${th(tx(lang, '成交额', 'Turnover'))}${th(tx(lang, '已核验到账', 'Verified payments'))}</tr></thead><tbody>${ranked
    .slice(0, 10)
    .map((r) => `<tr><td>${escapeHtml(r.name)}</td>${cell(tx(lang, '合同数', 'Contracts'), String(r.contracts))}${cell(tx(lang, '成交额', 'Turnover'), money(r.turnoverFen))}${cell(tx(lang, '已核验到账', 'Verified payments'), money(r.verifiedPaidFen))}</tr>`)
    .join('')}</tbody></table>`;
}

function bucketSections(lang: Lang, stats: Stats): string {
  const section = (key: 'byYear' | 'byIndustry' | 'byDistrict', buckets: Stats['byYear'], name: (k: string) => string) =>
    `<h2>${t(lang, key)}</h2>${buckets.length ? bucketChart(lang, buckets.map((b) => ({ name: name(b.key), turnoverFen: b.turnoverFen, contracts: b.contracts })), t(lang, key)) : `<p class="summary">${tx(lang, '暂无已登记合同。', 'No registered contracts yet.')}</p>`}`;
  return section('byYear', stats.byYear, (k) => k) + section('byIndustry', stats.byIndustry, (k) => label(lang, 'industry', k)) + section('byDistrict', stats.byDistrict, (k) => label(lang, 'district', k));
}

/** For admins: the applications behind each program's figure (approved and paid). */
function applicationDrillDown(lang: Lang, applications: ProgramApplication[]): string {
  if (!applications.length) return '';
  return `<h3>${tx(lang, '计入扶持资金的申请（管理员可见）', 'Applications behind the program figures (admins)')}</h3><table class="list"><thead><tr>${th(tx(lang, '项目', 'Program'))}${th(tx(lang, '申请机构', 'Applicant'))}${th(tx(lang, '金额', 'Amount'))}${th(tx(lang, '状态', 'Status'))}${th(tx(lang, '批准日期', 'Approved on'))}</tr></thead><tbody>${applications
    .map((a) => `<tr><td>${escapeHtml(tx(lang, PROGRAM_LABELS[a.program].zh, PROGRAM_LABELS[a.program].en))}</td>${cell(tx(lang, '申请机构', 'Applicant'), escapeHtml(a.applicantOrgName ?? a.applicantOrgId))}${cell(tx(lang, '金额', 'Amount'), money(a.amountFen))}${cell(tx(lang, '状态', 'Status'), escapeHtml(tx(lang, APPLICATION_STATUS_LABELS[a.status].zh, APPLICATION_STATUS_LABELS[a.status].en)))}${cell(tx(lang, '批准日期', 'Approved on'), a.decidedAt ? escapeHtml(formatDate(a.decidedAt, lang)) : '')}</tr>`)
    .join('')}</tbody></table>`;
}

export function dashboardSections(lang: Lang, d: Dashboard, stats: Stats, admin: { applications: ProgramApplication[] } | null): string {
  const isAdmin = admin !== null;
  const last = d.months.at(-1);
  const programRows = d.programs
    .map((p) => `<tr id="program-${p.program}"><td>${escapeHtml(tx(lang, PROGRAM_LABELS[p.program].zh, PROGRAM_LABELS[p.program].en))}</td>${cell(tx(lang, '已批准', 'Approved'), `<span class="program-approved">${money(p.approvedFen)}</span>`)}${cell(tx(lang, '已拨付', 'Paid'), `<span class="program-paid">${money(p.paidFen)}</span>`)}</tr>`)
    .join('');
  const funnelRows = d.funnel.map((f) => `<tr><td>${escapeHtml(tx(lang, FUNNEL_LABELS[f.stage].zh, FUNNEL_LABELS[f.stage].en))}</td>${cell(tx(lang, '数量', 'Count'), String(f.count))}</tr>`).join('');
  return `<section aria-labelledby="trend-h"><h2 id="trend-h">${tx(lang, '成交额趋势与目标轨迹', 'Turnover against the trajectory')}</h2>
${last ? `<p class="summary">${tx(lang, `截至 ${last.month}：累计 ${formatFen(last.cumulativeFen)}，轨迹应达 ${formatFen(last.targetFen)}；转化成果 ${last.cumulativeTransformed} 项，轨迹应达 ${last.targetTransformed} 项。`, `To ${last.month}: ${formatFen(last.cumulativeFen)} against ${formatFen(last.targetFen)} on the trajectory; ${last.cumulativeTransformed} achievements transformed against ${last.targetTransformed}.`)}</p>` : ''}
${trendChart(lang, d.months)}${transformedChart(lang, d.months)}
<p class="hint">${tx(lang, '目标轨迹：自 2023 年 1 月起线性增长，至 2025 年 12 月达到目标（本平台的假设）。', 'Trajectory: a straight line from January 2023 to the targets in December 2025 (the marketplace’s assumption).')}</p></section>
<section aria-labelledby="funnel-h"><h2 id="funnel-h">${tx(lang, '转化漏斗', 'Funnel')}</h2><div class="chart-pair">${funnelChart(lang, d.funnel)}<table class="list funnel"><thead><tr>${th(tx(lang, '环节', 'Stage'))}${th(tx(lang, '数量', 'Count'))}</tr></thead><tbody>${funnelRows}</tbody></table></div></section>
<section aria-labelledby="broker-h"><h2 id="broker-h">${tx(lang, '按技术转移中心', 'By broker')}</h2>${d.byBroker.length ? rankChart(lang, d.byBroker, tx(lang, '各技术转移中心促成的成交额', 'Turnover by broker')) : ''}${rankTable(lang, d.byBroker)}</section>
<section aria-labelledby="seller-h"><h2 id="seller-h">${tx(lang, '按高校与院所', 'By university and institute')}</h2>${d.bySeller.length ? rankChart(lang, d.bySeller, tx(lang, '各高校院所作为卖方的成交额', 'Turnover by selling university or institute')) : ''}${rankTable(lang, d.bySeller)}</section>
<section aria-labelledby="programs-h"><h2 id="programs-h">${tx(lang, '各扶持项目资金', 'Money per program')}</h2>${programChart(lang, d.programs)}
<table class="list programs"><thead><tr>${th(tx(lang, '项目', 'Program'))}${th(tx(lang, '已批准', 'Approved'))}${th(tx(lang, '已拨付', 'Paid'))}</tr></thead><tbody>${programRows}</tbody></table>${admin ? applicationDrillDown(lang, admin.applications) : ''}</section>
${bucketSections(lang, stats)}
${isAdmin ? `<p><a class="button secondary" href="/admin/exports/dashboard.xlsx">${tx(lang, '导出看板数据（Excel）', 'Export these figures (Excel)')}</a></p>` : ''}`;
}
