/**
 * Pages of a deal's conversation: one interest (or proposal) with its decision and, once accepted, the
 * message thread; the list of my organisation's threads; my mail settings; and the signed-out
 * unsubscribe page a mail's link opens.
 */
import { DECLINE_REASONS } from '../../shared/domain/interest';
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind, type MailPreferences } from '../../shared/domain/mail';
import type { Message, ThreadParty, ThreadSummary } from '../../shared/domain/message';
import type { FieldIssue } from '../../shared/domain/errors';
import { escapeHtml } from '../../shared/text/escape-html';
import { formatDate, formatFen } from '../format';
import { csrfInput, errorFor } from '../forms';
import { pick, tx, type Lang } from '../i18n';
import { label } from '../labels';
import { layout, type PageContext } from '../layout';

type Row = Record<string, any>;
const flashLine = (flash?: string) => (flash ? `<p class="flash" role="status">${escapeHtml(flash)}</p>` : '');

const ROLE_WORDS: Record<ThreadParty['role'], [string, string]> = { owner: ['发布方', 'listing owner'], sender: ['意向方', 'sender'], broker: ['技术经纪', 'broker'] };

function statusLine(lang: Lang, i: Row): string {
  if (i.status === 'pending') return tx(lang, '待发布方处理', 'Awaiting the owner’s answer');
  if (i.status === 'accepted') return tx(lang, '已接受：双方可在下方洽谈', 'Accepted: both sides can talk below');
  if (i.status === 'declined') return tx(lang, `已婉拒：${i.decline?.labelZh ?? ''}`, `Declined: ${i.decline?.labelEn ?? ''}`);
  return tx(lang, '已撤回', 'Withdrawn');
}

function decisionForms(lang: Lang, csrf: string, id: string): string {
  const reasons = DECLINE_REASONS.map((r) => `<option value="${r}">${escapeHtml(label(lang, 'declineReason', r))}</option>`).join('');
  const back = `<input type="hidden" name="next" value="interest">`;
  return `<div class="panel"><h2 class="flush">${tx(lang, '答复', 'Your answer')}</h2>
<form class="inline" method="post" action="/interests/${id}/accept">${csrfInput(csrf)}${back}<button type="submit">${tx(lang, '接受', 'Accept')}</button></form>
<form class="spaced" method="post" action="/interests/${id}/decline">${csrfInput(csrf)}${back}<label for="reason">${tx(lang, '婉拒理由', 'Reason for declining')}</label> <select id="reason" name="reason">${reasons}</select> <button class="secondary" type="submit">${tx(lang, '婉拒', 'Decline')}</button></form></div>`;
}

function threadSection(lang: Lang, csrf: string, id: string, thread: { parties: ThreadParty[]; messages: Message[]; unreadBefore: number }, myOrgId: string, issues: FieldIssue[], draft: string): string {
  const who = thread.parties.map((p) => `${escapeHtml(p.orgName)}${escapeHtml(lang === 'zh' ? `（${ROLE_WORDS[p.role][0]}）` : ` (${ROLE_WORDS[p.role][1]})`)}`).join(lang === 'zh' ? '、' : ', ');
  const firstUnread = thread.messages.filter((m) => m.authorOrgId !== myOrgId).length - thread.unreadBefore;
  let inbound = 0;
  const items = thread.messages
    .map((m) => {
      const mine = m.authorOrgId === myOrgId;
      const isNew = !mine && inbound++ >= firstUnread;
      return `<li class="message${mine ? ' mine' : ''}" id="m${m.seq}"><p class="hint">${escapeHtml(m.authorName)} · ${escapeHtml(m.authorOrgName)} · <time datetime="${escapeHtml(m.createdAt)}">${escapeHtml(formatDate(m.createdAt, lang))}</time>${isNew ? ` · <strong>${tx(lang, '新', 'new')}</strong>` : ''}</p><p class="body">${escapeHtml(m.body).replace(/\n/g, '<br>')}</p></li>`;
    })
    .join('');
  return `<section id="messages" aria-labelledby="messages-h"><h2 id="messages-h">${tx(lang, '洽谈消息', 'Messages')}</h2>
<p class="summary">${tx(lang, '参与方：', 'Parties: ')}${who}${tx(lang, '。仅参与方可见。', '. Only the parties can read this.')}</p>
${items ? `<ol class="messages plain">${items}</ol>` : `<p class="summary">${tx(lang, '还没有消息。写下第一条，开始洽谈。', 'No messages yet. Write the first one.')}</p>`}
<form class="panel" method="post" action="/me/interests/${id}/messages">${csrfInput(csrf)}
<label for="body">${tx(lang, '新消息', 'New message')}</label>
<textarea id="body" name="body" rows="4" maxlength="4000" required${issues.length ? ' aria-invalid="true" aria-describedby="body-error"' : ''}>${escapeHtml(draft)}</textarea>${errorFor(lang, issues, 'body')}
<p class="hint">${tx(lang, '对方会收到邮件提醒（同一洽谈每 15 分钟至多一封）。', 'The others are e-mailed (at most one mail per thread every 15 minutes).')}</p>
<button type="submit">${tx(lang, '发送', 'Send')}</button></form></section>`;
}

