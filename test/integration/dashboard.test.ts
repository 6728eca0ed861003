/**
 * The steering dashboard against DynamoDB Local: /stats draws its charts as SVG on the server, its
 * program figures move by exactly an approved amount, its funnel and totals agree with the KPIs, and the
 * bureau's workbook of the same figures reads back with an independent reader (exceljs).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthsBetween, trajectory } from '../../shared/services/dashboard';
import { achievementInput } from '../fixtures';
import { PageClient } from './page-client';
import { startHarness, type Harness } from './harness';

let h: Harness;

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

const fenIn = (html: string, cls: string, program: string) => {
  const row = new RegExp(`<tr id="program-${program}">.*?<span class="${cls}">¥([\\d,]+)\\.(\\d\\d)</span>`, 's').exec(html);
  if (!row) throw new Error(`no ${cls} figure for ${program}`);
  return Number(row[1]!.replace(/,/g, '')) * 100 + Number(row[2]);
};

async function statsPage(): Promise<string> {
  return (await new PageClient(h.app).get('/stats')).text();
}

/** A guidance application approved by an admin who neither reviewed it nor verified its input. */
async function approvedGuidance(inputFen: number): Promise<{ id: string; amountFen: number }> {
  const [uni, admin, admin2] = await Promise.all([h.token('demo-nxist'), h.token('demo-admin'), h.token('demo-admin-2')]);
  const a = await json(await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput({ title: `中试成果 ${inputFen}` }) }), 201);
  const project = await json(await h.call('POST', '/api/v1/projects', { token: uni, body: { title: '高纯石墨提纯中试项目', achievementId: a.id, summary: '验证连续提纯工艺在中试规模下的纯度与能耗指标。', budgetFen: inputFen, startOn: '2026-02-01' } }), 201);
  const input = await json(await h.call('POST', `/api/v1/projects/${project.id}/inputs`, { token: uni, body: { amountFen: inputFen, spentOn: '2026-09-30', category: 'equipment', evidenceRef: `回单 G-${inputFen}` } }), 201);
  await h.attach(uni, `inputs/${input.id}`, 'funds_evidence');
  await json(await h.call('POST', `/api/v1/projects/${project.id}/inputs/${input.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
  const application = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: project.id } }), 201);
  await json(await h.call('POST', `/api/v1/applications/${application.id}/review`, { token: admin, body: { note: '凭证齐全' } }), 200);
  await json(await h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin2 }), 200);
  return application;
}

beforeAll(async () => {
  h = await startHarness();
});

describe('the trajectory', () => {
  it('runs in whole fen from nothing before 2023-01 to the target at 2025-12, flat after', () => {
    const months = monthsBetween('2022-12', '2026-02');
    expect(months).toHaveLength(39);
    const line = trajectory(months, 80_000_000_000);
    expect(line[0]).toBe(0);
    expect(line[1]).toBe(Math.floor(80_000_000_000 / 36)); // 2023-01: one month of 36
    expect(line[months.indexOf('2025-12')]).toBe(80_000_000_000);
    expect(line.at(-1)).toBe(80_000_000_000);
    expect(line.every(Number.isSafeInteger)).toBe(true);
    expect(line.every((v, i) => i === 0 || v >= line[i - 1]!)).toBe(true);
  });
});

describe('/stats', () => {
  it('draws the trend, trajectory, funnel, broker, university, program, year, industry and district charts as SVG, with the figures beside them', async () => {
    const html = await statsPage();
    const charts = html.match(/<figure class="echart(?: compact)?" role="img" aria-label="[^"]+"><div class="wide"><svg [^>]*>.*?<\/svg><\/div><div class="narrow" aria-hidden="true"><svg /gs) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(9);
    expect(html).toContain('目标轨迹（2025 年底 8 亿元）');
    const kpi = await json(await h.call('GET', '/api/v1/stats'), 200);
    // The funnel's "registered" stage is the KPI's contract count.
    expect(html).toMatch(new RegExp(`已认定登记</td><td data-label="数量">${kpi.totals.contracts}</td>`));
  });

  it('moves the program figure by exactly the approved amount', async () => {
    const before = fenIn(await statsPage(), 'program-approved', 'maturation_guidance');
    const application = await approvedGuidance(123_456_789);
    expect(application.amountFen).toBe(37_037_036); // ⌊30 % of ¥1,234,567.89⌋
    const after = fenIn(await statsPage(), 'program-approved', 'maturation_guidance');
    expect(after - before).toBe(application.amountFen);
    // Admins drill down from the figure to the applications behind it; the public does not.
    const admin = new PageClient(h.app);
    admin.cookies.set('tm_session', await h.token('demo-admin'));
    const adminPage = await (await admin.get('/stats')).text();
    expect(adminPage).toContain('计入扶持资金的申请（管理员可见）');
    expect(adminPage).toMatch(/中试熟化项目引导支持<\/td><td data-label="申请机构">[^<]+<\/td><td data-label="金额">¥370,370.36<\/td>/);
    expect(await statsPage()).not.toContain('计入扶持资金的申请');
  });
});

describe('the dashboard workbook', () => {
  it('holds the same figures: trend to the KPI turnover, funnel, programs; admins only', async () => {
    await approvedGuidance(10_000_000);
    expect((await h.call('GET', '/api/v1/admin/exports/dashboard.xlsx', { token: await h.token('demo-nxist') })).status).toBe(403);
    const res = await h.call('GET', '/api/v1/admin/exports/dashboard.xlsx', { token: await h.token('demo-admin') });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['月度趋势', '转化漏斗', '按技术转移中心', '按高校院所', '扶持项目']);
    const kpi = await json(await h.call('GET', '/api/v1/stats'), 200);
    const trend = book.getWorksheet('月度趋势')!;
    const header = trend.getRow(1).values as string[];
    const last = trend.getRow(trend.rowCount);
    expect(last.getCell(header.indexOf('累计成交额（分）')).value).toBe(kpi.totals.turnoverFen);
    expect(last.getCell(header.indexOf('累计转化成果')).value).toBe(kpi.totals.transformedAchievements);
    expect(last.getCell(header.indexOf('目标轨迹（分）')).value).toBe(80_000_000_000);
    const funnel = book.getWorksheet('转化漏斗')!.getRows(2, 7)!.map((r) => [r.getCell(1).value, r.getCell(2).value]);
    expect(funnel.find(([stage]) => stage === '已认定登记')![1]).toBe(kpi.totals.contracts);
    const programs = (await json(await h.call('GET', '/api/v1/programs'), 200)).figures as { program: string; approvedFen: number }[];
    const sheet = book.getWorksheet('扶持项目')!;
    const guidance = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '中试熟化项目引导支持')!;
    expect(guidance.getCell(3).value).toBe(programs.find((p) => p.program === 'maturation_guidance')!.approvedFen);
    expect(guidance.getCell(3).value).toBeGreaterThanOrEqual(3_000_000);
    expect(guidance.getCell(2).numFmt).toContain('#,##0.00');
  });
});
