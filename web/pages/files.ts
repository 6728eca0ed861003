/**
 * The files panel on contract, payment, listing and claim pages: what is attached (open/download, size,
 * date, SHA-256 for the bureau) and, for whoever may add files, an upload form. The upload itself runs in
 * the browser (web/scripts.ts FILES_JS): the bytes go straight to storage with a presigned POST, with a
 * progress bar and the refusal, if any, shown under the form.
 */
import { FILE_TYPES, fileTypesOf, MAX_FILE_BYTES, OWNER_SEGMENTS, type Attachment, type OwnerType } from '../../shared/domain/attachment';
import { shanghaiDate } from '../../shared/domain/listing-common';
import { escapeHtml } from '../../shared/text/escape-html';
import { csrfInput } from '../forms';
import { tx, type Lang } from '../i18n';

const KIND_LABELS: Record<string, [zh: string, en: string]> = {
  signed_contract: ['签章合同', 'Signed contract'],
  supplement: ['补充材料', 'Supplement'],
  invoice: ['发票', 'Invoice'],
  bank_slip: ['银行回单', 'Bank slip'],
  patent_certificate: ['专利证书', 'Patent certificate'],
  test_report: ['检测报告', 'Test report'],
  image: ['图片', 'Image'],
  drawing: ['图纸', 'Drawing'],
  specification: ['技术规格', 'Specification'],
  supporting_document: ['证明材料', 'Supporting document'],
  shared_document: ['洽谈文件', 'Shared document'],
  funds_evidence: ['资金到位凭证', 'Funds-in-place evidence'],
  signed_agreement: ['与市政府签订的协议', 'Signed agreement with the city'],
};

/** The upload script every page with an upload form loads (the file goes straight to storage). */
export const FILES_SCRIPT = '<script src="/assets/files.js" defer></script>';

export const kindLabel = (lang: Lang, kind: string) => {
  const pair = KIND_LABELS[kind];
  return pair ? tx(lang, pair[0], pair[1]) : kind;
};


