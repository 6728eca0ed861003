/**
 * Files attached to contracts, payments, listings and claims: which kinds each may carry, which file
 * types each kind takes, the size limit, safe file names, and the type read from the bytes themselves.
 * The storage (S3) and the records live elsewhere; these rules are pure.
 */
import * as z from 'zod';
import { DomainError } from './errors';

export const OWNER_TYPES = ['contract', 'payment', 'achievement', 'need', 'claim', 'thread', 'rd_input', 'application'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

/** Each owner's URL segment (`/contracts/:id/files`, `/files/contracts/…`): the one place it is spelled. */
export const OWNER_BY_SEGMENT = { contracts: 'contract', payments: 'payment', achievements: 'achievement', needs: 'need', claims: 'claim', threads: 'thread', inputs: 'rd_input', applications: 'application' } as const satisfies Record<string, OwnerType>;
export type OwnerSegment = keyof typeof OWNER_BY_SEGMENT;
export const OWNER_SEGMENTS = Object.fromEntries(Object.entries(OWNER_BY_SEGMENT).map(([segment, type]) => [type, segment])) as Record<OwnerType, OwnerSegment>;

export const FILE_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileType = keyof typeof FILE_TYPES;
/** File-name extension → content type, for clients that only know the name (the bytes are still checked). */
export const FILES_TYPES_BY_EXTENSION: Record<string, ContentType> = { pdf: FILE_TYPES.pdf, jpg: FILE_TYPES.jpeg, jpeg: FILE_TYPES.jpeg, png: FILE_TYPES.png, docx: FILE_TYPES.docx, xlsx: FILE_TYPES.xlsx };
export type ContentType = (typeof FILE_TYPES)[FileType];

const SCANS: readonly FileType[] = ['pdf', 'jpeg', 'png'];
const DOCUMENTS: readonly FileType[] = ['pdf', 'docx', 'xlsx'];

/** Per owner: the kinds of file it takes and the file types of each. */
export const ATTACHMENT_KINDS = {
  contract: { signed_contract: SCANS, supplement: [...DOCUMENTS, 'jpeg', 'png'] },
  payment: { invoice: SCANS, bank_slip: SCANS },
  achievement: { patent_certificate: SCANS, test_report: DOCUMENTS, image: ['jpeg', 'png'] },
  need: { drawing: [...SCANS, 'docx'], specification: DOCUMENTS },
  claim: { supporting_document: [...DOCUMENTS, 'jpeg', 'png'] },
  /** A deal's message thread: what the parties share while they negotiate (drafts, test reports, photos). */
  thread: { shared_document: [...DOCUMENTS, 'jpeg', 'png'] },
  /** A maturation project's R&D input: the bank slip or invoice showing the funds were in place. */
  rd_input: { funds_evidence: SCANS },
  /** A program application: the signed agreement (start-up grant) and anything else the bureau asks for. */
  application: { signed_agreement: SCANS, supporting_document: [...DOCUMENTS, 'jpeg', 'png'] },
} as const satisfies Record<OwnerType, Record<string, readonly FileType[]>>;
export type AttachmentKind = { [O in OwnerType]: keyof (typeof ATTACHMENT_KINDS)[O] }[OwnerType];
export const ALL_ATTACHMENT_KINDS = [...new Set(Object.values(ATTACHMENT_KINDS).flatMap((kinds) => Object.keys(kinds)))] as [AttachmentKind, ...AttachmentKind[]];

/** What must be attached before the record may move on: a contract to be submitted, a payment to be verified. */
export const REQUIRED_KINDS: Partial<Record<OwnerType, readonly AttachmentKind[]>> = {
  contract: ['signed_contract'],
  payment: ['invoice', 'bank_slip'],
  rd_input: ['funds_evidence'],
  application: ['signed_agreement'],
};

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How long a presigned POST stays usable; the upload record lives a day (TTL), the pending object too (lifecycle). */
export const UPLOAD_POLICY_SECONDS = 15 * 60;
/** How long a download link works. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** Listings choose per file; contracts, payments and claims are always for their parties only. */
export type Visibility = 'public' | 'confidential';

export function kindsOf(owner: OwnerType): string[] {
  return Object.keys(ATTACHMENT_KINDS[owner]);
}

export function fileTypesOf(owner: OwnerType, kind: string): readonly FileType[] {
  return (ATTACHMENT_KINDS[owner] as Record<string, readonly FileType[]>)[kind] ?? [];
}

export const requestUploadBody = z
  .object({
    kind: z.enum(ALL_ATTACHMENT_KINDS),
    fileName: z.string().min(1).max(255),
    contentType: z.enum(Object.values(FILE_TYPES) as [ContentType, ...ContentType[]]),
    sizeBytes: z.number().int().min(1).max(MAX_FILE_BYTES, { message: `at most ${MAX_FILE_BYTES / 1024 / 1024} MB` }),
    visibility: z.enum(['public', 'confidential']).optional().describe('Listings only; a need’s files default to confidential, an achievement’s to public'),
  })
  .strict();
export type RequestUploadBody = z.infer<typeof requestUploadBody>;

export const attachmentSchema = z.object({
  id: z.string(),
  ownerType: z.enum(OWNER_TYPES),
  ownerId: z.string(),
  kind: z.enum(ALL_ATTACHMENT_KINDS),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the stored bytes, hex'),
  visibility: z.enum(['public', 'confidential']),
  uploadedBy: z.string(),
  uploaderOrgId: z.string().nullable(),
  /** Set when the owner's decision fixed it (contract registered, payment verified): it can no longer be removed. */
  lockedAt: z.string().optional(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const uploadTicketSchema = z.object({
  uploadId: z.string(),
  url: z.string().describe('POST the form here: every field, then the file as the last field `file`'),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.string(),
  maxBytes: z.number().int(),
});

const issue = (path: string, code: string, message: string, messageZh: string) => new DomainError('validation_failed', [{ path, code, message, messageZh }]);

/** The request must name a kind this owner takes and a file type that kind allows. */
export function checkUploadRequest(owner: OwnerType, body: RequestUploadBody): FileType {
  if (!kindsOf(owner).includes(body.kind)) throw issue('kind', 'kind_not_allowed', `A ${owner} takes: ${kindsOf(owner).join(', ')}.`, `此处可上传的附件类别：${kindsOf(owner).join('、')}。`);
  const type = (Object.keys(FILE_TYPES) as FileType[]).find((t) => FILE_TYPES[t] === body.contentType)!;
  const allowed = fileTypesOf(owner, body.kind);
  if (!allowed.includes(type)) throw issue('contentType', 'file_type_not_allowed', `This kind of file must be ${allowed.join(', ').toUpperCase()}.`, `此类附件须为 ${allowed.join('、').toUpperCase()} 格式。`);
  const extension = safeFileName(body.fileName).split('.').pop()?.toLowerCase();
  const expected = type === 'jpeg' ? ['jpg', 'jpeg'] : [type];
  if (!extension || !expected.includes(extension)) throw issue('fileName', 'extension_mismatch', `The file name must end in .${expected[0]}.`, `文件名须以 .${expected[0]} 结尾。`);
  return type;
}

/**
 * A file name safe to store and to offer in Content-Disposition: no path, no control or reserved
 * characters, normalised, at most 120 characters with its extension kept. Chinese names stay as they are.
 */
export function safeFileName(name: string): string {
  const base = name.normalize('NFKC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return 'file';
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 120 - ext.length) + ext;
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * The file type from its first bytes (magic numbers), never from its name. DOCX and XLSX are ZIP
 * containers: told apart by the part names an OOXML package must contain.
 */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/** The content type the stored bytes really are must be the one declared. */
export function checkStoredBytes(declared: string, bytes: Uint8Array): void {
  const sniffed = sniffFileType(bytes);
  if (!sniffed || FILE_TYPES[sniffed] !== declared) {
    throw issue('file', 'content_mismatch', `The file's content is not a ${declared} file${sniffed ? ` (it is ${sniffed.toUpperCase()})` : ''}.`, `文件内容与声明的类型不符${sniffed ? `（实际为 ${sniffed.toUpperCase()}）` : ''}。`);
  }
}

/** RFC 6266 Content-Disposition for a download, with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
