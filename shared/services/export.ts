/**
 * The bureau's Excel export: every contract with its payments, ledger entries and claims, Chinese column
 * headers, amounts both as integer fen (the record) and as yuan formatted ¥#,##0.00 (for reading).
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import { CONTRACT_STATUSES, type Contract } from '../domain/contract';
import { DomainError } from '../domain/errors';
import { CONTRACT_KIND_LABELS_ZH } from '../domain/reward-policy';
import { workbook, type Sheet, type SheetColumn } from '../files/xlsx';
import { requireSignedIn } from './access';

const STATUS_ZH: Record<string, string> = {
  draft: '待登记', registered: '已登记', rejected: '不予登记', performing: '履行中', completed: '已完成', terminated: '已终止',
  recorded: '待核验', verified: '已核验', pending: '待审批', approved: '已批准', paid: '已兑付',
};

function sheet(name: string, columns: SheetColumn[], rows: Record<string, unknown>[]): Sheet {
  return { name, columns, rows };
}

/** Fen → yuan for display in the sheet only; the fen column next to it is the exact figure. */
const yuan = (fen: number) => fen / 100;

export async function contractsWorkbook(db: Db, principal: Principal | null): Promise<Buffer> {
  const caller = requireSignedIn(principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const contracts: Contract[] = (await Promise.all(CONTRACT_STATUSES.map((s) => repo.contractsWithStatus(db, s)))).flat().sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const details = await Promise.all(contracts.map(async (c) => ({ c, payments: await repo.paymentsOf(db, c.id), ledger: await repo.ledgerOf(db, c.id), claims: await repo.claimsOf(db, c.id), balance: await repo.getBalance(db, c.id) })));

  const sheets: Sheet[] = [];
  sheets.push(sheet(
    '技术合同',
    [
      { header: '合同编号', key: 'id', width: 32 },
      { header: '认定登记号', key: 'registrationNumber', width: 18 },
      { header: '合同名称', key: 'title', width: 36 },
      { header: '合同类型', key: 'kind', width: 10 },
      { header: '状态', key: 'status', width: 10 },
      { header: '卖方', key: 'seller', width: 28 },
      { header: '买方', key: 'buyer', width: 28 },
      { header: '技术转移中心', key: 'broker', width: 30 },
      { header: '签订日期', key: 'signedOn', width: 12 },
      { header: '合同金额（元）', key: 'amountYuan', width: 16, money: true },
      { header: '合同金额（分）', key: 'amountFen', width: 16 },
      { header: '已核验到账（分）', key: 'verifiedFen', width: 16 },
      { header: '累计应得奖励（分）', key: 'accruedFen', width: 18 },
      { header: '已批准奖励（分）', key: 'approvedFen', width: 16 },
      { header: '产业', key: 'industry', width: 16 },
      { header: '区县', key: 'district', width: 12 },
    ],
    details.map(({ c, balance }) => ({
      id: c.id, registrationNumber: c.registrationNumber ?? '', title: c.title, kind: CONTRACT_KIND_LABELS_ZH[c.kind], status: STATUS_ZH[c.status] ?? c.status,
      seller: c.sellerOrgName, buyer: c.buyerOrgName, broker: c.brokerOrgName, signedOn: c.signedOn,
      amountYuan: yuan(c.amountFen), amountFen: c.amountFen, verifiedFen: c.verifiedFen, accruedFen: balance?.accruedFen ?? 0, approvedFen: balance?.approvedFen ?? 0,
      industry: c.industry ?? '', district: c.district ?? '',
    })),
  ));
  sheets.push(sheet(
    '到账记录',
    [
      { header: '到账编号', key: 'id', width: 32 },
      { header: '合同编号', key: 'contractId', width: 32 },
      { header: '到账日期', key: 'paidOn', width: 12 },
      { header: '金额（元）', key: 'amountYuan', width: 16, money: true },
      { header: '金额（分）', key: 'amountFen', width: 16 },
      { header: '凭证', key: 'evidenceRef', width: 36 },
      { header: '状态', key: 'status', width: 10 },
      { header: '核验人', key: 'verifiedBy', width: 16 },
      { header: '核验时间', key: 'verifiedAt', width: 24 },
    ],
    details.flatMap(({ payments }) => payments.map((p) => ({ ...p, amountYuan: yuan(p.amountFen), status: STATUS_ZH[p.status] ?? p.status, verifiedBy: p.verifiedBy ?? '', verifiedAt: p.verifiedAt ?? '' }))),
  ));
  sheets.push(sheet(
    '奖励台账',
    [
      { header: '合同编号', key: 'contractId', width: 32 },
      { header: '到账编号', key: 'paymentId', width: 32 },
      { header: '适用政策', key: 'policyId', width: 32 },
      { header: '本笔应得奖励（分）', key: 'accruedFen', width: 18 },
      { header: '累计应得奖励（分）', key: 'totalFen', width: 18 },
      { header: '记账时间', key: 'at', width: 24 },
    ],
    details.flatMap(({ c, ledger }) => ledger.map((e) => ({ ...e, contractId: c.id, policyId: e.policyId ?? '无适用政策' }))),
  ));
  sheets.push(sheet(
    '奖励申领',
    [
      { header: '申领编号', key: 'id', width: 32 },
      { header: '合同编号', key: 'contractId', width: 32 },
      { header: '金额（元）', key: 'amountYuan', width: 16, money: true },
      { header: '金额（分）', key: 'amountFen', width: 16 },
      { header: '状态', key: 'status', width: 10 },
      { header: '审批人', key: 'decidedBy', width: 16 },
      { header: '理由', key: 'reason', width: 30 },
      { header: '提交时间', key: 'createdAt', width: 24 },
    ],
    details.flatMap(({ claims }) => claims.map((cl) => ({ ...cl, amountYuan: yuan(cl.amountFen), status: STATUS_ZH[cl.status] ?? cl.status, decidedBy: cl.decidedBy ?? '', reason: cl.reason ?? '' }))),
  ));
  return workbook(sheets, { creator: '石嘴山科技大市场', created: new Date() });
}
