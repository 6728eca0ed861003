/**
 * Demo data, written idempotently: every item has an id derived from its seed key and is written only if
 * absent, so re-running the seed never duplicates nor overwrites what people changed through the API.
 */
import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DemoAccount } from '../../shared/http/context';
import type { Db } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { insertListing } from '../../shared/db/listings';
import { insertOrganisation } from '../../shared/db/organisations';
import { savePerson } from '../../shared/db/people';
import { newAchievement, transitionAchievement } from '../../shared/domain/achievement';
import { makeCreditCode } from '../../shared/domain/credit-code';
import { DomainError } from '../../shared/domain/errors';
import { newNeed, transitionNeed } from '../../shared/domain/need';
import { newOrganisation, roleForOrgType, type Organisation } from '../../shared/domain/organisation';
import { seedPolicies } from '../../shared/services/rewards';
import { createContract, recordPayment, registerContract, submitContract, verifyPayment } from '../../shared/services/contracts';
import type { ObjectStore } from '../../shared/files/object-store';
import { attachFile, minimalPdf } from './demo-files';
import { contractsOfBroker } from '../../shared/db/contracts';
import { postLedgerEntry, submitClaim } from '../../shared/services/rewards';
import { queryListings } from '../../shared/db/listings';
import { demoAchievements, demoNeeds } from '../demo-data/listings';
import { demoAccounts, demoOrganisations } from '../demo-data/organisations';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A stable ULID-shaped id for a seed key, so the same demo item always has the same id. */
export function seedId(prefix: string, key: string): string {
  const digest = createHash('sha256').update(`tech-market-demo:${key}`).digest();
  let body = '';
  for (let i = 0; i < 26; i++) body += CROCKFORD[digest[i]! % 32];
  return `${prefix}_${body}`;
}

const CATEGORY_PREFIX: Record<Organisation['type'], string> = {
  university: '12', institute: '12', government: '11', enterprise: '91', transfer_center: '52',
};

async function insertIfAbsent(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    const alreadyThere =
      (error instanceof Error && error.name === 'ConditionalCheckFailedException') ||
      (error instanceof DomainError && (error.code === 'credit_code_taken' || error.code === 'version_conflict' || error.code === 'already_member'));
    if (alreadyThere) return false;
    throw error;
  }
}

/**
 * A few brokered contracts with verified payments, so the dashboard and the centers' pages show a
 * realistic picture. Written through the same services as the API (every rule and audit record applies);
 * skipped when the demo center already has contracts.
 */
