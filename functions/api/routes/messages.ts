/** Message threads between the parties of an accepted interest, and a person's mail settings. */
import { Hono } from 'hono';
import * as z from 'zod';
import { mailPreferencesBody } from '../../../shared/domain/mail';
import { messageSchema, postMessageBody } from '../../../shared/domain/message';
import { readMailSettings, saveMailSettings } from '../../../shared/services/mail-preferences';
import { myThreads, postMessage, readThread } from '../../../shared/services/threads';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody, parseOptionalBody } from '../validation';
import { checkId } from './params';

const app = new Hono<ApiEnv>()
  .get('/threads', async (c) => c.json(await myThreads(c.var.deps.db, c.var.principal)))
  .get('/interests/:id/messages', async (c) => {
    const thread = await readThread(c.var.deps.db, c.var.principal, checkId(c.req.param('id')), { markRead: false, now: c.var.deps.now() });
    return c.json(thread);
  })
  .post('/interests/:id/messages', async (c) => {
    const body = await parseBody(c, postMessageBody);
    const message = await postMessage(c.var.deps.db, c.var.principal, checkId(c.req.param('id')), body, c.var.deps.now());
    return c.json(message, 201);
  })
  .post('/interests/:id/messages/read', async (c) => {
    await parseOptionalBody(c, z.object({}).strict());
    await readThread(c.var.deps.db, c.var.principal, checkId(c.req.param('id')), { markRead: true, now: c.var.deps.now() });
    return c.body(null, 204);
  })
  .get('/me/mail-settings', async (c) => c.json(await readMailSettings(c.var.deps.db, c.var.principal)))
  .put('/me/mail-settings', async (c) => {
    const body = await parseBody(c, mailPreferencesBody);
    return c.json(await saveMailSettings(c.var.deps.db, c.var.principal, body, c.var.deps.now()));
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const tag = '洽谈消息与邮件 Messages and mail';
const party = z.object({ orgId: z.string(), orgName: z.string(), role: z.enum(['owner', 'sender', 'broker']) });
const threadSchema = z.object({ threadId: z.string(), title: z.string(), listingKind: z.enum(['achievement', 'need']), parties: z.array(party), messages: z.array(messageSchema), unreadBefore: z.number().int() });
const summarySchema = z.object({ threadId: z.string(), title: z.string(), messageCount: z.number().int(), lastMessageAt: z.string().nullable(), unread: z.number().int() });
const settingsSchema = mailPreferencesBody.extend({ address: z.string().nullable() });
const docs: RouteDoc[] = [
  { method: 'get', path: '/threads', tag, access: 'signed-in', summary: 'Your organisation’s message threads, newest first, with what you have not read', responses: { 200: { description: 'Threads', schema: z.object({ items: z.array(summarySchema), unread: z.number().int() }) }, 401: problem } },
  { method: 'get', path: '/interests/:id/messages', tag, access: 'owner', summary: 'The thread of an accepted interest or proposal (its two organisations and the broker of a contract naming it only)', responses: { 200: { description: 'Thread', schema: threadSchema }, 401: problem, 404: problem, 409: problem } },
  { method: 'post', path: '/interests/:id/messages', tag, access: 'owner', body: postMessageBody, summary: 'Post a message in the thread; the other parties are e-mailed (at most once per thread per 15 minutes)', responses: { 201: { description: 'Posted', schema: messageSchema }, 400: problem, 401: problem, 404: problem, 409: problem } },
  { method: 'post', path: '/interests/:id/messages/read', tag, access: 'owner', summary: 'Mark the thread read up to now', responses: { 204: { description: 'Marked' }, 401: problem, 404: problem, 409: problem } },
  { method: 'get', path: '/me/mail-settings', tag, access: 'signed-in', summary: 'Which kinds of mail you receive (in-app notifications always), match alerts at once or as a daily digest, the language', responses: { 200: { description: 'Settings', schema: settingsSchema }, 401: problem } },
  { method: 'put', path: '/me/mail-settings', tag, access: 'signed-in', body: mailPreferencesBody, summary: 'Replace your mail settings', responses: { 200: { description: 'Saved', schema: mailPreferencesBody }, 400: problem, 401: problem } },
];

export const messages = { app, docs };
