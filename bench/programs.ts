/**
 * npm run bench:programs — the incentive programs under contention against DynamoDB Local with the demo
 * data: 200 maturation projects with random R&D input (each with its evidence file uploaded to the local S3, then verified), two guidance applications raced per
 * project, two approvals raced per application (by the same second admin), half of them paid, and every
 * transfer institution racing two start-up grant applications. Prints how many applications per second go from submitted to approved (with the review between), and the reconciliation
 * (balance = sum of entries, one entry per approval and payout, no reservation over the rule or the cap).
 */
import { createDb } from '../shared/db/client';
import { queryAll } from '../shared/db/contracts';
import { ensureTable } from '../shared/db/ensure-table';
import { keys } from '../shared/db/keys';
import type { Principal } from '../shared/auth/principal';
import { DomainError } from '../shared/domain/errors';
import { decideApplication, decideRdInput, createProject, markApplicationPaid, recordRdInput, reviewApplication, submitApplication } from '../shared/services/programs';
import { reconcileProgram } from '../shared/services/reconcile';
import { startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { startLocalFiles } from '../scripts/local/local-app';
import { seedDemoData } from '../scripts/local/seed';
import { minimalPdf, postFile } from '../scripts/local/demo-files';
import { confirmUpload, requestUpload } from '../shared/services/attachments';
import { prng, writeResult } from './lib';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 200);
const log = (line: string) => console.log(`[bench:programs] ${line}`);

async function settle<T>(work: Promise<T>[]): Promise<{ ok: T[]; refused: string[] }> {
  const out = await Promise.allSettled(work);
  const ok: T[] = [];
  const refused: string[] = [];
  for (const r of out) {
    if (r.status === 'fulfilled') ok.push(r.value);
    else if (r.reason instanceof DomainError) refused.push(r.reason.code);
    else throw r.reason;
  }
  return { ok, refused };
}

async function main() {
  const dynamo = await startDynamoDbLocal({ log });
  const db = createDb({ tableName: 'bench-programs', endpoint: dynamo.endpoint });
  await ensureTable(db);
  const now = new Date('2026-11-26T02:00:00Z');
  const files = await startLocalFiles(undefined);
  const { accounts } = await seedDemoData(db, now, files.store);
  const fileDeps = { db, store: files.store, now: () => now };
  const principal = (id: string): Principal => {
    const a = accounts.find((x) => x.id === id)!;
    return { sub: a.id, username: a.id, role: a.groups.includes('admin') ? 'admin' : (a.groups[0] ?? null), orgId: a.orgId, isAdmin: a.groups.includes('admin') };
  };
  const actor = (id: string, i = 0) => ({ principal: principal(id), requestId: `bench-${i}`, now });
  const universities = accounts.filter((a) => a.groups.includes('university') && a.orgId && !a.id.includes('newcomer'));
  const owned = await Promise.all(universities.map((u) => queryAll<{ id: string }>(db, { index: 'gsi2', partition: keys.listingsOfOrg('achievement', u.orgId!) })));
  const owners = universities.map((u, i) => ({ account: u.id, achievements: owned[i]! })).filter((o) => o.achievements.length);
  const random = prng(7_2026);

  log(`creating ${PROJECTS} projects with verified R&D input…`);
  const projects: string[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const owner = owners[i % owners.length]!;
    const p = await createProject(db, actor(owner.account, i), { title: `基准中试项目 ${i}`, achievementId: owner.achievements[i % owner.achievements.length]!.id, summary: '基准测试用的中试熟化项目，验证引导支持的上限与对账。', budgetFen: 500_000_000, startOn: '2026-01-01' });
    for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
      const input = await recordRdInput(db, actor(owner.account, i), p.id, { amountFen: 1 + Math.floor(random() * 200_000_000), spentOn: '2026-10-01', category: 'equipment', evidenceRef: `回单 B-${i}-${k}` });
      // The evidence goes up as a browser sends it: ticket, POST to the local S3, confirm.
      const bytes = minimalPdf([`回单 B-${i}-${k}`]);
      const ticket = await requestUpload(fileDeps, actor(owner.account, i), 'rd_input', input.id, { kind: 'funds_evidence', fileName: '回单.pdf', contentType: 'application/pdf', sizeBytes: bytes.byteLength });
      if ((await postFile(ticket, bytes, '回单.pdf')) !== 204) throw new Error('the local S3 refused the evidence');
      await confirmUpload(fileDeps, actor(owner.account, i), 'rd_input', input.id, ticket.uploadId);
      await decideRdInput(db, actor('demo-admin'), p.id, input.id, 'verified');
    }
    projects.push(p.id);
  }
  const ownerOf = (i: number) => owners[i % owners.length]!.account;

  const started = performance.now();
  const submitted = await settle(projects.flatMap((id, i) => [0, 1].map(() => submitApplication(db, actor(ownerOf(i), i), { program: 'maturation_guidance', projectId: id }))));
  for (const a of submitted.ok) await reviewApplication(db, actor('demo-admin'), a.id, '基准审核');
  const approvedRace = await settle(submitted.ok.flatMap((a) => [0, 1].map(() => decideApplication(db, actor('demo-admin-2'), a.id, 'approved'))));
  const seconds = (performance.now() - started) / 1000;
  const paid = await settle(approvedRace.ok.filter((_, i) => i % 2 === 0).map((a) => markApplicationPaid(db, actor('demo-admin'), a.id)));
  const centers = accounts.filter((a) => a.groups.includes('transfer_center') && a.orgId);
  const grants = await settle(centers.flatMap((c) => [0, 1].map(() => submitApplication(db, actor(c.id), { program: 'startup_grant', agreement: { title: '与市政府签订的技术转移合作协议', number: `B-${c.id}`, signedOn: '2026-06-18' } }))));

  const problems = (await Promise.all((['maturation_guidance', 'startup_grant'] as const).map((p) => reconcileProgram(db, p)))).filter((x) => x !== null);
  await Promise.all([dynamo.stop(), files.stop()]);
  const result = {
    projects: PROJECTS,
    guidanceSubmitted: submitted.ok.length,
    guidanceRefused: submitted.refused.length,
    approvals: approvedRace.ok.length,
    duplicateApprovalsRefused: approvedRace.refused.length,
    paid: paid.ok.length,
    startupGrants: grants.ok.length,
    startupGrantsRefused: grants.refused.length,
    approvalsPerSecond: Math.round((submitted.ok.length / seconds) * 10) / 10,
    discrepancies: problems.reduce((s, p) => s + p.problems.length, 0),
    problems: problems.flatMap((p) => p.problems.slice(0, 5).map((x) => `${p.program}: ${x}`)),
  };
  console.table({ programs: { approvals: result.approvals, 'duplicates refused': result.duplicateApprovalsRefused, 'approvals/s': result.approvalsPerSecond, discrepancies: result.discrepancies } });
  for (const line of result.problems) log(line);
  log(`written ${writeResult('programs', result)}`);
  // Exactly once: as many approvals as submitted applications, never more.
  if (result.discrepancies || result.approvals !== result.guidanceSubmitted || result.startupGrants !== centers.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