export function interestPage(
  ctx: PageContext,
  data: { interest: Row | null; title: string; canDecide: boolean; thread: { parties: ThreadParty[]; messages: Message[]; unreadBefore: number } | null; myOrgId: string; csrf: string; flash?: string; issues?: FieldIssue[]; draft?: string; threadClosed?: boolean; files?: string },
): string {
  const { lang } = ctx;
  const i = data.interest;
  const kind = i?.kind === 'proposal' ? tx(lang, '揭榜方案', 'Challenge proposal') : tx(lang, '合作意向', 'Interest');
  const hall = i?.listingKind === 'need' ? 'needs' : 'achievements';
  const detail = i
    ? `<dl class="facts">
<dt>${tx(lang, '条目', 'Listing')}</dt><dd><a href="/${hall}/${escapeHtml(i.listingId)}">${escapeHtml(i.listingTitle)}</a></dd>
<dt>${tx(lang, '来自', 'From')}</dt><dd>${escapeHtml(i.senderOrgName)}</dd>
<dt>${tx(lang, '状态', 'Status')}</dt><dd>${escapeHtml(statusLine(lang, i))}</dd>
<dt>${tx(lang, '提交时间', 'Sent on')}</dt><dd>${escapeHtml(formatDate(i.createdAt, lang))}</dd>
${i.quoteFen ? `<dt>${tx(lang, '报价', 'Quote')}</dt><dd>${escapeHtml(formatFen(i.quoteFen))}</dd>` : ''}
${i.contact ? `<dt>${tx(lang, '意向方联系人', 'Sender’s contact')}</dt><dd>${escapeHtml(`${i.contact.name} ${i.contact.phone} ${i.contact.email ?? ''}`)}</dd>` : ''}
${i.disclosure ? `<dt>${tx(lang, '发布方联系人', 'Owner’s contact')}</dt><dd>${escapeHtml(`${i.disclosure.contact.name} ${i.disclosure.contact.phone} ${i.disclosure.contact.email ?? ''}`)}</dd><dt>${tx(lang, '保密技术细节', 'Confidential detail')}</dt><dd>${escapeHtml(i.disclosure.confidentialDetail)}</dd>` : ''}
</dl>
<h2>${tx(lang, '留言', 'Message')}</h2><p>${escapeHtml(i.message)}</p>${i.plan ? `<h2>${tx(lang, '揭榜方案', 'Plan')}</h2><p>${escapeHtml(i.plan)}</p>` : ''}`
    : '';
  const thread = data.thread
    ? threadSection(lang, data.csrf, escapeHtml(data.thread && i ? i.id : ''), data.thread, data.myOrgId, data.issues ?? [], data.draft ?? '')
    : data.threadClosed
      ? `<p class="summary">${tx(lang, '意向被接受后，双方即可在此洽谈。', 'Once accepted, both sides can message each other here.')}</p>`
      : '';
  return layout(
    ctx,
    data.title,
    `<p><a href="/me/messages">${tx(lang, '← 全部洽谈', '← All threads')}</a></p><h1>${escapeHtml(kind)}：${escapeHtml(data.title)}</h1>${flashLine(data.flash)}
${detail}
${data.canDecide ? decisionForms(lang, data.csrf, escapeHtml(i!.id)) : ''}
${thread}
${data.files ?? ''}`,
  );
}

/** The broker's view: the thread only (the interest itself belongs to its two organisations). */
export function brokerThreadPage(ctx: PageContext, data: { id: string; title: string; thread: { parties: ThreadParty[]; messages: Message[]; unreadBefore: number }; myOrgId: string; csrf: string; flash?: string; issues?: FieldIssue[]; draft?: string; files?: string }): string {
  return layout(ctx, data.title, `<p><a href="/me/messages">${tx(ctx.lang, '← 全部洽谈', '← All threads')}</a></p><h1>${escapeHtml(data.title)}</h1>${flashLine(data.flash)}${threadSection(ctx.lang, data.csrf, escapeHtml(data.id), data.thread, data.myOrgId, data.issues ?? [], data.draft ?? '')}${data.files ?? ''}`);
}

