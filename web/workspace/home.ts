/**
 * The workspace (/me): what waits on this person — their organisation's standing, listings, interests
 * received and sent, contracts brokered, saved searches and notifications — and for the bureau's admins
 * the queues (organisations, contracts, payments, claims) with the files each decision rests on.
 */
import { Hono } from 'hono';
import { attachmentsOf } from '../../shared/db/attachments';
import { claimsWithStatus, contractsWithStatus, getContract, paymentsWithStatus } from '../../shared/db/contracts';
import { getOrganisation } from '../../shared/db/organisations';
import type { Attachment } from '../../shared/domain/attachment';
import type { ApiEnv } from '../../shared/http/context';
import { requireSignedIn } from '../../shared/services/access';
import { listSavedSearches, notifications } from '../../shared/services/alerts';
import { listBrokeredContracts } from '../../shared/services/contracts';
import { listInterests } from '../../shared/services/interests';
import { achievementSpec, listListings, needSpec } from '../../shared/services/listings';
import { listOrganisations } from '../../shared/services/organisations';
import { tx } from '../i18n';
import { adminQueues, brokeredContractsSection, contractRows } from '../pages/contracts';
import { organisationStatusSection } from '../pages/organisation';
import { mePage } from '../pages/workspace';
import { doneFlash, type PageContextOf } from './form-flow';

export function homeRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .get('/me', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const { db } = c.var.deps;
      const org = caller.orgId ? await getOrganisation(db, caller.orgId) : null;
      const own = async (spec: typeof needSpec | typeof achievementSpec) =>
        caller.orgId ? (await listListings(db, spec as never, caller, { ownerOrgId: caller.orgId, limit: 50 })).items.map((v) => v.record as Record<string, unknown>) : [];
      const [needs, achievements, received, sent] = await Promise.all([
        caller.role === 'enterprise' ? own(needSpec) : [],
        caller.role === 'university' ? own(achievementSpec) : [],
        caller.orgId ? listInterests(db, caller, { box: 'received', limit: 50 }).then((p) => p.items) : [],
        caller.orgId ? listInterests(db, caller, { box: 'sent', limit: 50 }).then((p) => p.items) : [],
      ]);
      const ctx = ctxOf(c);
      const flash = doneFlash(ctx.lang, c.req.query('done'), {
        interest: ['意向已提交，对方处理后您会在此看到结果。', 'Sent. You will see their answer here.'],
        decided: ['已处理。', 'Done.'],
        saved: ['已订阅：有新条目符合时会通知您。', 'Saved: you will be told when new listings match.'],
        registered: ['机构已提交，市科技局认证后即可开展业务。', 'Submitted. You can start once the bureau verifies your organisation.'],
      });
      // Someone without a verified organisation sees where they stand and how to get there.
      let extra = caller.isAdmin ? '' : organisationStatusSection(ctx, org);
      if (caller.role === 'transfer_center') {
        extra += brokeredContractsSection(ctx.lang, contractRows(ctx.lang, await listBrokeredContracts(db, caller)));
      }
      if (caller.isAdmin) {
        const [orgs, contracts, payments, claims] = await Promise.all([
          listOrganisations(db, caller, { verification: 'pending', limit: 50 }),
          contractsWithStatus(db, 'submitted'),
          paymentsWithStatus(db, 'recorded'),
          claimsWithStatus(db, 'pending'),
        ]);
        const titles = new Map<string, string>();
        for (const id of new Set([...payments.map((p) => p.contractId), ...claims.map((cl) => cl.contractId)])) titles.set(id, (await getContract(db, id))?.title ?? id);
        // The bureau decides on the files themselves: each queued contract and payment shows them with their hashes.
        const publicFiles = (files: Awaited<ReturnType<typeof attachmentsOf>>): Attachment[] => files.map(({ objectKey: _k, objectVersion: _v, ...f }) => f);
        const [contractFileLists, paymentFileLists, claimFileLists] = await Promise.all([
          Promise.all(contracts.map((k) => attachmentsOf(db, 'contract', k.id).then(publicFiles))),
          Promise.all(payments.map((p) => attachmentsOf(db, 'payment', p.id).then(publicFiles))),
          Promise.all(claims.map((cl) => attachmentsOf(db, 'claim', cl.id).then(publicFiles))),
        ]);
        extra += adminQueues(ctx.lang, {
          orgs: orgs.items as never,
          contracts: contracts.map((k, i) => ({ ...k, files: contractFileLists[i]! })),
          payments: payments.map((p, i) => ({ ...p, contractTitle: titles.get(p.contractId), files: paymentFileLists[i]! })),
          claims: claims.map((cl, i) => ({ ...cl, contractTitle: titles.get(cl.contractId), files: claimFileLists[i]! })),
          csrf: c.var.csrf,
        });
      }
      if (caller.isAdmin || caller.orgId) extra += `<p><a class="button secondary" href="${caller.isAdmin ? '/admin/programs' : '/me/programs'}">${caller.isAdmin ? tx(ctx.lang, '扶持项目审核', 'Program queue') : tx(ctx.lang, '我的扶持项目', 'My programs')}</a></p>`;
      const [inbox, saved] = await Promise.all([notifications(db, caller, { limit: 12 }), listSavedSearches(db, caller)]);
      return c.html(
        mePage(ctx, {
          role: caller.role, orgName: org?.name ?? null, needs, achievements, received: received as never, sent: sent as never, csrf: c.var.csrf, extra,
          notifications: inbox.items as never, savedSearches: saved as never, ...(flash ? { flash } : {}),
        }),
      );
    });
}
