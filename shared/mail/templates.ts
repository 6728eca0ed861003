/**
 * The text of each mail: Chinese first with the English below, or one language if the person chose it.
 * A template sees only the event's facts, which the event builder limited to what the recipient may
 * already read (before acceptance: no contact, no confidential detail of the other side).
 */
import { formatFen } from '../domain/money';
import type { MailEvent, MailEventType, MailLanguage } from '../domain/mail';
import { PROGRAM_LABELS, type ProgramCode } from '../domain/programs';
import { MAIL_KIND_LABELS, KIND_OF_EVENT } from '../domain/mail';
import { escapeHtml } from '../text/escape-html';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Facts = MailEvent['facts'];
type Lines = (f: Facts) => { subject: string; lines: string[] };
const str = (v: unknown) => String(v ?? '');
/** formatFen writes ¥ and the thousands separators itself. */
const yuan = (f: Facts) => formatFen(Number(f.amountFen ?? 0));
const isProposal = (f: Facts) => f.kind === 'proposal';
const contractZh = (f: Facts) => (f.contractTitle ? `「${str(f.contractTitle)}」` : str(f.contractId));
const programZh = (f: Facts) => PROGRAM_LABELS[str(f.program) as ProgramCode]?.zh ?? str(f.program);
const programEn = (f: Facts) => PROGRAM_LABELS[str(f.program) as ProgramCode]?.en ?? str(f.program);
const contractEn = (f: Facts) => (f.contractTitle ? `"${str(f.contractTitle)}"` : str(f.contractId));

