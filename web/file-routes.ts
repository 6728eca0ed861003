/**
 * The pages' side of attachments: the upload ticket and its confirmation as JSON for the files panel's
 * script (same session and CSRF check as every form), downloads as a redirect to a short-lived link,
 * removal, and the broker's "submit for registration".
 */
import { Hono, type Context } from 'hono';
import type { ApiEnv } from '../shared/http/context';
import { issuesFromZod } from '../shared/http/field-issues';
import { problemResponse } from '../shared/http/problem';
import { OWNER_BY_SEGMENT, requestUploadBody, type OwnerSegment, type OwnerType } from '../shared/domain/attachment';
import { DomainError } from '../shared/domain/errors';
import { confirmUpload, downloadUrl, removeAttachment, requestUpload, type FilesDeps } from '../shared/services/attachments';
import { submitContract } from '../shared/services/contracts';
import { postedForm } from './session';
import { kindsOf, type Attachment } from '../shared/domain/attachment';
import type { Contract, Payment } from '../shared/domain/contract';
import { listAttachments } from '../shared/services/attachments';
import type { Lang } from './i18n';
import { FILES_SCRIPT, filesPanel } from './pages/files';


/** The files panel of a listing page: the owner manages (upload, choose visibility, remove); others see what they may. */
export async function listingFiles(c: Context<ApiEnv>, lang: Lang, type: 'achievement' | 'need', listing: { id: string; ownerOrgId: string }, back: string): Promise<string> {
  const files = await listAttachments(c.var.deps, c.var.principal, type, listing.id);
  const isOwner = c.var.principal?.orgId === listing.ownerOrgId;
  if (!files.length && !isOwner) return '';
  const panel = filesPanel(lang, { owner: { type, id: listing.id }, files, ...(isOwner ? { uploadKinds: kindsOf(type), chooseVisibility: true, canRemove: true } : {}), fullHash: c.var.principal?.isAdmin ?? false, back, csrf: c.var.csrf });
  return isOwner ? panel + FILES_SCRIPT : panel;
}

export interface ContractFiles {
  contract: Attachment[];
  payments: Record<string, Attachment[]>;
  claims: Record<string, Attachment[]>;
}

/** A contract's files, its payments' and (for the broker and admins, who see claims) its claims'. */
export async function contractFiles(c: Context<ApiEnv>, contract: Contract, payments: Payment[], claims: { id: string }[] = []): Promise<ContractFiles> {
  const list = (type: OwnerType, id: string) => listAttachments(c.var.deps, c.var.principal, type, id);
  const [own, paymentFiles, claimFiles] = await Promise.all([list('contract', contract.id), Promise.all(payments.map((p) => list('payment', p.id))), Promise.all(claims.map((cl) => list('claim', cl.id)))]);
  return { contract: own, payments: Object.fromEntries(payments.map((p, i) => [p.id, paymentFiles[i]!])), claims: Object.fromEntries(claims.map((cl, i) => [cl.id, claimFiles[i]!])) };
}


const BASE = `/files/:segment{${Object.keys(OWNER_BY_SEGMENT).join('|')}}/:ownerId`;
const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

function deps(c: Context<ApiEnv>): FilesDeps {
  if (!c.var.deps.files) throw new DomainError('files_unavailable');
  return { db: c.var.deps.db, store: c.var.deps.files, now: c.var.deps.now };
}

const owner = (c: Context<ApiEnv>): [OwnerType, string] => [OWNER_BY_SEGMENT[c.req.param('segment') as OwnerSegment], c.req.param('ownerId')!];
const actor = (c: Context<ApiEnv>) => ({ principal: c.var.principal, requestId: c.var.requestId });

/**
 * The script reads JSON. As with the forms, a refusal is answered 200 (`ok: false` with the problem the
 * API would send), because browsers log every 4xx response as a console error; the person sees the message.
 */
async function asJson(c: Context<ApiEnv>, work: () => Promise<unknown>): Promise<Response> {
  try {
    return c.json({ ok: true, ...((await work()) as object) });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return c.json({ ok: false, problem: await problemResponse(c, error).json() });
  }
}

/** Only back to a page of this site. */
const safeBack = (value: string) => (/^\/(?!\/)[\w\-/?=&.]*$/.test(value) ? value : '/me');

export function fileRoutes() {
  return new Hono<ApiEnv>()
    .post(`${BASE}/uploads`, async (c) =>
      asJson(
        c,
        async () => {
          const form = await postedForm(c);
          const parsed = requestUploadBody.safeParse({
            kind: str(form.kind),
            fileName: str(form.fileName),
            contentType: str(form.contentType),
            sizeBytes: Number(str(form.sizeBytes)),
            ...(str(form.visibility) ? { visibility: str(form.visibility) } : {}),
          });
          if (!parsed.success) throw new DomainError('validation_failed', issuesFromZod(parsed.error));
          return requestUpload(deps(c), actor(c), ...owner(c), parsed.data);
        },
      ),
    )
    .post(`${BASE}/uploads/:uploadId/confirm`, async (c) =>
      asJson(c, async () => {
        await postedForm(c);
        return (await confirmUpload(deps(c), actor(c), ...owner(c), c.req.param('uploadId'))).attachment;
      }),
    )
    .get(`${BASE}/:fileId`, async (c) => {
      const url = await downloadUrl(deps(c), c.var.principal, ...owner(c), c.req.param('fileId'));
      c.header('cache-control', 'private, no-store');
      return c.redirect(url, 302);
    })
    .post(`${BASE}/:fileId/remove`, async (c) => {
      const form = await postedForm(c);
      await removeAttachment(deps(c), actor(c), ...owner(c), c.req.param('fileId'));
      return c.redirect(safeBack(str(form.back)), 303);
    })
    .post('/contracts/:id/submit', async (c) => {
      await postedForm(c);
      await submitContract(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, c.req.param('id'));
      return c.redirect(`/contracts/${c.req.param('id')}?done=submitted`, 303);
    });
}
