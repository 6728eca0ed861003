/** Registering an organisation: the first thing a newcomer does, before the bureau verifies it. */
import { DISTRICTS } from '../../shared/domain/districts';
import type { FieldIssue } from '../../shared/domain/errors';
import { escapeHtml } from '../../shared/text/escape-html';
import { csrfInput, errorFor, field } from '../forms';
import { t, tx } from '../i18n';
import { label } from '../labels';
import { layout, type PageContext } from '../layout';
import { contactFields, formAlerts } from './workspace';

/** The types a person may register themselves; government bodies are registered by the bureau. */
export const SELF_REGISTERED_TYPES = ['university', 'institute', 'enterprise', 'transfer_center'] as const;

export function organisationFormPage(ctx: PageContext, values: Record<string, string>, issues: FieldIssue[], csrf: string, message?: string): string {
  const { lang } = ctx;
  const v = (k: string) => values[k] ?? '';
  const select = (name: string, caption: string, options: readonly string[], text: (o: string) => string) =>
    `<div class="field"><label for="f-${name}">${caption} <span aria-hidden="true">*</span></label><select id="f-${name}" name="${name}" required><option value="">${tx(lang, '请选择', 'Choose')}</option>${options
      .map((o) => `<option value="${escapeHtml(o)}"${v(name) === o ? ' selected' : ''}>${escapeHtml(text(o))}</option>`)
      .join('')}</select>${errorFor(lang, issues, name)}</div>`;
  const title = tx(lang, '注册机构', 'Register your organisation');
  return layout(
    ctx,
    title,
    `<h1>${title}</h1>
<p class="summary">${tx(lang, '提交后由市科技局核验统一社会信用代码与资质，认证通过后即可发布成果或需求、登记技术合同。', 'The bureau checks the unified social credit code and the organisation’s standing; once verified you can publish achievements or needs and record contracts.')}</p>
${formAlerts(lang, issues, message)}
<form class="panel" method="post" action="/orgs/new" novalidate>${csrfInput(csrf)}
${field({ lang, name: 'name', label: tx(lang, '机构全称', 'Full legal name'), value: v('name'), required: true, issues, attrs: 'maxlength="100"' })}
${select('type', tx(lang, '机构类型', 'Type'), SELF_REGISTERED_TYPES, (o) => label(lang, 'orgType', o as never))}
${field({ lang, name: 'creditCode', label: tx(lang, '统一社会信用代码', 'Unified social credit code'), value: v('creditCode'), required: true, issues, hint: tx(lang, '18 位，见营业执照或事业单位法人证书。', '18 characters, as on the business licence or public-institution certificate.'), attrs: 'maxlength="18" autocapitalize="characters" spellcheck="false"' })}
${select('district', t(lang, 'district'), DISTRICTS, (o) => label(lang, 'district', o as never))}
${field({ lang, name: 'address', label: tx(lang, '地址', 'Address'), value: v('address'), issues })}
${field({ lang, name: 'website', label: tx(lang, '网站', 'Website'), value: v('website'), type: 'url', issues, attrs: 'placeholder="https://"' })}
${field({ lang, name: 'description', label: tx(lang, '简介', 'About'), value: v('description'), textarea: true, issues })}
${contactFields(lang, v, issues)}
<button type="submit">${tx(lang, '提交认证', 'Submit for verification')}</button></form>`,
  );
}

/** On the workspace of someone without a verified organisation: where they stand and what to do next. */
export function organisationStatusSection(ctx: PageContext, org: { name: string; verification: { status: string; reason?: string | null } } | null): string {
  const { lang } = ctx;
  if (!org) {
    return `<section class="panel"><h2>${tx(lang, '加入平台的第一步', 'First step')}</h2><p>${tx(lang, '您还没有所属机构。注册您的高校、科研院所、企业或技术转移机构，经市科技局认证后即可开展业务。', 'You do not belong to an organisation yet. Register your university, institute, enterprise or transfer center; once the bureau verifies it you can start.')}</p><p><a class="button" href="/orgs/new">${tx(lang, '注册机构', 'Register your organisation')}</a></p></section>`;
  }
  if (org.verification.status === 'pending') {
    return `<p class="notice" role="status">${escapeHtml(tx(lang, `“${org.name}”已提交，正在等待市科技局认证。`, `“${org.name}” is waiting for the bureau’s verification.`))}</p>`;
  }
  if (org.verification.status === 'rejected') {
    return `<p class="field-error" role="status">${escapeHtml(tx(lang, `“${org.name}”未通过认证`, `“${org.name}” was not verified`))}${org.verification.reason ? `：${escapeHtml(org.verification.reason)}` : ''}</p>`;
  }
  return '';
}