async function seedContracts(db: Db, accounts: DemoAccount[], now: Date, store: ObjectStore): Promise<void> {
  const account = (id: string) => accounts.find((a) => a.id === id)!;
  const principal = (id: string, role: 'transfer_center' | 'admin') => ({ sub: id, username: id, role, orgId: account(id).orgId, isAdmin: role === 'admin' });
  const center = principal('demo-tc-xjtu', 'transfer_center');
  if ((await contractsOfBroker(db, center.orgId!)).length > 0) return;
  const admin = principal('demo-admin', 'admin');
  const actor = (p: ReturnType<typeof principal>) => ({ principal: p, requestId: 'seed', now });
  const filesDeps = { db, store, now: () => now };
  const signAndSubmit = async (contractId: string) => {
    await attachFile(filesDeps, center, { type: 'contract', id: contractId }, { kind: 'signed_contract', fileName: '技术合同（签章扫描件）.pdf', bytes: minimalPdf(['Technology contract (demo scan)', contractId, 'Signed and sealed by both parties']) });
    return submitContract(db, actor(center), contractId);
  };
  const bankSlip = (paymentId: string, ref: string) =>
    attachFile(filesDeps, center, { type: 'payment', id: paymentId }, { kind: 'bank_slip', fileName: '银行回单.pdf', bytes: minimalPdf(['Bank slip (demo)', ref, paymentId]) });
  const achievementOf = async (orgId: string) => (await queryListings(db, 'achievement', { scope: { ownerOrgId: orgId }, filter: { statuses: ['published'] }, limit: 1 })).items[0];
  const deals = [
    { seller: 'demo-nxist', buyer: 'demo-ent-pv', kind: 'licence', amountFen: 180_000_000, signedOn: '2025-05-12', paid: [[60_000_000, '2025-07-01'], [60_000_000, '2025-11-20']] },
    { seller: 'demo-nxu', buyer: 'demo-ent-chem', kind: 'transfer', amountFen: 260_000_000, signedOn: '2025-09-03', paid: [[130_000_000, '2025-10-15'], [80_000_000, '2026-03-02']] },
    { seller: 'demo-inst-agri', buyer: 'demo-ent-goji', kind: 'development', amountFen: 45_000_000, signedOn: '2026-02-18', paid: [[20_000_000, '2026-04-10']] },
    { seller: 'demo-inst-coal', buyer: 'demo-ent-cast', kind: 'service', amountFen: 32_000_000, signedOn: '2026-06-08', paid: [[32_000_000, '2026-09-30']] },
    { seller: 'demo-szgm', buyer: 'demo-ent-iiot', kind: 'consulting', amountFen: 12_000_000, signedOn: '2026-10-20', paid: [] },
  ] as const;
  const registeredIds: { id: string; number: string }[] = [];
  for (const deal of deals) {
    const sellerOrg = account(deal.seller).orgId!;
    const achievement = await achievementOf(sellerOrg);
    const contract = await createContract(db, actor(center), {
      title: `${achievement?.title ?? '技术服务'}${deal.kind === 'licence' ? '许可' : deal.kind === 'transfer' ? '转让' : deal.kind === 'development' ? '合作开发' : deal.kind === 'service' ? '服务' : '咨询'}合同`,
      kind: deal.kind,
      sellerOrgId: sellerOrg,
      buyerOrgId: account(deal.buyer).orgId!,
      amountFen: deal.amountFen,
      signedOn: deal.signedOn,
      ...(achievement ? { achievementId: achievement.id } : {}),
    });
    await signAndSubmit(contract.id);
    const registered = await registerContract(db, { ...actor(admin), now: new Date(`${deal.signedOn}T10:00:00+08:00`) }, contract.id, { decision: 'registered' });
    for (const [i, [amountFen, paidOn]] of deal.paid.entries()) {
      const payment = await recordPayment(db, actor(center), contract.id, { amountFen, paidOn, evidenceRef: `银行回单 ${registered.registrationNumber}-${i + 1}` });
      await bankSlip(payment.id, payment.evidenceRef);
      await verifyPayment(db, actor(admin), payment.id, { decision: 'verified' });
      // Posted here rather than left to the stream, so the claim below has a reward to draw on (posting is idempotent).
      await postLedgerEntry(db, payment.id, now);
    }
    registeredIds.push({ id: contract.id, number: registered.registrationNumber! });
  }

  // Something in each of the bureau's queues, so every role has work waiting on first start.
  const [first, , third] = registeredIds;
  const waitingPayment = await recordPayment(db, actor(center), third!.id, { amountFen: 6_000_000, paidOn: '2026-11-10', evidenceRef: `银行回单 ${third!.number}-2` });
  await bankSlip(waitingPayment.id, waitingPayment.evidenceRef);
  await submitClaim(db, actor(center), first!.id, { amountFen: 2_000_000 }, { key: 'seed-claim-0001', requestHash: 'seed' });
  const waiting = await achievementOf(account('demo-nxist').orgId!);
  const waitingContract = await createContract(db, actor(center), {
    title: `${waiting?.title ?? '技术'}二期合作开发合同`,
    kind: 'development',
    sellerOrgId: account('demo-nxist').orgId!,
    buyerOrgId: account('demo-ent-pv').orgId!,
    amountFen: 90_000_000,
    signedOn: '2026-11-18',
  });
  await signAndSubmit(waitingContract.id);
}

export interface SeedResult {
  accounts: DemoAccount[];
  written: { organisations: number; achievements: number; needs: number };
}

