/**
 * Pages of a deal's conversation and of mail: one interest with its thread, my threads, my mail
 * settings, and the signed unsubscribe link (GET shows what it will do; POST — the page's button or
 * a mail client's RFC 8058 one-click — does it, signed out, with the link's signature as authority).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../shared/http/context';
import { DomainError, type FieldIssue } from '../shared/domain/errors';
import { MAIL_KINDS, mailPreferencesBody, type MailKind } from '../shared/domain/mail';
import { postMessageBody } from '../shared/domain/message';
import { readInterest } from '../shared/services/interests';
import { maskAddress, readMailSettings, saveMailSettings, unsubscribe, unsubscribeTarget } from '../shared/services/mail-preferences';
import { myThreads, postMessage, readThread } from '../shared/services/threads';
import { requireSignedIn } from '../shared/services/access';
import { issuesFromZod } from '../shared/http/field-issues';
import { tx, type Lang } from './i18n';
import { kindsOf } from '../shared/domain/attachment';
import { listAttachments } from '../shared/services/attachments';
import { FILES_SCRIPT, filesPanel } from './pages/files';
import type { PageContext } from './layout';
import { brokerThreadPage, interestPage, mailSettingsPage, threadsPage, unsubscribePage } from './pages/messages';
import { postedForm } from './session';

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** The thread as this person may see it, or null where it is not (yet) theirs to read. */
async function threadOrNull(c: Context<ApiEnv>, id: string, markRead: boolean) {
  try {
    return await readThread(c.var.deps.db, c.var.principal, id, { markRead, now: c.var.deps.now() });
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'thread_not_open')) return null;
    throw error;
  }
}

async function interestOrNull(c: Context<ApiEnv>, id: string) {
  try {
    return await readInterest(c.var.deps.db, c.var.principal, id);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  }
}

async function renderInterest(c: Context<ApiEnv>, ctxOf: (c: Context<ApiEnv>) => PageContext, id: string, extra: { issues?: FieldIssue[]; draft?: string; flash?: string } = {}) {
  const caller = requireSignedIn(c.var.principal);
  const [interest, thread] = await Promise.all([interestOrNull(c, id), threadOrNull(c, id, true)]);
  // Reading the thread marked it read: the header's count follows.
  if (thread) c.set('unread', Math.max(0, (c.var.unread ?? 0) - thread.unreadBefore));
  const ctx = ctxOf(c);
  const files = thread ? await threadFiles(c, ctx.lang, id) : '';
  const common = { myOrgId: caller.orgId ?? '', csrf: c.var.csrf, files, ...extra };
  if (interest) {
    return interestPage(ctx, { ...common, interest, title: interest.listingTitle, canDecide: interest.status === 'pending' && caller.orgId === interest.listingOwnerOrgId, thread, threadClosed: !thread && interest.status === 'pending' });
  }
  if (thread) return brokerThreadPage(ctx, { ...common, id, title: thread.title, thread });
  throw new DomainError('not_found');
}

/** The files the parties share in the thread: any of them uploads; nothing shared is removed. */
async function threadFiles(c: Context<ApiEnv>, lang: Lang, id: string): Promise<string> {
  const files = await listAttachments(c.var.deps, c.var.principal, 'thread', id);
  return filesPanel(lang, { owner: { type: 'thread', id }, files, ...(c.var.deps.files ? { uploadKinds: kindsOf('thread') } : {}), back: `/me/interests/${id}`, csrf: c.var.csrf, title: tx(lang, '洽谈文件', 'Shared files') }) + FILES_SCRIPT;
}

export function messageRoutes(ctxOf: (c: Context<ApiEnv>) => PageContext) {
  return new Hono<ApiEnv>()
    .get('/me/messages', async (c) => {
      const { items } = await myThreads(c.var.deps.db, c.var.principal);
      return c.html(threadsPage(ctxOf(c), items));
    })
    .get('/me/interests/:id', async (c) => {
      const done = c.req.query('done');
      const ctx = ctxOf(c);
      const flash = done === 'sent' ? tx(ctx.lang, '消息已发送。', 'Message sent.') : done === 'decided' ? tx(ctx.lang, '已答复。', 'Answer saved.') : undefined;
      return c.html(await renderInterest(c, ctxOf, c.req.param('id'), flash ? { flash } : {}));
    })
    .post('/me/interests/:id/messages', async (c) => {
      const form = await postedForm(c);
      const id = c.req.param('id');
      const parsed = postMessageBody.safeParse({ body: str(form.body).trim() });
      if (!parsed.success) return c.html(await renderInterest(c, ctxOf, id, { issues: issuesFromZod(parsed.error), draft: str(form.body) }));
      await postMessage(c.var.deps.db, c.var.principal, id, parsed.data, c.var.deps.now());
      return c.redirect(`/me/interests/${encodeURIComponent(id)}?done=sent#messages`, 303);
    })
    .get('/me/mail', async (c) => {
      const settings = await readMailSettings(c.var.deps.db, c.var.principal);
      const ctx = ctxOf(c);
      const { address, ...prefs } = settings;
      return c.html(mailSettingsPage(ctx, { prefs, address, csrf: c.var.csrf, ...(c.req.query('done') === 'saved' ? { flash: tx(ctx.lang, '邮件设置已保存。', 'Mail settings saved.') } : {}) }));
    })
    .post('/me/mail', async (c) => {
      const form = await postedForm(c);
      const chosen = Array.isArray(form.email) ? form.email : form.email ? [form.email] : [];
      const body = mailPreferencesBody.parse({
        email: Object.fromEntries(MAIL_KINDS.map((k) => [k, chosen.includes(k)])),
        matchDelivery: str(form.matchDelivery) || 'instant',
        language: str(form.language) || 'both',
      });
      await saveMailSettings(c.var.deps.db, c.var.principal, body, c.var.deps.now());
      return c.redirect('/me/mail?done=saved', 303);
    })
    .get('/unsubscribe', async (c) => {
      const secret = c.var.deps.mail?.linkSecret;
      const token = c.req.query('t') ?? '';
      if (!secret) throw new DomainError('not_found');
      try {
        const target = await unsubscribeTarget(c.var.deps.db, secret, token);
        return c.html(unsubscribePage(ctxOf(c), { token, kind: target.kind, address: maskAddress(target.address), done: false, csrf: c.var.csrf }));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'unsubscribe_link_invalid') return c.html(unsubscribePage(ctxOf(c), { invalid: true }), 400);
        throw error;
      }
    })
    .post('/unsubscribe', async (c) => {
      const secret = c.var.deps.mail?.linkSecret;
      const token = c.req.query('t') ?? '';
      if (!secret) throw new DomainError('not_found');
      try {
        const target = await unsubscribe(c.var.deps.db, secret, token, c.var.deps.now());
        return c.html(unsubscribePage(ctxOf(c), { token, kind: target.kind as MailKind, address: maskAddress(target.address), done: true, csrf: c.var.csrf }));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'unsubscribe_link_invalid') return c.html(unsubscribePage(ctxOf(c), { invalid: true }), 400);
        throw error;
      }
    });
}

/** The header's unread count, for signed-in members on page views (one query and a read per thread). */
export function unreadMessages(): MiddlewareHandler<ApiEnv> {
  return async function countUnread(c, next) {
    const principal = c.var.principal;
    if (principal?.orgId && c.req.method === 'GET' && !c.req.path.startsWith('/assets/')) {
      try {
        c.set('unread', (await myThreads(c.var.deps.db, principal)).unread);
      } catch {
        // The header is not worth failing a page for.
      }
    }
    await next();
  };
}