const ZH: Record<MailEventType, Lines> = {
  interest_received: (f) => ({
    subject: `${isProposal(f) ? '收到新的揭榜方案' : '收到新的合作意向'}：${str(f.listingTitle)}`,
    lines: [`${str(f.senderOrgName)} 对贵机构发布的「${str(f.listingTitle)}」提交了${isProposal(f) ? '揭榜方案' : '合作意向'}。`, `留言摘要：${str(f.message)}`, '对方联系方式将在您接受后显示。请登录查看并答复。'],
  }),
  interest_accepted: (f) => ({ subject: `对方已接受您的${isProposal(f) ? '揭榜方案' : '意向'}：${str(f.listingTitle)}`, lines: [`「${str(f.listingTitle)}」的发布方已接受贵机构的${isProposal(f) ? '揭榜方案' : '意向'}。`, '登录后可查看对方联系方式与保密信息，并在洽谈页与对方沟通。'] }),
  interest_declined: (f) => ({ subject: `对方婉拒了您的${isProposal(f) ? '揭榜方案' : '意向'}：${str(f.listingTitle)}`, lines: [`「${str(f.listingTitle)}」的发布方婉拒了贵机构的${isProposal(f) ? '揭榜方案' : '意向'}。`, `原因：${str(f.reasonZh)}${f.note ? `（${str(f.note)}）` : ''}`] }),
  interest_withdrawn: (f) => ({ subject: `对方撤回了${isProposal(f) ? '揭榜方案' : '意向'}：${str(f.listingTitle)}`, lines: [`${str(f.senderOrgName)} 撤回了对「${str(f.listingTitle)}」的${isProposal(f) ? '揭榜方案' : '意向'}。`] }),
  match_alert: (f) => ({ subject: `匹配提醒：${str(f.listingTitle)}`, lines: [`新发布的${f.listingKind === 'need' ? '需求' : '成果'}「${str(f.listingTitle)}」${str(f.reasonZh)}。`] }),
  message_received: (f) => ({ subject: `新消息：${str(f.title)}`, lines: [`${str(f.authorName)}（${str(f.authorOrgName)}）在「${str(f.title)}」的洽谈中留言：`, str(f.excerpt)] }),
  contract_submitted: (f) => ({ subject: `待认定登记：${str(f.title)}`, lines: [`${str(f.brokerOrgName)} 提交了技术合同「${str(f.title)}」（${str(f.sellerOrgName)} → ${str(f.buyerOrgName)}，合同金额 ${yuan(f)}），请审核认定登记。`] }),
  contract_registered: (f) => ({ subject: `合同已认定登记：${str(f.title)}`, lines: [`技术合同「${str(f.title)}」已完成认定登记，登记号 ${str(f.registrationNumber)}。`] }),
  contract_rejected: (f) => ({ subject: `合同未予登记：${str(f.title)}`, lines: [`技术合同「${str(f.title)}」未予认定登记。`, `理由：${str(f.reason)}`] }),
  payment_recorded: (f) => ({ subject: `待核验到账：${yuan(f)}`, lines: [`合同${contractZh(f)}登记了一笔 ${yuan(f)} 的到账（${str(f.paidOn)}），请核验凭证。`] }),
  payment_verified: (f) => ({ subject: `到账已核验：${yuan(f)}`, lines: [`合同${contractZh(f)}的 ${yuan(f)} 到账（${str(f.paidOn)}）已核验，奖励已按政策计提。`] }),
  payment_rejected: (f) => ({ subject: `到账被驳回：${yuan(f)}`, lines: [`合同${contractZh(f)}的 ${yuan(f)} 到账（${str(f.paidOn)}）被驳回。`, `理由：${str(f.reason)}`] }),
  claim_submitted: (f) => ({ subject: `待审批奖励申领：${yuan(f)}`, lines: [`合同${contractZh(f)}提交了 ${yuan(f)} 的技术转移奖励申领，请审批。`] }),
  claim_approved: (f) => ({ subject: `奖励申领已批准：${yuan(f)}`, lines: [`合同${contractZh(f)}的 ${yuan(f)} 奖励申领已批准，待拨付。`] }),
  claim_rejected: (f) => ({ subject: `奖励申领被驳回：${yuan(f)}`, lines: [`合同${contractZh(f)}的 ${yuan(f)} 奖励申领被驳回。`, `理由：${str(f.reason)}`] }),
  claim_paid: (f) => ({ subject: `奖励已拨付：${yuan(f)}`, lines: [`合同${contractZh(f)}的 ${yuan(f)} 技术转移奖励已拨付。`] }),
  organisation_verified: (f) => ({ subject: `机构已通过认证：${str(f.name)}`, lines: [`「${str(f.name)}」已通过市科技局认证，现在可以发布成果和需求。`] }),
  organisation_refused: (f) => ({ subject: `机构认证未通过：${str(f.name)}`, lines: [`「${str(f.name)}」的认证未通过。`, `理由：${str(f.reason)}`] }),
  application_submitted: (f) => ({ subject: `待审核扶持申请：${programZh(f)} ${yuan(f)}`, lines: [`收到一份「${programZh(f)}」申请，金额 ${yuan(f)}，请受理审核。`] }),
  application_approved: (f) => ({ subject: `扶持申请已批准：${programZh(f)} ${yuan(f)}`, lines: [`贵机构的「${programZh(f)}」申请（${yuan(f)}）已批准，待拨付。`] }),
  application_rejected: (f) => ({ subject: `扶持申请被驳回：${programZh(f)}`, lines: [`贵机构的「${programZh(f)}」申请（${yuan(f)}）被驳回。`, `理由：${str(f.reason)}`] }),
  application_paid: (f) => ({ subject: `扶持资金已拨付：${programZh(f)} ${yuan(f)}`, lines: [`贵机构的「${programZh(f)}」资金 ${yuan(f)} 已拨付。`] }),
};

