/**
 * The dashboard's charts, drawn by Apache ECharts on the server as SVG (its SSR mode): the page works
 * without JavaScript, and the same markup prints. Amounts arrive as integer fen; the axes show 万元
 * (a display unit only — no sum is ever taken of the converted numbers).
 */
import { createHash } from 'node:crypto';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { PROGRAM_LABELS } from '../shared/domain/programs';
import { FUNNEL_LABELS, type Dashboard, type Ranked } from '../shared/services/dashboard';
import { tx, type Lang } from './i18n';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const COLORS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#475569', '#15803d'];
/** fen → 万元 for an axis (1 万元 = 1,000,000 fen), two decimals. */
const wan = (fen: number) => Math.round(fen / 10_000) / 100;

type OptionOf = (narrow: boolean) => Record<string, unknown>;
const NARROW_WIDTH = 360;

/**
 * One chart as SVG. zrender names clip paths and style classes after process-wide counters (zr7-c0, cls-12), so the same
 * figures would give different markup on each request (and a new ETag every time): the ids are renamed
 * after what the chart shows instead, which also keeps them unique on the page.
 */
function svgOf(option: Record<string, unknown>, width: number, height: number, key: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: FONT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const prefix = `ch${createHash('sha256').update(`${key}|${width}`).digest('hex').slice(0, 8)}-`;
  // Style classes (cls-N) count up across renders too: number them by first appearance in this chart.
  const classes = new Map<string, number>();
  return svg
    .replace(/\bzr\d+-/g, prefix)
    .replace(/-cls-(\d+)\b/g, (_m, n: string) => `-cls-${classes.get(n) ?? (classes.set(n, classes.size), classes.size - 1)}`)
    .replace('<svg ', '<svg preserveAspectRatio="xMidYMid meet" ');
}

/**
 * Each chart is drawn twice, for a wide and for a phone-width box; CSS shows the one that fits (no
 * JavaScript). Text in an SVG scales with it, so a desktop chart shrunk to 375 px would be unreadable.
 * The figure's text alternative names what it shows.
 */
function render(optionOf: OptionOf, wide: [number, number], narrowHeight: number, label: string): string {
  return `<figure class="echart${wide[0] < 960 ? ' compact' : ''}" role="img" aria-label="${label.replace(/"/g, '&quot;')}"><div class="wide">${svgOf(optionOf(false), ...wide, label)}</div><div class="narrow" aria-hidden="true">${svgOf(optionOf(true), NARROW_WIDTH, narrowHeight, label)}</div></figure>`;
}

const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

export function trendChart(lang: Lang, months: Dashboard['months']): string {
  const names = { monthly: tx(lang, '当月成交额', 'Monthly turnover'), cumulative: tx(lang, '累计成交额', 'Cumulative'), target: tx(lang, '目标轨迹（2025 年底 8 亿元）', 'Trajectory to ¥800 M by end-2025') };
  return render(
    (narrow) => ({
      legend: { top: 0, data: Object.values(names), ...(narrow ? { itemWidth: 14, textStyle: { fontSize: 10 } } : {}) },
      grid: narrow ? { left: 44, right: 48, top: 56, bottom: 32 } : { left: 64, right: 64, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [
        { type: 'value', name: tx(lang, '当月（万元）', 'Month (¥10k)') },
        { type: 'value', name: tx(lang, '累计（万元）', 'Cumulative (¥10k)'), splitLine: { show: false } },
      ],
      series: [
        { name: names.monthly, type: 'bar', data: months.map((m) => wan(m.turnoverFen)) },
        { name: names.cumulative, type: 'line', yAxisIndex: 1, showSymbol: false, data: months.map((m) => wan(m.cumulativeFen)) },
        { name: names.target, type: 'line', yAxisIndex: 1, showSymbol: false, lineStyle: { type: 'dashed' }, data: months.map((m) => wan(m.targetFen)) },
      ],
    }),
    [960, 360], 300, tx(lang, '技术合同成交额：月度与累计，对照目标轨迹', 'Contract turnover by month and cumulative, against the trajectory'),
  );
}

export function transformedChart(lang: Lang, months: Dashboard['months']): string {
  const names = { done: tx(lang, '累计转化成果', 'Transformed achievements'), target: tx(lang, '目标轨迹（300 项）', 'Trajectory to 300') };
  return render(
    (narrow) => ({
      legend: { top: 0, data: Object.values(names), ...(narrow ? { itemWidth: 14, textStyle: { fontSize: 10 } } : {}) },
      grid: narrow ? { left: 36, right: 16, top: 40, bottom: 32 } : { left: 48, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: names.done, type: 'line', step: 'end', showSymbol: false, areaStyle: { opacity: 0.15 }, data: months.map((m) => m.cumulativeTransformed) },
        { name: names.target, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: months.map((m) => m.targetTransformed) },
      ],
    }),
    [960, 300], 260, tx(lang, '累计转化科技成果，对照 300 项目标轨迹', 'Cumulative transformed achievements against the trajectory to 300'),
  );
}

