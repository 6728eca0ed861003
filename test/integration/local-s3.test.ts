/**
 * The local S3 server against the real AWS SDK: signed requests work, unsigned and forged ones are
 * refused, and a browser POST is held to its policy as S3 holds it (expiry, key, type, size, extra fields).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client, CreateBucketCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type RunningLocalS3 } from '../../scripts/local/s3-local';
import { createS3ObjectStore, type ObjectStore } from '../../shared/files/object-store';

const credentials = { accessKeyId: 'local-test', secretAccessKey: 'local-test-secret' };
const bucket = 'test-files';
let server: RunningLocalS3;
let store: ObjectStore;
let clock = Date.now();
const dir = mkdtempSync(join(tmpdir(), 's3-local-'));

async function post(ticket: { url: string; fields: Record<string, string> }, bytes: string, override: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...ticket.fields, ...override })) form.append(k, v);
  form.append('file', new Blob([bytes]), 'f.pdf');
  return fetch(ticket.url, { method: 'POST', body: form });
}

beforeAll(async () => {
  server = await startLocalS3({ dataDir: dir, credentials, now: () => new Date(clock) });
  const client = new S3Client({ region: 'cn-northwest-1', endpoint: server.endpoint, forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  store = createS3ObjectStore({ bucket, region: 'cn-northwest-1', endpoint: server.endpoint, credentials });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('local S3 server', () => {
  it('takes a presigned POST within its policy, then serves, copies and deletes the object over signed requests', async () => {
    const ticket = await store.presignUpload({ key: 'pending/a', contentType: 'application/pdf', maxBytes: 100, expiresSeconds: 60 });
    expect((await post(ticket, '%PDF-1.7 hello')).status).toBe(204);
    const read = await store.read('pending/a');
    expect(read && { size: read.sizeBytes, type: read.contentType, text: Buffer.from(read.bytes).toString() }).toEqual({ size: 14, type: 'application/pdf', text: '%PDF-1.7 hello' });
    await store.copy('pending/a', 'files/中文 name');
    expect((await store.read('files/中文 name'))?.sizeBytes).toBe(14);
    await store.remove('pending/a');
    expect(await store.read('pending/a')).toBeNull();
  });

  it('refuses an expired policy, an oversized or empty file, another key, another content type and extra fields', async () => {
    const ticket = await store.presignUpload({ key: 'pending/b', contentType: 'application/pdf', maxBytes: 10, expiresSeconds: 60 });
    const codes = async (res: Response) => [res.status, (await res.text()).match(/<Code>(\w+)<\/Code>/)?.[1]];
    expect(await codes(await post(ticket, '%PDF-1.7 too long'))).toEqual([400, 'EntityTooLarge']);
    expect(await codes(await post(ticket, ''))).toEqual([400, 'EntityTooSmall']);
    expect(await codes(await post(ticket, '%PDF', { key: 'files/someone-else' }))).toEqual([403, 'AccessDenied']);
    expect(await codes(await post(ticket, '%PDF', { 'Content-Type': 'text/html' }))).toEqual([403, 'AccessDenied']);
    expect(await codes(await post(ticket, '%PDF', { acl: 'public-read' }))).toEqual([403, 'AccessDenied']);
    expect(await codes(await post(ticket, '%PDF', { Policy: Buffer.from('{"expiration":"2999-01-01T00:00:00Z","conditions":[]}').toString('base64') }))).toEqual([403, 'SignatureDoesNotMatch']);
    clock += 61_000;
    try {
      expect(await codes(await post(ticket, '%PDF'))).toEqual([403, 'AccessDenied']);
    } finally {
      clock -= 61_000;
    }
    expect(await store.read('pending/b')).toBeNull();
  });

  it('serves downloads only to valid, unexpired presigned URLs and names the file as asked', async () => {
    const ticket = await store.presignUpload({ key: 'files/c', contentType: 'application/pdf', maxBytes: 100, expiresSeconds: 60 });
    await post(ticket, '%PDF-1.7 c');
    const url = await store.presignDownload({ key: 'files/c', contentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent('合同.pdf')}`, contentType: 'application/pdf', expiresSeconds: 60 });
    const ok = await fetch(url);
    expect([ok.status, ok.headers.get('content-disposition'), await ok.text()]).toEqual([200, `attachment; filename*=UTF-8''${encodeURIComponent('合同.pdf')}`, '%PDF-1.7 c']);
    expect((await fetch(url.replace(/X-Amz-Signature=[0-9a-f]+/, `X-Amz-Signature=${'0'.repeat(64)}`))).status).toBe(403);
    expect((await fetch(url.replace('files/c', 'files/a'))).status).toBe(403);
    expect((await fetch(`${server.endpoint}/${bucket}/files/c`)).status).toBe(403);
    clock += 61_000;
    try {
      expect((await fetch(url)).status).toBe(403);
    } finally {
      clock -= 61_000;
    }
  });

  it('refuses SDK requests signed with the wrong secret', async () => {
    const forger = new S3Client({ region: 'cn-northwest-1', endpoint: server.endpoint, forcePathStyle: true, credentials: { ...credentials, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    await expect(forger.send(new HeadObjectCommand({ Bucket: bucket, Key: 'files/c' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});