const EN: Record<MailEventType, Lines> = {
  interest_received: (f) => ({
    subject: `New ${isProposal(f) ? 'proposal' : 'interest'}: ${str(f.listingTitle)}`,
    lines: [`${str(f.senderOrgName)} sent ${isProposal(f) ? 'a proposal for' : 'an interest in'} your listing "${str(f.listingTitle)}".`, `Their message begins: ${str(f.message)}`, 'Their contact is shown once you accept. Sign in to answer.'],
  }),
  interest_accepted: (f) => ({ subject: `Your ${isProposal(f) ? 'proposal' : 'interest'} was accepted: ${str(f.listingTitle)}`, lines: [`The owner of "${str(f.listingTitle)}" accepted your ${isProposal(f) ? 'proposal' : 'interest'}.`, 'Sign in to see their contact and the confidential detail, and to message them.'] }),
  interest_declined: (f) => ({ subject: `Your ${isProposal(f) ? 'proposal' : 'interest'} was declined: ${str(f.listingTitle)}`, lines: [`The owner of "${str(f.listingTitle)}" declined your ${isProposal(f) ? 'proposal' : 'interest'}.`, `Reason: ${str(f.reasonEn)}${f.note ? ` (${str(f.note)})` : ''}`] }),
  interest_withdrawn: (f) => ({ subject: `${isProposal(f) ? 'Proposal' : 'Interest'} withdrawn: ${str(f.listingTitle)}`, lines: [`${str(f.senderOrgName)} withdrew their ${isProposal(f) ? 'proposal for' : 'interest in'} "${str(f.listingTitle)}".`] }),
  match_alert: (f) => ({ subject: `Match alert: ${str(f.listingTitle)}`, lines: [`The newly published ${f.listingKind === 'need' ? 'need' : 'achievement'} "${str(f.listingTitle)}" ${str(f.reasonEn)}.`] }),
  message_received: (f) => ({ subject: `New message: ${str(f.title)}`, lines: [`${str(f.authorName)} (${str(f.authorOrgName)}) wrote in the thread on "${str(f.title)}":`, str(f.excerpt)] }),
  contract_submitted: (f) => ({ subject: `Contract to register: ${str(f.title)}`, lines: [`${str(f.brokerOrgName)} submitted the contract "${str(f.title)}" (${str(f.sellerOrgName)} → ${str(f.buyerOrgName)}, ${yuan(f)}) for registration.`] }),
  contract_registered: (f) => ({ subject: `Contract registered: ${str(f.title)}`, lines: [`The contract "${str(f.title)}" is registered as ${str(f.registrationNumber)}.`] }),
  contract_rejected: (f) => ({ subject: `Contract not registered: ${str(f.title)}`, lines: [`The contract "${str(f.title)}" was not registered.`, `Reason: ${str(f.reason)}`] }),
  payment_recorded: (f) => ({ subject: `Payment to verify: ${yuan(f)}`, lines: [`A payment of ${yuan(f)} on ${str(f.paidOn)} was recorded for contract ${contractEn(f)}. Please verify its evidence.`] }),
  payment_verified: (f) => ({ subject: `Payment verified: ${yuan(f)}`, lines: [`The payment of ${yuan(f)} on ${str(f.paidOn)} for contract ${contractEn(f)} is verified; its reward is accrued.`] }),
  payment_rejected: (f) => ({ subject: `Payment rejected: ${yuan(f)}`, lines: [`The payment of ${yuan(f)} on ${str(f.paidOn)} for contract ${contractEn(f)} was rejected.`, `Reason: ${str(f.reason)}`] }),
  claim_submitted: (f) => ({ subject: `Reward claim to approve: ${yuan(f)}`, lines: [`A brokerage reward claim of ${yuan(f)} was submitted for contract ${contractEn(f)}.`] }),
  claim_approved: (f) => ({ subject: `Reward claim approved: ${yuan(f)}`, lines: [`Your claim of ${yuan(f)} for contract ${contractEn(f)} is approved and awaits payment.`] }),
  claim_rejected: (f) => ({ subject: `Reward claim rejected: ${yuan(f)}`, lines: [`Your claim of ${yuan(f)} for contract ${contractEn(f)} was rejected.`, `Reason: ${str(f.reason)}`] }),
  claim_paid: (f) => ({ subject: `Reward paid: ${yuan(f)}`, lines: [`The brokerage reward of ${yuan(f)} for contract ${contractEn(f)} has been paid.`] }),
  organisation_verified: (f) => ({ subject: `Organisation verified: ${str(f.name)}`, lines: [`"${str(f.name)}" is verified by the bureau; you can now publish achievements and needs.`] }),
  organisation_refused: (f) => ({ subject: `Organisation not verified: ${str(f.name)}`, lines: [`The verification of "${str(f.name)}" was refused.`, `Reason: ${str(f.reason)}`] }),
  application_submitted: (f) => ({ subject: `Program application to review: ${programEn(f)} ${yuan(f)}`, lines: [`An application to "${programEn(f)}" for ${yuan(f)} was submitted.`] }),
  application_approved: (f) => ({ subject: `Program application approved: ${programEn(f)} ${yuan(f)}`, lines: [`Your application to "${programEn(f)}" (${yuan(f)}) is approved and awaits payment.`] }),
  application_rejected: (f) => ({ subject: `Program application rejected: ${programEn(f)}`, lines: [`Your application to "${programEn(f)}" (${yuan(f)}) was rejected.`, `Reason: ${str(f.reason)}`] }),
  application_paid: (f) => ({ subject: `Program funds paid: ${programEn(f)} ${yuan(f)}`, lines: [`The ${yuan(f)} of your "${programEn(f)}" application has been paid.`] }),
};