export function funnelChart(lang: Lang, funnel: Dashboard['funnel']): string {
  // Drawn as bars in stage order rather than a funnel shape: the stages differ by orders of magnitude,
  // and a bar per stage keeps every stage readable and comparable.
  const names = funnel.map((f) => tx(lang, FUNNEL_LABELS[f.stage].zh, FUNNEL_LABELS[f.stage].en));
  return render(
    (narrow) => ({
      grid: { left: narrow ? 110 : 150, right: 40, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: names.map((n) => shorten(n, narrow ? 8 : 12)) },
      series: [{ type: 'bar', data: funnel.map((f) => f.count), label: { show: true, position: 'right' }, colorBy: 'data' }],
    }),
    [640, 36 * funnel.length + 40], 32 * funnel.length + 40, tx(lang, `转化漏斗：${funnel.map((f, i) => `${names[i]} ${f.count}`).join('，')}`, `Funnel: ${funnel.map((f, i) => `${names[i]} ${f.count}`).join(', ')}`),
  );
}

export function rankChart(lang: Lang, ranked: Ranked[], label: string): string {
  const top = ranked.slice(0, 10).reverse();
  return render(
    (narrow) => ({
      grid: { left: narrow ? 120 : 200, right: 48, top: 8, bottom: 28 },
      xAxis: { type: 'value', name: tx(lang, '万元', '¥10k') },
      yAxis: { type: 'category', data: top.map((r) => shorten(r.name, narrow ? 8 : 14)) },
      series: [{ type: 'bar', data: top.map((r) => wan(r.turnoverFen)), label: { show: true, position: 'right' } }],
    }),
    [640, Math.max(120, 36 * top.length + 40)], Math.max(120, 32 * top.length + 40), label,
  );
}

/** Turnover per bucket (year, industry, district), with the contract count in each bar's label. */
export function bucketChart(lang: Lang, buckets: { name: string; turnoverFen: number; contracts: number }[], label: string): string {
  return render(
    (narrow) => ({
      grid: { left: narrow ? 96 : 150, right: narrow ? 96 : 140, top: 8, bottom: 28 },
      xAxis: { type: 'value', name: tx(lang, '万元', '¥10k') },
      yAxis: { type: 'category', inverse: true, data: buckets.map((b) => shorten(b.name, narrow ? 7 : 12)) },
      series: [{
        type: 'bar',
        data: buckets.map((b) => ({ value: wan(b.turnoverFen), label: { show: true, position: 'right', formatter: tx(lang, `${wan(b.turnoverFen)} 万元 · ${b.contracts} 项`, `¥${wan(b.turnoverFen)}0k · ${b.contracts}`) } })),
      }],
    }),
    [640, Math.max(100, 32 * buckets.length + 40)], Math.max(100, 30 * buckets.length + 40), label,
  );
}

export function programChart(lang: Lang, programs: Dashboard['programs']): string {
  const names = { approved: tx(lang, '已批准', 'Approved'), paid: tx(lang, '已拨付', 'Paid') };
  return render(
    (narrow) => ({
      legend: { top: 0, data: Object.values(names) },
      grid: narrow ? { left: 44, right: 8, top: 40, bottom: 72 } : { left: 64, right: 24, top: 40, bottom: 64 },
      xAxis: { type: 'category', data: programs.map((p) => tx(lang, PROGRAM_LABELS[p.program].zh, PROGRAM_LABELS[p.program].en)), axisLabel: { interval: 0, width: narrow ? 70 : 140, overflow: 'break', ...(narrow ? { fontSize: 10 } : {}) } },
      yAxis: { type: 'value', name: tx(lang, '万元', '¥10k') },
      series: [
        { name: names.approved, type: 'bar', data: programs.map((p) => wan(p.approvedFen)) },
        { name: names.paid, type: 'bar', data: programs.map((p) => wan(p.paidFen)) },
      ],
    }),
    [960, 320], 300, tx(lang, '各扶持项目已批准与已拨付金额', 'Approved and paid per program'),
  );
}
