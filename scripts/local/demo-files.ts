/**
 * Files for demo data, tests and benchmarks, uploaded the way a browser uploads them: a ticket from
 * `requestUpload`, the bytes POSTed to the presigned URL, then `confirmUpload`. No shortcut into storage.
 */
import type { Principal } from '../../shared/auth/principal';
import { FILES_TYPES_BY_EXTENSION, type Attachment, type OwnerType } from '../../shared/domain/attachment';
import { confirmUpload, requestUpload, type FilesDeps } from '../../shared/services/attachments';

/** A small but well-formed one-page PDF showing `lines` (ASCII). */
export function minimalPdf(lines: string[]): Uint8Array {
  const text = lines.map((l, i) => `BT /F1 12 Tf 56 ${780 - i * 18} Td (${l.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** POSTs a file to a presigned-POST ticket as a browser form would; returns the storage's status. */
export async function postFile(ticket: { url: string; fields: Record<string, string> }, bytes: Uint8Array, fileName: string): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await fetch(ticket.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/** Request, upload and confirm one file through the services. */
export async function attachFile(
  deps: FilesDeps,
  principal: Principal,
  owner: { type: OwnerType; id: string },
  file: { kind: Attachment['kind']; fileName: string; bytes: Uint8Array; visibility?: Attachment['visibility'] },
): Promise<Attachment> {
  const extension = file.fileName.split('.').pop()!.toLowerCase();
  const contentType = FILES_TYPES_BY_EXTENSION[extension];
  if (!contentType) throw new Error(`no content type for .${extension}`);
  const actor = { principal, requestId: 'demo-files' };
  const ticket = await requestUpload(deps, actor, owner.type, owner.id, { kind: file.kind, fileName: file.fileName, contentType, sizeBytes: file.bytes.byteLength, ...(file.visibility ? { visibility: file.visibility } : {}) });
  const status = await postFile(ticket, file.bytes, file.fileName);
  if (status !== 204) throw new Error(`storage refused the upload (${status})`);
  return (await confirmUpload(deps, actor, owner.type, owner.id, ticket.uploadId)).attachment;
}