export async function seedDemoData(db: Db, now: Date, store: ObjectStore): Promise<SeedResult> {
  const day = 24 * 3600 * 1000;
  const orgs = new Map<string, Organisation>();
  let written = { organisations: 0, achievements: 0, needs: 0 };

  for (const [i, demo] of demoOrganisations.entries()) {
    const id = seedId('org', demo.key);
    const created = new Date(now.getTime() - (120 - i) * day);
    const base = newOrganisation(
      {
        name: demo.name,
        type: demo.type,
        creditCode: makeCreditCode(CATEGORY_PREFIX[demo.type], demo.division, 1000 + i),
        district: demo.district,
        description: demo.description,
        contact: demo.contact,
        ...(demo.website ? { website: demo.website } : {}),
      },
      id,
      'seed',
      created,
    );
    const org: Organisation = demo.verified
      ? { ...base, verification: { status: 'verified', decidedAt: new Date(created.getTime() + day).toISOString(), decidedBy: 'demo-admin' } }
      : base;
    orgs.set(demo.key, org);
    if (await insertIfAbsent(() => insertOrganisation(db, org))) written.organisations++;
  }

  const accounts: DemoAccount[] = demoAccounts.map((a) => {
    const org = a.orgKey ? orgs.get(a.orgKey) : undefined;
    if (a.orgKey && !org) throw new Error(`demo account ${a.id} names unknown organisation ${a.orgKey}`);
    return { id: a.id, displayName: a.displayName, groups: a.groups, orgId: org?.id ?? null, orgName: org?.name ?? null };
  });
  // Who mail goes to: the organisation's contact address for its demo account, the bureau's two admins
  // and the newcomers by name. The local mail catcher takes them all; nothing leaves this machine.
  for (const account of accounts) {
    const org = account.orgId ? [...orgs.values()].find((o) => o.id === account.orgId) : undefined;
    const email = account.groups.includes('admin') ? `${account.id}@szskjj.gov.cn` : org ? org.contact.email : `${account.id}@example.com`;
    await savePerson(db, { sub: account.id, email, name: account.displayName, orgId: account.orgId, isAdmin: account.groups.includes('admin') }, org?.createdAt ?? new Date(0).toISOString());
  }
  for (const account of accounts) {
    if (!account.orgId) continue;
    const org = [...orgs.values()].find((o) => o.id === account.orgId)!;
    await insertIfAbsent(async () => {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.membership(account.id), entity: 'membership', sub: account.id, orgId: org.id, role: roleForOrgType(org.type), joinedAt: org.createdAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    });
  }

  for (const [i, demo] of demoAchievements.entries()) {
    const owner = orgs.get(demo.ownerOrgKey);
    if (!owner) throw new Error(`achievement ${demo.key} names unknown organisation ${demo.ownerOrgKey}`);
    const created = new Date(now.getTime() - (90 - 2 * i) * day);
    const { key: _k, ownerOrgKey: _o, publish, ...input } = demo;
    let record = newAchievement(input, { id: seedId('ach', demo.key), ownerOrgId: owner.id, ownerOrgName: owner.name, ownerDistrict: owner.district }, created);
    if (publish) record = transitionAchievement(record, 'publish', new Date(created.getTime() + 3600_000));
    if (await insertIfAbsent(() => insertListing(db, 'achievement', record))) written.achievements++;
  }

  for (const [i, demo] of demoNeeds.entries()) {
    const owner = orgs.get(demo.ownerOrgKey);
    if (!owner) throw new Error(`need ${demo.key} names unknown organisation ${demo.ownerOrgKey}`);
    // Needs are dated from "now" backwards but their deadlines are absolute; create them as of today
    // so the deadline check sees the real calendar.
    const created = new Date(now.getTime() - (60 - 2 * i) * day);
    const { key: _k, ownerOrgKey: _o, publish, challenge, ...input } = demo;
    let record = newNeed({ ...input, minTrl: null, challenge: challenge ?? null }, { id: seedId('need', demo.key), ownerOrgId: owner.id, ownerOrgName: owner.name, ownerDistrict: owner.district }, now);
    record = { ...record, createdAt: created.toISOString(), updatedAt: created.toISOString() };
    if (publish) record = transitionNeed(record, 'publish', new Date(Math.max(created.getTime() + 3600_000, 0)));
    if (await insertIfAbsent(() => insertListing(db, 'need', record))) written.needs++;
  }
  await seedPolicies(db, now);
  await seedContracts(db, accounts, now, store);
  return { accounts, written };
}