export interface MailLinks {
  /** The page the mail is about, absolute. */
  page: string;
  unsubscribe: string;
  preferences: string;
}

function compose(language: MailLanguage, parts: { zh: { subject: string; lines: string[] }; en: { subject: string; lines: string[] } }, footer: { zh: string[]; en: string[] }, links: MailLinks): RenderedMail {
  const langs = language === 'both' ? (['zh', 'en'] as const) : ([language] as const);
  const subject = language === 'en' ? parts.en.subject : parts.zh.subject;
  const open = { zh: '打开页面', en: 'Open the page' };
  const text = langs.map((l) => [...parts[l].lines, '', `${open[l]}: ${links.page}`].join('\n')).join('\n\n———\n\n');
  const foot = langs.map((l) => footer[l].join('\n')).join('\n');
  const para = (l: 'zh' | 'en') => parts[l].lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') + `<p><a href="${escapeHtml(links.page)}">${open[l]}</a></p>`;
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.6;max-width:640px">${langs.map((l) => `<div lang="${l === 'zh' ? 'zh-CN' : 'en'}">${para(l)}</div>`).join('<hr>')}<hr><p style="color:#666;font-size:13px">${langs.map((l) => footer[l].map(escapeHtml).join('<br>')).join('<br>')}</p></body></html>`;
  return { subject, text: `${text}\n\n——\n${foot}`, html };
}

function footerFor(kind: keyof typeof MAIL_KIND_LABELS, links: MailLinks) {
  return {
    zh: [`您收到此邮件，是因为您在石嘴山科技大市场开启了「${MAIL_KIND_LABELS[kind].zh}」邮件提醒。`, `退订此类邮件：${links.unsubscribe}`, `邮件设置：${links.preferences}`],
    en: [`You receive this because e-mail for "${MAIL_KIND_LABELS[kind].en}" is on in your Shizuishan technology market account.`, `Unsubscribe from these: ${links.unsubscribe}`, `Mail settings: ${links.preferences}`],
  };
}

export function renderMail(event: Pick<MailEvent, 'type' | 'facts'>, language: MailLanguage, links: MailLinks): RenderedMail {
  const parts = { zh: ZH[event.type](event.facts), en: EN[event.type](event.facts) };
  return compose(language, parts, footerFor(KIND_OF_EVENT[event.type], links), links);
}

/** The morning digest of match alerts: one mail listing each listing with its link. */
export function renderDigest(items: { title: string; reasonZh: string; reasonEn: string; url: string }[], date: string, language: MailLanguage, links: MailLinks): RenderedMail {
  const parts = {
    zh: { subject: `匹配提醒日报（${date}）：${items.length} 条新匹配`, lines: [`${date} 共有 ${items.length} 条新发布的条目与您的订阅或发布匹配：`, ...items.map((i) => `· 「${i.title}」${i.reasonZh} ${i.url}`)] },
    en: { subject: `Match alerts for ${date}: ${items.length} new`, lines: [`${items.length} listings published on ${date} match your saved searches or listings:`, ...items.map((i) => `· "${i.title}" ${i.reasonEn} ${i.url}`)] },
  };
  return compose(language, parts, footerFor('matches', links), links);
}
