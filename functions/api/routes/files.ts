/**
 * Files on contracts, payments, listings and claims: request an upload (a presigned POST), confirm it,
 * list what the caller may see, download (302 to a short-lived presigned GET), remove. Also the contract's
 * submission for registration, which needs its signed contract attached.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { attachmentSchema, OWNER_BY_SEGMENT, requestUploadBody, uploadTicketSchema } from '../../../shared/domain/attachment';
import { contractSchema } from '../../../shared/domain/contract';
import { DomainError } from '../../../shared/domain/errors';
import { confirmUpload, downloadUrl, listAttachments, removeAttachment, requestUpload, type FilesDeps } from '../../../shared/services/attachments';
import { submitContract } from '../../../shared/services/contracts';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody, parseOptionalBody } from '../validation';
import { checkId, emptyBody } from './params';

const OWNERS = OWNER_BY_SEGMENT;

function filesDeps(c: Context<ApiEnv>): FilesDeps {
  const store = c.var.deps.files;
  if (!store) throw new DomainError('files_unavailable', [], { detail: 'File storage is not configured (FILES_BUCKET).', detailZh: '未配置文件存储（FILES_BUCKET）。' });
  return { db: c.var.deps.db, store, now: c.var.deps.now };
}

const actor = (c: Context<ApiEnv>) => ({ principal: c.var.principal, requestId: c.var.requestId });

/** The same five routes under each owner's own path (e.g. /contracts/:ownerId/files). */
function ownerRoutes(segment: keyof typeof OWNERS) {
  const type = OWNERS[segment];
  const ownerId = (c: Context<ApiEnv>) => checkId(c.req.param('ownerId')!);
  return new Hono<ApiEnv>()
    .post(`/${segment}/:ownerId/uploads`, async (c) => {
      const body = await parseBody(c, requestUploadBody);
      return c.json(await requestUpload(filesDeps(c), actor(c), type, ownerId(c), body), 201);
    })
    .post(`/${segment}/:ownerId/uploads/:uploadId/confirm`, async (c) => {
      await parseOptionalBody(c, emptyBody);
      const id = ownerId(c);
      const { attachment, created } = await confirmUpload(filesDeps(c), actor(c), type, id, checkId(c.req.param('uploadId')));
      c.header('Location', `/api/v1/${segment}/${id}/files/${attachment.id}`);
      return c.json(attachment, created ? 201 : 200);
    })
    .get(`/${segment}/:ownerId/files`, async (c) => c.json({ items: await listAttachments(c.var.deps, c.var.principal, type, ownerId(c)) }))
    .get(`/${segment}/:ownerId/files/:fileId`, async (c) => {
      const url = await downloadUrl(filesDeps(c), c.var.principal, type, ownerId(c), checkId(c.req.param('fileId')));
      c.header('cache-control', 'private, no-store');
      return c.redirect(url, 302);
    })
    .delete(`/${segment}/:ownerId/files/:fileId`, async (c) => {
      await removeAttachment(filesDeps(c), actor(c), type, ownerId(c), checkId(c.req.param('fileId')));
      return c.body(null, 204);
    });
}

const app = new Hono<ApiEnv>().post('/contracts/:id/submit', async (c) => {
  await parseOptionalBody(c, emptyBody);
  return c.json(await submitContract(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, checkId(c.req.param('id'))));
});
for (const segment of Object.keys(OWNERS) as (keyof typeof OWNERS)[]) app.route('/', ownerRoutes(segment));

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const tag = '附件 Files';
const docs: RouteDoc[] = [
  ...(Object.keys(OWNERS) as (keyof typeof OWNERS)[]).flatMap((segment): RouteDoc[] => {
    const base = `/${segment}/:ownerId`;
    const whose = `${OWNERS[segment]} files`;
    // A published listing's public files are for everyone; everything else needs a signed-in caller.
    const readAccess = segment === 'achievements' || segment === 'needs' ? ('anyone' as const) : ('owner' as const);
    return [
      { method: 'post', path: `${base}/uploads`, tag, access: 'owner', body: requestUploadBody, summary: `Start an upload (${whose}): a presigned POST for one file, ≤ 20 MB, valid 15 minutes`, description: 'POST every returned field, then the file as the last field `file`, to url; then confirm. The kinds and file types each owner takes are in shared/domain/attachment.ts.', responses: { 201: { description: 'Upload ticket', schema: uploadTicketSchema }, ...errors } },
      { method: 'post', path: `${base}/uploads/:uploadId/confirm`, tag, access: 'owner', summary: `Attach an uploaded file (${whose}) after checking its size, type (from its bytes) and SHA-256`, description: 'Confirming twice returns the same file (200).', responses: { 201: { description: 'Attached', schema: attachmentSchema }, 200: { description: 'Already attached', schema: attachmentSchema }, ...errors } },
      { method: 'get', path: `${base}/files`, tag, access: readAccess, summary: `The ${whose} the caller may see (public files of public listings: anyone)`, responses: { 200: { description: 'Files', schema: z.object({ items: z.array(attachmentSchema) }) }, ...errors } },
      { method: 'get', path: `${base}/files/:fileId`, tag, access: readAccess, summary: 'Download: 302 to a presigned link valid 5 minutes', responses: { 302: { description: 'Redirect to the file' }, ...errors } },
      { method: 'delete', path: `${base}/files/:fileId`, tag, access: 'owner', summary: 'Remove a file while its owner is still open (draft contract, recorded payment, pending claim, any listing)', responses: { 204: { description: 'Removed' }, ...errors } },
    ];
  }),
  { method: 'post', path: '/contracts/:id/submit', tag: '合同与奖励 Contracts & rewards', access: 'owner', summary: 'Submit a draft contract for registration (broker; the signed contract must be attached)', responses: { 200: { description: 'Submitted', schema: contractSchema }, ...errors } },
];

export const files = { app, docs };