function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(Math.round((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
}

export interface FilesPanel {
  owner: { type: OwnerType; id: string };
  files: Attachment[];
  /** Kinds the viewer may upload now; empty: no form. */
  uploadKinds?: readonly string[];
  /** Listings: the uploader chooses public or confidential. */
  chooseVisibility?: boolean;
  /** The bureau checks the full hash; others see its start. */
  fullHash?: boolean;
  canRemove?: boolean;
  /** Where a removal returns to. */
  back: string;
  csrf: string;
  /** Headline; default "附件". */
  title?: string;
  compact?: boolean;
}

/** One file: its link (opens the download), kind, size and hash. */
function fileItem(lang: Lang, owner: { type: OwnerType; id: string }, f: Attachment, fullHash: boolean): string {
      const href = `/files/${OWNER_SEGMENTS[owner.type]}/${escapeHtml(owner.id)}/${escapeHtml(f.id)}`;
      const hash = fullHash ? f.sha256 : `${f.sha256.slice(0, 12)}…`;
      return `<a href="${href}" target="_blank" rel="noopener">${escapeHtml(f.fileName)}</a> <span class="hint">${escapeHtml(kindLabel(lang, f.kind))} · ${size(f.sizeBytes)} · ${escapeHtml(shanghaiDate(new Date(f.createdAt)))}${f.visibility === 'confidential' && (owner.type === 'achievement' || owner.type === 'need') ? ` · ${tx(lang, '保密', 'Confidential')}` : ''}</span><br><span class="hint hash" title="SHA-256 ${escapeHtml(f.sha256)}">SHA-256 <code>${escapeHtml(hash)}</code></span>`;
}

export function fileLinks(lang: Lang, owner: { type: OwnerType; id: string }, files: Attachment[], fullHash = false): string {
  if (!files.length) return `<span class="hint">${tx(lang, '未上传附件', 'No files')}</span>`;
  return `<ul class="files">${files.map((f) => `<li>${fileItem(lang, owner, f, fullHash)}</li>`).join('')}</ul>`;
}

export function uploadForm(lang: Lang, panel: Pick<FilesPanel, 'owner' | 'uploadKinds' | 'chooseVisibility' | 'csrf'>): string {
  const kinds = panel.uploadKinds ?? [];
  if (!kinds.length) return '';
  const segment = OWNER_SEGMENTS[panel.owner.type];
  const id = `${panel.owner.type}-${panel.owner.id}`;
  const accept = [...new Set(kinds.flatMap((k) => fileTypesOf(panel.owner.type, k)))].map((t) => FILE_TYPES[t]).join(',');
  const kindOptions = kinds.map((k) => `<option value="${escapeHtml(k)}">${escapeHtml(kindLabel(lang, k))}（${fileTypesOf(panel.owner.type, k).join(' / ').toUpperCase()}）</option>`).join('');
  return `<form class="upload panel spaced" data-upload="/files/${segment}/${escapeHtml(panel.owner.id)}" method="post" action="/files/${segment}/${escapeHtml(panel.owner.id)}/uploads" enctype="multipart/form-data">${csrfInput(panel.csrf)}
<div class="field"><label for="uk-${escapeHtml(id)}">${tx(lang, '附件类别', 'Kind of file')}</label><select id="uk-${escapeHtml(id)}" name="kind">${kindOptions}</select></div>
${panel.chooseVisibility ? `<div class="field"><label for="uv-${escapeHtml(id)}">${tx(lang, '公开范围', 'Who may see it')}</label><select id="uv-${escapeHtml(id)}" name="visibility"><option value="${panel.owner.type === 'need' ? 'confidential' : 'public'}">${panel.owner.type === 'need' ? tx(lang, '保密（仅本机构与市科技局）', 'Confidential (your organisation and the bureau)') : tx(lang, '公开', 'Public')}</option><option value="${panel.owner.type === 'need' ? 'public' : 'confidential'}">${panel.owner.type === 'need' ? tx(lang, '公开', 'Public') : tx(lang, '保密（仅本机构与市科技局）', 'Confidential (your organisation and the bureau)')}</option></select></div>` : ''}
<div class="field"><label for="uf-${escapeHtml(id)}">${tx(lang, '选择文件', 'Choose a file')}</label><input id="uf-${escapeHtml(id)}" type="file" name="file" accept="${accept}" required><p class="hint">${tx(lang, `单个文件不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB；类型以文件内容为准。`, `Up to ${MAX_FILE_BYTES / 1024 / 1024} MB; the type is checked from the file's content.`)}</p></div>
<progress max="100" value="0" hidden></progress><p class="field-error" role="alert" hidden></p>
<noscript><p class="hint">${tx(lang, '上传附件需要启用 JavaScript（文件直接传送到存储）。', 'Uploading needs JavaScript (the file goes straight to storage).')}</p></noscript>
<button type="submit">${tx(lang, '上传', 'Upload')}</button></form>`;
}

export function filesPanel(lang: Lang, panel: FilesPanel): string {
  const rows = panel.files
    .map((f) => {
      const remove = panel.canRemove
        ? `<form class="inline" method="post" action="/files/${OWNER_SEGMENTS[panel.owner.type]}/${escapeHtml(panel.owner.id)}/${escapeHtml(f.id)}/remove">${csrfInput(panel.csrf)}<input type="hidden" name="back" value="${escapeHtml(panel.back)}"><button class="secondary" type="submit">${tx(lang, '删除', 'Remove')}</button></form>`
        : '';
      return `<li>${fileItem(lang, panel.owner, f, panel.fullHash ?? false)} ${remove}</li>`;
    })
    .join('');
  const title = panel.title ?? tx(lang, '附件', 'Files');
  const heading = panel.compact ? '' : `<h2>${title}</h2>`;
  return `<section class="files-panel">${heading}${rows ? `<ul class="files">${rows}</ul>` : `<p class="summary">${tx(lang, '尚未上传附件。', 'No files yet.')}</p>`}${uploadForm(lang, panel)}</section>`;
}