export function threadsPage(ctx: PageContext, threads: ThreadSummary[]): string {
  const { lang } = ctx;
  const rows = threads
    .map((t) => `<li class="card"><h3><a href="/me/interests/${escapeHtml(t.threadId)}#messages">${escapeHtml(t.title)}</a>${t.unread ? ` <span class="badge" aria-label="${tx(lang, `${t.unread} 条未读`, `${t.unread} unread`)}">${t.unread}</span>` : ''}</h3><p>${tx(lang, `共 ${t.messageCount} 条消息`, `${t.messageCount} messages`)}${t.lastMessageAt ? ` · ${escapeHtml(formatDate(t.lastMessageAt, lang))}` : ''}</p></li>`)
    .join('');
  return layout(
    ctx,
    tx(lang, '洽谈消息', 'Messages'),
    `<h1>${tx(lang, '洽谈消息', 'Messages')}</h1>
<p class="summary">${tx(lang, '意向或揭榜方案被接受后，双方（以及关联合同的技术经纪机构）可在此洽谈。', 'Once an interest or proposal is accepted, both sides (and the broker of a contract on it) talk here.')} <a href="/me/mail">${tx(lang, '邮件设置', 'Mail settings')}</a></p>
${rows ? `<ul class="grid plain">${rows}</ul>` : `<p class="summary">${tx(lang, '还没有洽谈。', 'No threads yet.')}</p>`}`,
  );
}

export function mailSettingsPage(ctx: PageContext, data: { prefs: MailPreferences; address: string | null; csrf: string; flash?: string }): string {
  const { lang } = ctx;
  const kinds = MAIL_KINDS.map(
    (k) => `<label class="choice"><input type="checkbox" name="email" value="${k}"${data.prefs.email[k] ? ' checked' : ''}> ${escapeHtml(pick(lang, MAIL_KIND_LABELS[k]))}</label>`,
  ).join('');
  const radio = (name: string, value: string, checked: boolean, text: string) => `<label class="choice"><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}> ${text}</label>`;
  return layout(
    ctx,
    tx(lang, '邮件设置', 'Mail settings'),
    `<h1>${tx(lang, '邮件设置', 'Mail settings')}</h1>${flashLine(data.flash)}
<p class="summary">${data.address ? tx(lang, `邮件发送至 ${escapeHtml(data.address)}。`, `Mail goes to ${escapeHtml(data.address)}.`) : tx(lang, '您的账号还没有已验证的邮箱，暂不发送邮件。', 'Your account has no verified address yet, so no mail is sent.')} ${tx(lang, '站内通知始终保留。', 'In-app notifications always stay on.')}</p>
<form class="panel" method="post" action="/me/mail">${csrfInput(data.csrf)}
<fieldset><legend>${tx(lang, '接收以下邮件', 'E-mail me about')}</legend>${kinds}</fieldset>
<fieldset><legend>${tx(lang, '匹配提醒', 'Match alerts')}</legend>${radio('matchDelivery', 'instant', data.prefs.matchDelivery === 'instant', tx(lang, '逐条即时发送', 'one by one, as they happen'))}${radio('matchDelivery', 'daily', data.prefs.matchDelivery === 'daily', tx(lang, '每日早 8 点汇总一封', 'one digest at 08:00 each morning'))}</fieldset>
<fieldset><legend>${tx(lang, '邮件语言', 'Mail language')}</legend>${radio('language', 'both', data.prefs.language === 'both', tx(lang, '中文在前，附英文', 'Chinese first, English below'))}${radio('language', 'zh', data.prefs.language === 'zh', '仅中文 Chinese only')}${radio('language', 'en', data.prefs.language === 'en', 'English only 仅英文')}</fieldset>
<button type="submit">${tx(lang, '保存', 'Save')}</button></form>`,
  );
}

export function unsubscribePage(ctx: PageContext, data: { token: string; kind: MailKind; address: string; done: boolean; csrf: string } | { invalid: true }): string {
  const { lang } = ctx;
  const title = tx(lang, '退订邮件', 'Unsubscribe');
  if ('invalid' in data) {
    return layout(ctx, title, `<h1>${title}</h1><p class="summary">${tx(lang, '退订链接无效。请登录后在“邮件设置”中修改。', 'This unsubscribe link is not valid. Sign in and change your mail settings instead.')}</p><p><a href="/me/mail">${tx(lang, '邮件设置', 'Mail settings')}</a></p>`);
  }
  const what = escapeHtml(pick(lang, MAIL_KIND_LABELS[data.kind]));
  const body = data.done
    ? `<p class="flash" role="status">${tx(lang, `已退订：${escapeHtml(data.address)} 不再收到「${what}」邮件。站内通知不受影响。`, `Unsubscribed: ${escapeHtml(data.address)} no longer receives mail about “${what}”. In-app notifications stay.`)}</p><p><a href="/me/mail">${tx(lang, '登录后可在邮件设置中重新开启', 'Sign in to turn it back on in your mail settings')}</a></p>`
    : `<p class="summary">${tx(lang, `${escapeHtml(data.address)} 将不再收到「${what}」邮件。`, `${escapeHtml(data.address)} will no longer receive mail about “${what}”.`)}</p>
<form method="post" action="/unsubscribe?t=${encodeURIComponent(data.token)}"><button type="submit">${tx(lang, '确认退订', 'Unsubscribe')}</button></form>`;
  return layout(ctx, title, `<h1>${title}</h1>${body}`);
}
