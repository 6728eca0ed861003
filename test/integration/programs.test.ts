/**
 * The plan's other incentives end to end against DynamoDB Local: a 中试熟化 project's verified R&D input
 * → guidance (30 %, capped at ¥1,000,000 per project) → review → approval by another admin → paid; the
 * team reward on the project's transfer contract; the once-per-institution start-up grant; who may see
 * and do what (the permission matrix); and the program balance equal to the sum of its entries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditTrail } from '../../shared/db/contracts';
import { keys } from '../../shared/db/keys';
import { reconcileProgram } from '../../shared/services/reconcile';
import { achievementInput } from '../fixtures';
import { problem, startHarness, type Harness } from './harness';

let h: Harness;
let uni: string;
let admin: string;
let admin2: string;
let achievementId: string;

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

const project = (overrides: Record<string, unknown> = {}) => ({ title: '光伏银浆湿法回收中试线', achievementId, summary: '建设年处理 500 吨退役组件的银浆湿法提取中试线，验证回收率与能耗。', budgetFen: 600_000_000, startOn: '2026-03-01', ...overrides });
const input = (amountFen: number, ref: string) => ({ amountFen, spentOn: '2026-10-10', category: 'equipment', evidenceRef: ref });

async function verifiedProject(inputsFen: number[], tag: string) {
  const p = await json(await h.call('POST', '/api/v1/projects', { token: uni, body: project({ title: `中试熟化项目 ${tag}` }) }), 201);
  for (const [i, amount] of inputsFen.entries()) {
    const recorded = await json(await h.call('POST', `/api/v1/projects/${p.id}/inputs`, { token: uni, body: input(amount, `银行回单 ${tag}-${i}`) }), 201);
    await h.attach(uni, `inputs/${recorded.id}`, 'funds_evidence');
    await json(await h.call('POST', `/api/v1/projects/${p.id}/inputs/${recorded.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
  }
  return p.id as string;
}

async function balance(program: string) {
  const figures = (await json(await h.call('GET', '/api/v1/programs'), 200)).figures as { program: string; approvedFen: number; paidFen: number }[];
  return figures.find((f) => f.program === program)!;
}

beforeAll(async () => {
  h = await startHarness();
  [uni, admin, admin2] = await Promise.all([h.token('demo-nxist'), h.token('demo-admin'), h.token('demo-admin-2')]);
  const a = await json(await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput({ title: '光伏组件银浆湿法回收技术' }) }), 201);
  await json(await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token: uni }), 200);
  achievementId = a.id;
});

describe('maturation guidance', () => {
  it('is 30 % of the verified R&D input, reserved on submission, decided by an admin who neither reviewed nor verified, paid once', async () => {
    const id = await verifiedProject([100_000_000, 50_000_003], 'A');
    // Recorded but unverified input is not part of the base.
    await json(await h.call('POST', `/api/v1/projects/${id}/inputs`, { token: uni, body: input(90_000_000, '银行回单 A-unverified') }), 201);
    const before = await balance('maturation_guidance');
    const application = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 201);
    expect(application).toMatchObject({ status: 'submitted', basisFen: 150_000_003, amountFen: 45_000_000, ruleId: 'rule_maturation_guidance_v2' });
    // Everything verified so far is applied for: a second application has nothing to ask for.
    expect((await problem(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 409)).code).toBe('nothing_due');

    expect((await problem(await h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin2 }), 409)).code).toBe('review_required');
    await json(await h.call('POST', `/api/v1/applications/${application.id}/review`, { token: admin, body: { note: '研发投入凭证齐全' } }), 200);
    // The reviewer (who also verified the input) may not approve.
    expect((await problem(await h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin }), 403)).code).toBe('separation_of_duties_program');
    // Two approvals at once: exactly one lands.
    const both = await Promise.all([1, 2].map(() => h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin2 })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await balance('maturation_guidance')).approvedFen - before.approvedFen).toBe(45_000_000);
    await json(await h.call('POST', `/api/v1/applications/${application.id}/pay`, { token: admin }), 200);
    expect((await problem(await h.call('POST', `/api/v1/applications/${application.id}/pay`, { token: admin }), 409)).code).toBe('invalid_transition');
    const after = await balance('maturation_guidance');
    expect(after.approvedFen - before.approvedFen).toBe(45_000_000);
    expect(after.paidFen - before.paidFen).toBe(45_000_000);
    const trail = await auditTrail(h.db, application.id);
    expect(trail.map((r: { action: string }) => r.action).sort()).toEqual(['approve', 'pay', 'review', 'submit']);
  });

  it('never grants a project more than ¥1,000,000 over all its applications; a rejection frees the reservation', async () => {
    const id = await verifiedProject([200_000_000], 'B');
    const first = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 201);
    expect(first.amountFen).toBe(60_000_000);
    const more = await json(await h.call('POST', `/api/v1/projects/${id}/inputs`, { token: uni, body: input(300_000_000, '银行回单 B-2') }), 201);
    // Verification needs the evidence itself.
    expect((await problem(await h.call('POST', `/api/v1/projects/${id}/inputs/${more.id}/verify`, { token: admin, body: { decision: 'verified' } }), 409)).code).toBe('attachment_required');
    await h.attach(uni, `inputs/${more.id}`, 'funds_evidence');
    await json(await h.call('POST', `/api/v1/projects/${id}/inputs/${more.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
    // 30 % of ¥5,000,000 is ¥1,500,000: capped at ¥1,000,000, of which ¥600,000 is already reserved.
    const second = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 201);
    expect(second.amountFen).toBe(40_000_000);
    expect((await problem(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 409)).code).toBe('nothing_due');
    await json(await h.call('POST', `/api/v1/applications/${first.id}/reject`, { token: admin2, body: { reason: '凭证与合同不符' } }), 200);
    const again = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 201);
    expect(again.amountFen).toBe(60_000_000);
    expect((await json(await h.call('GET', `/api/v1/projects/${id}`, { token: uni }), 200)).project.guidanceReservedFen).toBe(100_000_000);
  });
});

describe('maturation team reward', () => {
  it('needs the registered transfer contract with a verified payment; 30 % of what was paid, capped at ¥500,000', async () => {
    const id = await verifiedProject([10_000_000], 'C');
    expect((await problem(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_reward', projectId: id } }), 409)).code).toBe('not_transferred');
    const tc = await h.token('demo-tc-xjtu');
    const contract = await json(await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: '银浆湿法回收技术转让合同', kind: 'transfer', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 300_000_000, signedOn: '2026-11-01', achievementId } }), 201);
    // An unregistered contract is no proof of transfer.
    expect((await problem(await h.call('POST', `/api/v1/projects/${id}/transfer`, { token: uni, body: { contractId: contract.id } }), 400)).errors?.[0]?.path).toBe('contractId');
    await h.submitForRegistration(contract.id, tc);
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: admin, body: { decision: 'registered' } }), 200);
    const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 200_000_000, paidOn: '2026-11-20', evidenceRef: `银行回单 ${registered.registrationNumber}-1` } }), 201);
    await h.attach(tc, `payments/${payment.id}`, 'bank_slip');
    await json(await h.call('POST', `/api/v1/payments/${payment.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
    await json(await h.call('POST', `/api/v1/projects/${id}/transfer`, { token: uni, body: { contractId: contract.id } }), 200);
    const application = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_reward', projectId: id } }), 201);
    expect(application).toMatchObject({ basisFen: 200_000_000, amountFen: 50_000_000 });
    await json(await h.call('POST', `/api/v1/applications/${application.id}/review`, { token: admin2, body: { note: '合同已登记，到账已核验' } }), 200);
    // demo-admin verified the payment and the input; demo-admin-2 reviewed: neither may approve.
    expect((await problem(await h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin }), 403)).code).toBe('separation_of_duties_program');
    expect((await problem(await h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin2 }), 403)).code).toBe('separation_of_duties_program');
  });
});

describe('start-up grant', () => {
  it('is ¥200,000 once per institution; a rejection lets it apply again; enterprises are not eligible', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const agreement = { title: '石嘴山市人民政府与西安交通大学技术转移合作协议', number: 'SZS-2026-017', signedOn: '2026-06-18' };
    const first = await json(await h.call('POST', '/api/v1/applications', { token: tc, body: { program: 'startup_grant', agreement } }), 201);
    expect(first).toMatchObject({ amountFen: 20_000_000, subjectId: h.orgIdOf('demo-tc-xjtu') });
    expect((await problem(await h.call('POST', '/api/v1/applications', { token: tc, body: { program: 'startup_grant', agreement } }), 409)).code).toBe('already_granted');
    // The bureau reviews the signed agreement itself.
    expect((await problem(await h.call('POST', `/api/v1/applications/${first.id}/review`, { token: admin, body: { note: '核对协议' } }), 409)).code).toBe('attachment_required');
    await h.attach(tc, `applications/${first.id}`, 'signed_agreement');
    await json(await h.call('POST', `/api/v1/applications/${first.id}/review`, { token: admin, body: { note: '核对协议' } }), 200);
    await json(await h.call('POST', `/api/v1/applications/${first.id}/reject`, { token: admin, body: { reason: '协议未落地' } }), 200);
    const second = await json(await h.call('POST', '/api/v1/applications', { token: tc, body: { program: 'startup_grant', agreement } }), 201);
    expect(second.status).toBe('submitted');
    expect((await problem(await h.call('POST', '/api/v1/applications', { token: await h.token('demo-ent-pv'), body: { program: 'startup_grant', agreement } }), 403)).code).toBe('organisation_type_mismatch');
  });
});

describe('permission matrix', () => {
  it('another organisation cannot see or change a project or an application; members cannot decide', async () => {
    const id = await verifiedProject([10_000_000], 'D');
    const application = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: id } }), 201);
    for (const account of ['demo-nxu', 'demo-ent-pv', 'demo-tc-xjtu']) {
      const token = await h.token(account);
      expect((await h.call('GET', `/api/v1/projects/${id}`, { token })).status).toBe(404);
      expect((await h.call('GET', `/api/v1/applications/${application.id}`, { token })).status).toBe(404);
      expect((await h.call('POST', `/api/v1/projects/${id}/inputs`, { token, body: input(1_000, '银行回单 X') })).status).toBe(404);
      expect((await h.call('POST', '/api/v1/applications', { token, body: { program: 'maturation_guidance', projectId: id } })).status).toBeGreaterThanOrEqual(403);
      const listed = await json(await h.call('GET', '/api/v1/applications', { token }), 200);
      expect(listed.items.map((a: { id: string }) => a.id)).not.toContain(application.id);
    }
    for (const path of ['review', 'approve', 'reject', 'pay']) {
      const res = await h.call('POST', `/api/v1/applications/${application.id}/${path}`, { token: uni, body: path === 'review' ? { note: '自己审核' } : path === 'reject' ? { reason: '自己驳回' } : {} });
      expect(res.status, path).toBe(403);
    }
    expect((await h.call('GET', `/api/v1/projects/${id}`)).status).toBe(401);
    const [evidence] = (await json(await h.call('GET', `/api/v1/projects/${id}`, { token: uni }), 200)).inputs;
    expect((await json(await h.call('GET', `/api/v1/inputs/${evidence.id}/files`, { token: admin }), 200)).items).toHaveLength(1);
    for (const account of ['demo-nxu', 'demo-ent-pv']) {
      const token = await h.token(account);
      expect((await h.call('GET', `/api/v1/inputs/${evidence.id}/files`, { token })).status).toBe(404);
      expect((await h.call('GET', `/api/v1/applications/${application.id}/files`, { token })).status).toBe(404);
      expect((await h.call('POST', `/api/v1/inputs/${evidence.id}/uploads`, { token, body: { kind: 'funds_evidence', fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1000 } })).status).toBe(404);
    }
    // Verified evidence stays: the owner cannot remove it any more.
    const [file] = (await json(await h.call('GET', `/api/v1/inputs/${evidence.id}/files`, { token: uni }), 200)).items;
    expect((await problem(await h.call('DELETE', `/api/v1/inputs/${evidence.id}/files/${file.id}`, { token: uni }), 409)).code).toBe('files_locked');
    // The owner may not link an achievement that is not theirs.
    const other = (await json(await h.call('GET', `/api/v1/achievements?ownerOrgId=${h.orgIdOf('demo-nxu')}&limit=1`), 200)).items[0].id;
    expect((await problem(await h.call('POST', '/api/v1/projects', { token: uni, body: project({ achievementId: other }) }), 400)).errors?.[0]?.path).toBe('achievementId');
    expect((await problem(await h.call('POST', '/api/v1/projects', { token: uni, body: { ...project(), extra: 1 } }), 400)).code).toBe('validation_failed');
    expect((await h.call('GET', `/api/v1/applications/${application.id}`, { token: admin })).status).toBe(200);
  });
});

describe('the catalogue', () => {
  it('lists the brokerage policies as rules of the brokerage program beside the applied programs, with the rule in force today', async () => {
    const { rules, figures } = await json(await h.call('GET', '/api/v1/programs'), 200);
    const brokerage = rules.filter((r: { program: string }) => r.program === 'brokerage');
    expect(brokerage.map((r: { rateBp: number; capFen: number; base: string }) => [r.rateBp, r.capFen, r.base])).toEqual([[1000, 20_000_000, 'verified_payments'], [1000, 20_000_000, 'verified_payments']]);
    expect(figures.find((f: { program: string }) => f.program === 'brokerage').rule.id).toBe('pol_00000000000000000000002026');
    expect(figures.find((f: { program: string }) => f.program === 'maturation_guidance').rule).toMatchObject({ id: 'rule_maturation_guidance_v2', rateBp: 3000, capFen: 100_000_000 });
  });
});

describe('reconciliation', () => {
  it('finds the program balance equal to its entries after all of the above, and reports a forged entry', async () => {
    expect(await reconcileProgram(h.db, 'maturation_guidance')).toBeNull();
    expect(await reconcileProgram(h.db, 'startup_grant')).toBeNull();
    await h.db.doc.send(new PutCommand({ TableName: h.db.tableName, Item: { ...keys.programEntry('startup_grant', 'approve', 'app_FORGED'), entity: 'program_entry', program: 'startup_grant', action: 'approve', applicationId: 'app_FORGED', applicantOrgId: 'org_x', amountFen: 1, at: '2026-11-26T02:00:00.000Z' } }));
    const found = await reconcileProgram(h.db, 'startup_grant');
    expect(found?.problems.join('\n')).toMatch(/approval entries sum to/);
  });
});
