/**
 * Attachments end to end over the API, DynamoDB Local and the local S3 server: presigned POST uploads,
 * the checks on type, size, expiry and keys, who may read and download what, the files a decision
 * requires, and the registered contract's files staying exactly as registered.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf, postFile } from '../../scripts/local/demo-files';
import { achievementInput } from '../fixtures';
import { problem, startHarness, TEST_NOW, type Harness } from './harness';

let h: Harness;
let apiNow = TEST_NOW;
let s3SkewMs = 0;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function draftContract(tc: string) {
  return json(
    await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: '硅片切割工艺技术许可合同', kind: 'licence', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 50_000_000, signedOn: '2026-10-15' } }),
    201,
  ) as Promise<{ id: string }>;
}

function ticket(token: string, owner: string, body: Record<string, unknown>) {
  return h.call('POST', `/api/v1/${owner}/uploads`, { token, body: { kind: 'signed_contract', fileName: '合同.pdf', contentType: 'application/pdf', sizeBytes: 1000, ...body } });
}

const confirm = (token: string, owner: string, uploadId: string) => h.call('POST', `/api/v1/${owner}/uploads/${uploadId}/confirm`, { token });

beforeAll(async () => {
  h = await startHarness({ now: () => apiNow, s3Now: () => new Date(Date.now() + s3SkewMs) });
});

describe('uploading through a presigned POST', () => {
  it('attaches the exact bytes with their SHA-256; the broker and the parties download them, a second confirm changes nothing', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const contract = await draftContract(tc);
    const bytes = minimalPdf(['signed contract', contract.id]);
    const t = await json(await ticket(tc, `contracts/${contract.id}`, { sizeBytes: bytes.byteLength, fileName: '..\\..\\技术合同\u202e(签章).pdf' }), 201);
    expect(t.fields.key).toBe(`pending/${t.uploadId}`);
    expect(t.fields['Content-Type']).toBe('application/pdf');
    expect(await postFile(t, bytes, 'x.pdf')).toBe(204);
    const attached = await json(await confirm(tc, `contracts/${contract.id}`, t.uploadId), 201);
    expect(attached).toMatchObject({ kind: 'signed_contract', fileName: '技术合同(签章).pdf', sizeBytes: bytes.byteLength, sha256: sha256(bytes), visibility: 'confidential' });
    expect(attached).not.toHaveProperty('objectKey');
    expect((await confirm(tc, `contracts/${contract.id}`, t.uploadId)).status).toBe(200);
    expect((await json(await h.call('GET', `/api/v1/contracts/${contract.id}/files`, { token: tc }), 200)).items.map((f: { id: string }) => f.id)).toEqual([attached.id]);

    for (const reader of ['demo-tc-xjtu', 'demo-nxist', 'demo-ent-pv', 'demo-admin']) {
      const res = await h.call('GET', `/api/v1/contracts/${contract.id}/files/${attached.id}`, { token: await h.token(reader) });
      expect(res.status, reader).toBe(302);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const download = await fetch(res.headers.get('location')!);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('技术合同(签章).pdf'));
      expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(attached.sha256);
    }
  });

  it('refuses a type the kind does not take, a name that does not fit, a size over 20 MB, and bytes that are not what was declared', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const contract = await draftContract(tc);
    const owner = `contracts/${contract.id}`;
    const refused = async (body: Record<string, unknown>) => (await problem(await ticket(tc, owner, body), 400)).errors![0]!;
    expect(await refused({ contentType: 'text/html', fileName: 'a.html' })).toMatchObject({ path: 'contentType' });
    expect(await refused({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'a.docx' })).toMatchObject({ path: 'contentType', code: 'file_type_not_allowed' });
    expect(await refused({ fileName: 'scan.exe' })).toMatchObject({ path: 'fileName', code: 'extension_mismatch' });
    expect(await refused({ sizeBytes: 20 * 1024 * 1024 + 1 })).toMatchObject({ path: 'sizeBytes' });
    expect(await refused({ kind: 'invoice' })).toMatchObject({ path: 'kind', code: 'kind_not_allowed' });
    const extra = await problem(await ticket(tc, owner, { acl: 'public-read' }), 400);
    expect(extra.errors![0]!.path).toBe('acl');

    // Declared PDF, stored PNG: found out from the bytes, the object removed, nothing attached.
    const t = await json(await ticket(tc, owner, { sizeBytes: PNG.byteLength }), 201);
    expect(await postFile(t, PNG, 'scan.pdf')).toBe(204);
    expect((await problem(await confirm(tc, owner, t.uploadId), 400)).errors![0]).toMatchObject({ path: 'file', code: 'content_mismatch' });
    expect(await h.files.store.read(`pending/${t.uploadId}`)).toBeNull();
    expect((await json(await h.call('GET', `/api/v1/${owner}/files`, { token: tc }), 200)).items).toEqual([]);

    // The storage holds the policy's size limit itself: one byte over 20 MB never lands.
    const big = await json(await ticket(tc, owner, { sizeBytes: 1000 }), 201);
    const oversized = new Uint8Array(20 * 1024 * 1024 + 1);
    oversized.set(minimalPdf(['big']));
    expect(await postFile(big, oversized, 'big.pdf')).toBe(400);
    expect((await problem(await confirm(tc, owner, big.uploadId), 409)).code).toBe('upload_not_received');
  });

  it('an expired policy is refused by the storage and the upload cannot be confirmed', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const contract = await draftContract(tc);
    const owner = `contracts/${contract.id}`;
    const t = await json(await ticket(tc, owner, {}), 201);
    s3SkewMs = 16 * 60_000;
    try {
      expect(await postFile(t, minimalPdf(['late']), 'late.pdf')).toBe(403);
    } finally {
      s3SkewMs = 0;
    }
    apiNow = new Date(TEST_NOW.getTime() + 16 * 60_000);
    try {
      expect((await problem(await confirm(tc, owner, t.uploadId), 409)).code).toBe('upload_expired');
    } finally {
      apiNow = TEST_NOW;
    }
  });

  it('a ticket works for its own key only; another organisation cannot confirm, list or add to what is not its own', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const other = await h.token('demo-tc-market');
    const contract = await draftContract(tc);
    const owner = `contracts/${contract.id}`;
    const mine = await json(await ticket(tc, owner, {}), 201);
    const theirs = await json(await ticket(other, `contracts/${(await draftContract(other)).id}`, {}), 201);
    // Their ticket, my pending key: the storage refuses, my upload stays empty.
    expect(await postFile({ url: theirs.url, fields: { ...theirs.fields, key: mine.fields.key } }, minimalPdf(['forged']), 'f.pdf')).toBe(403);
    expect(await h.files.store.read(mine.fields.key)).toBeNull();
    expect(await postFile(mine, minimalPdf(['mine']), 'm.pdf')).toBe(204);
    // Someone else's upload id does not exist for them, nor does my contract.
    expect((await problem(await confirm(other, owner, mine.uploadId), 404)).code).toBe('not_found');
    expect((await problem(await ticket(other, owner, {}), 404)).code).toBe('not_found');
    // A party that is not the broker reads but does not add.
    expect((await problem(await ticket(await h.token('demo-nxist'), owner, {}), 403)).code).toBe('not_owner');
    expect((await json(await confirm(tc, owner, mine.uploadId), 201)).kind).toBe('signed_contract');
  });
});

describe('who may see and download', () => {
  it('files of a contract, its payments and claims: parties and admins only (permission matrix)', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const contract = await draftContract(tc);
    await h.submitForRegistration(contract.id, tc);
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: await h.token('demo-admin'), body: { decision: 'registered' } }), 200);
    const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 10_000_000, paidOn: '2026-11-20', evidenceRef: `回单 ${registered.registrationNumber}` } }), 201);
    const slip = await h.attach(tc, `payments/${payment.id}`, 'invoice');
    const [signed] = (await json(await h.call('GET', `/api/v1/contracts/${contract.id}/files`, { token: tc }), 200)).items;
    const cases = [
      [`contracts/${contract.id}`, signed.id],
      [`payments/${payment.id}`, slip.id],
    ] as const;
    const matrix: Record<string, number[]> = {};
    // The broker goes last: it is the one caller whose removal succeeds.
    for (const caller of ['demo-nxist', 'demo-ent-pv', 'demo-admin', 'demo-tc-market', 'demo-nxu', 'demo-ent-chem', null, 'demo-tc-xjtu']) {
      const token = caller ? await h.token(caller) : undefined;
      const statuses: number[] = [];
      for (const [owner, fileId] of cases) {
        statuses.push((await h.call('GET', `/api/v1/${owner}/files`, token ? { token } : {})).status);
        statuses.push((await h.call('GET', `/api/v1/${owner}/files/${fileId}`, token ? { token } : {})).status);
        statuses.push((await h.call('DELETE', `/api/v1/${owner}/files/${fileId}`, token ? { token } : {})).status);
      }
      matrix[caller ?? 'anonymous'] = statuses;
    }
    // Per owner: list, download, remove. The broker may not remove decided files (409); parties and admins read only.
    expect(matrix).toEqual({
      'demo-tc-xjtu': [200, 302, 409, 200, 302, 204],
      'demo-nxist': [200, 302, 403, 200, 302, 403],
      'demo-ent-pv': [200, 302, 403, 200, 302, 403],
      'demo-admin': [200, 302, 403, 200, 302, 403],
      'demo-tc-market': [404, 404, 404, 404, 404, 404],
      'demo-nxu': [404, 404, 404, 404, 404, 404],
      'demo-ent-chem': [404, 404, 404, 404, 404, 404],
      anonymous: [401, 401, 401, 401, 401, 401],
    });
  });

  it('listings: public files for everyone once published, confidential ones for the owner and admins, none of it in search', async () => {
    const uni = await h.token('demo-nxist');
    const achievement = await json(await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput({ title: '硅片金刚线细线化切割工艺' }) }), 201);
    const owner = `achievements/${achievement.id}`;
    const certificate = await h.attach(uni, owner, 'patent_certificate', { fileName: '专利证书ZL2023公开.pdf' });
    const report = await h.attach(uni, owner, 'test_report', { fileName: '检测报告保密版.pdf', visibility: 'confidential' });
    const image = await h.attach(uni, owner, 'image', { fileName: '样品照片.png', bytes: PNG });
    const names = async (token?: string) => (await json(await h.call('GET', `/api/v1/${owner}/files`, token ? { token } : {}), 200)).items.map((f: { fileName: string }) => f.fileName).sort();
    // A draft's files do not exist for others.
    expect((await h.call('GET', `/api/v1/${owner}/files`)).status).toBe(404);
    await json(await h.call('POST', `/api/v1/achievements/${achievement.id}/publish`, { token: uni }), 200);
    await h.drain();
    expect(await names()).toEqual(['专利证书ZL2023公开.pdf', '样品照片.png']);
    expect(await names(await h.token('demo-ent-pv'))).toEqual(['专利证书ZL2023公开.pdf', '样品照片.png']);
    expect(await names(uni)).toHaveLength(3);
    expect(await names(await h.token('demo-admin'))).toHaveLength(3);
    expect((await h.call('GET', `/api/v1/${owner}/files/${certificate.id}`)).status).toBe(302);
    expect((await h.call('GET', `/api/v1/${owner}/files/${report.id}`)).status).toBe(404);
    expect((await h.call('GET', `/api/v1/${owner}/files/${report.id}`, { token: await h.token('demo-ent-pv') })).status).toBe(404);
    expect((await h.call('DELETE', `/api/v1/${owner}/files/${image.id}`, { token: await h.token('demo-ent-pv') })).status).toBe(403);
    const hall = await json(await h.call('GET', `/api/v1/achievements?q=${encodeURIComponent('检测报告保密版')}`), 200);
    expect(JSON.stringify(hall)).not.toContain('检测报告保密版');
    const detail = await json(await h.call('GET', `/api/v1/achievements/${achievement.id}`), 200);
    expect(JSON.stringify(detail)).not.toContain('检测报告保密版');
  });
});

describe('files a decision depends on', () => {
  it('a contract is not submitted without its signed contract, nor a payment verified without its invoice or bank slip; nothing changes', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const admin = await h.token('demo-admin');
    const contract = await draftContract(tc);
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/submit`, { token: tc }), 409)).code).toBe('attachment_required');
    // The queue only holds submitted contracts: a draft cannot be registered.
    expect((await problem(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: admin, body: { decision: 'registered' } }), 409)).code).toBe('invalid_transition');
    expect((await json(await h.call('GET', `/api/v1/contracts/${contract.id}`, { token: tc }), 200)).status).toBe('draft');

    await h.submitForRegistration(contract.id, tc);
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: admin, body: { decision: 'registered' } }), 200);
    const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 10_000_000, paidOn: '2026-11-20', evidenceRef: `回单 ${registered.registrationNumber}` } }), 201);
    expect((await problem(await h.call('POST', `/api/v1/payments/${payment.id}/verify`, { token: admin, body: { decision: 'verified' } }), 409)).code).toBe('attachment_required');
    expect((await json(await h.call('GET', `/api/v1/contracts/${contract.id}/payments`, { token: tc }), 200)).items[0].status).toBe('recorded');
    await h.attach(tc, `payments/${payment.id}`, 'bank_slip', { fileName: '回单.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]) });
    expect((await json(await h.call('POST', `/api/v1/payments/${payment.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200)).status).toBe('verified');
    // A verified payment's evidence is fixed.
    expect((await problem(await ticket(tc, `payments/${payment.id}`, { kind: 'invoice' }), 409)).code).toBe('files_locked');
  });

  it('a registered contract keeps the exact files it was registered with', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const contract = await draftContract(tc);
    const original = await h.attach(tc, `contracts/${contract.id}`, 'signed_contract', { fileName: '签章版.pdf' });
    await json(await h.call('POST', `/api/v1/contracts/${contract.id}/submit`, { token: tc }), 200);
    // Submitted: the signed contract can be neither replaced nor removed.
    expect((await problem(await ticket(tc, `contracts/${contract.id}`, {}), 409)).code).toBe('files_locked');
    expect((await problem(await h.call('DELETE', `/api/v1/contracts/${contract.id}/files/${original.id}`, { token: tc }), 409)).code).toBe('files_locked');
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: await h.token('demo-admin'), body: { decision: 'registered' } }), 200);
    expect(registered.registeredFiles).toEqual([{ id: original.id, kind: 'signed_contract', fileName: '签章版.pdf', sha256: original.sha256 }]);
    // A supplement may follow; it is added beside the registered files, never in their place.
    const supplement = await h.attach(tc, `contracts/${contract.id}`, 'supplement', { fileName: '补充协议.pdf' });
    const after = await json(await h.call('GET', `/api/v1/contracts/${contract.id}`, { token: tc }), 200);
    expect(after.registeredFiles).toEqual(registered.registeredFiles);
    const files = (await json(await h.call('GET', `/api/v1/contracts/${contract.id}/files`, { token: tc }), 200)).items;
    expect(files.map((f: { id: string; sha256: string }) => [f.id, f.sha256])).toEqual([[original.id, original.sha256], [supplement.id, supplement.sha256]]);
    const trail = await json(await h.call('GET', `/api/v1/contracts/${contract.id}/audit`, { token: await h.token('demo-admin') }), 200);
    expect(trail.items.filter((a: { action: string }) => a.action === 'attach')).toHaveLength(2);
  });
});
