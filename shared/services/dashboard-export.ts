/**
 * The dashboard's figures as a workbook for the bureau: the same numbers /stats draws (monthly trend
 * with the trajectory, funnel, by broker, by university, per program), amounts as integer fen (the
 * record) beside yuan formatted ¥#,##0.00 (for reading). Chinese headers.
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { DomainError } from '../domain/errors';
import { PROGRAM_LABELS } from '../domain/programs';
import { workbook, type SheetColumn } from '../files/xlsx';
import { requireSignedIn } from './access';
import { dashboard, FUNNEL_LABELS, type Ranked } from './dashboard';

/** Fen → yuan for display in the sheet only; the fen column next to it is the exact figure. */
const yuan = (fen: number) => fen / 100;
const money = (header: string, key: string): SheetColumn[] => [
  { header: `${header}（元）`, key: `${key}Yuan`, width: 18, money: true },
  { header: `${header}（分）`, key: `${key}Fen`, width: 18 },
];
const rankColumns: SheetColumn[] = [{ header: '机构', key: 'name', width: 36 }, { header: '合同数', key: 'contracts', width: 10 }, ...money('成交额', 'turnover'), ...money('已核验到账', 'verified')];
const rankRows = (ranked: Ranked[]) => ranked.map((r) => ({ name: r.name, contracts: r.contracts, turnoverYuan: yuan(r.turnoverFen), turnoverFen: r.turnoverFen, verifiedYuan: yuan(r.verifiedPaidFen), verifiedFen: r.verifiedPaidFen }));

export async function dashboardWorkbook(db: Db, principal: Principal | null, now: Date): Promise<Buffer> {
  const caller = requireSignedIn(principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const d = await dashboard(db, now);
  return workbook(
    [
      {
        name: '月度趋势',
        columns: [{ header: '月份', key: 'month', width: 10 }, ...money('当月成交额', 'turnover'), ...money('累计成交额', 'cumulative'), ...money('目标轨迹', 'target'), { header: '当月转化成果', key: 'transformed', width: 14 }, { header: '累计转化成果', key: 'cumulativeTransformed', width: 14 }, { header: '成果目标轨迹', key: 'targetTransformed', width: 14 }],
        rows: d.months.map((m) => ({ ...m, turnoverYuan: yuan(m.turnoverFen), cumulativeYuan: yuan(m.cumulativeFen), targetYuan: yuan(m.targetFen) })),
      },
      { name: '转化漏斗', columns: [{ header: '环节', key: 'stage', width: 24 }, { header: '数量', key: 'count', width: 10 }], rows: d.funnel.map((f) => ({ stage: FUNNEL_LABELS[f.stage].zh, count: f.count })) },
      { name: '按技术转移中心', columns: rankColumns, rows: rankRows(d.byBroker) },
      { name: '按高校院所', columns: rankColumns, rows: rankRows(d.bySeller) },
      {
        name: '扶持项目',
        columns: [{ header: '项目', key: 'program', width: 36 }, ...money('已批准', 'approved'), ...money('已拨付', 'paid')],
        rows: d.programs.map((p) => ({ program: PROGRAM_LABELS[p.program].zh, approvedYuan: yuan(p.approvedFen), approvedFen: p.approvedFen, paidYuan: yuan(p.paidFen), paidFen: p.paidFen })),
      },
    ],
    { creator: '石嘴山科技大市场', created: now },
  );
}
