/**
 * Mail from the stream, exactly once per event and person. For each change the handler asks which mail
 * events it means (shared/mail/events.ts), finds the people each is for, and for each person first
 * claims the delivery record (a conditional write keyed by event and person), then applies their
 * preferences, the suppression list and the rate limit, sends, and records the outcome. A redelivered
 * record finds its deliveries claimed or done and sends nothing. A failed send is retried with backoff
 * here, then the record is reported as a batch item failure (Lambda retries it, then parks it in the
 * DLQ); the deliveries already made for it stay done.
 *
 * The one window that is not exactly-once: SES accepted the mail but the process died before the
 * outcome was recorded. After the claim's lease (2 minutes) a retry sends again — at least once rather
 * than lost, the same trade every mail system without an idempotent send API makes.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, SNSEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Db } from '../db/client';
import { getContract } from '../db/contracts';
import { addDigestEntry, claimDelivery, digestEntriesOf, finishDelivery, takeMessageMailWindow, type DeliveryOutcome } from '../db/mail';
import { admins, getMailPreferences, getPerson, isSuppressed, peopleOfOrganisation, suppressAddress } from '../db/people';
import { shanghaiDate } from '../domain/listing-common';
import { KIND_OF_EVENT, MESSAGE_MAIL_INTERVAL_MS, type MailEvent, type MailKind, type MailPerson } from '../domain/mail';
import { mailEventsOf } from '../mail/events';
import { unsubscribeUrl } from '../mail/links';
import type { Mailer } from '../mail/mailer';
import { renderDigest, renderMail, type MailLinks } from '../mail/templates';

export interface MailDeps {
  db: Db;
  mailer: Mailer;
  /** The public site, for the links in mail. */
  siteUrl: string;
  /** Signs the unsubscribe links (MAIL_LINK_SECRET). */
  linkSecret: string;
  now?: () => Date;
  log?: (entry: Record<string, unknown>) => void;
  /** Send attempts per mail before the record is failed back to the stream (default 3). */
  sendAttempts?: number;
  /** First backoff between send attempts, doubled each time (default 250 ms). */
  backoffMs?: number;
}

async function recipientsOf(db: Db, event: MailEvent): Promise<MailPerson[]> {
  const a = event.audience;
  let people: MailPerson[];
  if ('admins' in a) people = await admins(db);
  else if ('person' in a) people = [await getPerson(db, a.person)].filter((p): p is MailPerson => p !== null);
  else if ('contract' in a) {
    const contract = await getContract(db, a.contract);
    people = contract ? await peopleOfOrganisation(db, contract.brokerOrgId) : [];
  } else people = (await Promise.all(a.orgs.filter(Boolean).map((o) => peopleOfOrganisation(db, o)))).flat();
  return [...new Map(people.map((p) => [p.sub, p])).values()];
}

/** Facts that need a read (the contract's title for payment and claim mail). */
async function withContractTitle(db: Db, event: MailEvent): Promise<MailEvent> {
  const id = event.facts.contractId;
  if (typeof id !== 'string' || event.facts.title) return event;
  const contract = await getContract(db, id);
  return contract ? { ...event, facts: { ...event.facts, contractTitle: contract.title } } : event;
}

function linksFor(deps: MailDeps, sub: string, kind: MailKind, path: string): MailLinks {
  const site = deps.siteUrl.replace(/\/$/, '');
  return { page: `${site}${path}`, unsubscribe: unsubscribeUrl(site, deps.linkSecret, sub, kind), preferences: `${site}/me/mail` };
}

async function sendWithBackoff(deps: MailDeps, send: () => Promise<{ messageId: string }>): Promise<{ messageId: string }> {
  const attempts = deps.sendAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, (deps.backoffMs ?? 250) * 2 ** (attempt - 1)));
    }
  }
}

/** Claims, decides and (maybe) sends one delivery; returns what happened, or null if it was already handled. */
async function deliver(deps: MailDeps, event: MailEvent, person: MailPerson, now: Date): Promise<DeliveryOutcome | null> {
  const { db } = deps;
  if (!(await claimDelivery(db, event.id, person.sub, now))) return null;
  const kind = KIND_OF_EVENT[event.type];
  const prefs = await getMailPreferences(db, person.sub);
  let outcome: DeliveryOutcome;
  try {
    if (!person.email) outcome = { status: 'skipped', why: 'no_address' };
    else if (!prefs.email[kind]) outcome = { status: 'skipped', why: 'email_off' };
    else if (await isSuppressed(db, person.email)) outcome = { status: 'skipped', why: 'suppressed' };
    else if (event.type === 'match_alert' && prefs.matchDelivery === 'daily') {
      await addDigestEntry(db, shanghaiDate(now), { sub: person.sub, noteId: event.id, title: String(event.facts.listingTitle), reasonZh: String(event.facts.reasonZh), reasonEn: String(event.facts.reasonEn), path: event.path });
      outcome = { status: 'skipped', why: 'digest' };
    } else if (event.type === 'message_received' && !(await takeMessageMailWindow(db, String(event.facts.threadId), person.sub, event.id, now, MESSAGE_MAIL_INTERVAL_MS))) {
      outcome = { status: 'skipped', why: 'rate_limited' };
    } else {
      const links = linksFor(deps, person.sub, kind, event.path);
      const mail = renderMail(event, prefs.language, links);
      const to = person.email;
      const sent = await sendWithBackoff(deps, () => deps.mailer.send({ to, ...mail, unsubscribeUrl: links.unsubscribe, tags: { event: event.type, kind } }));
      outcome = { status: 'sent', messageId: sent.messageId, to };
    }
  } catch (error) {
    await finishDelivery(db, event.id, person.sub, { status: 'failed', error: String(error).slice(0, 500) }, now);
    throw error;
  }
  await finishDelivery(db, event.id, person.sub, outcome, now);
  return outcome;
}

/** Every mail one event means; throws (after recording the failure) if a send failed. */
export async function deliverEvent(deps: MailDeps, event: MailEvent): Promise<DeliveryOutcome[]> {
  const now = (deps.now ?? (() => new Date()))();
  const enriched = await withContractTitle(deps.db, event);
  const outcomes: DeliveryOutcome[] = [];
  for (const person of await recipientsOf(deps.db, enriched)) {
    const outcome = await deliver(deps, enriched, person, now);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

/** The mail stream handler (Lambda and local pump alike): partial batch failures, in order. */
export function createMailHandler(deps: MailDeps) {
  return async function mailStreamBatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const image = (i: unknown) => (i ? unmarshall(i as never) : undefined);
      const events = mailEventsOf({ old: image(record.dynamodb?.OldImage), new: image(record.dynamodb?.NewImage) });
      try {
        for (const e of events) {
          const outcomes = await deliverEvent(deps, e);
          if (outcomes.length) deps.log?.({ level: 'INFO', message: 'mail event delivered', event: e.id, outcomes: outcomes.map((o) => o.status === 'sent' ? 'sent' : o.why) });
        }
      } catch (error) {
        deps.log?.({ level: 'ERROR', message: 'mail delivery failed', record: record.dynamodb?.SequenceNumber, error: String(error) });
        // This record and the ones after it come again; what they already delivered stays delivered.
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' });
        break;
      }
    }
    return { batchItemFailures: failures };
  };
}

/** The morning digest of one Beijing date's match alerts: one mail per person, once. */
export async function sendDailyDigests(deps: MailDeps, date: string): Promise<{ sent: number; skipped: number }> {
  const now = (deps.now ?? (() => new Date()))();
  const bySub = new Map<string, Awaited<ReturnType<typeof digestEntriesOf>>>();
  for (const entry of await digestEntriesOf(deps.db, date)) bySub.set(entry.sub, [...(bySub.get(entry.sub) ?? []), entry]);
  let sent = 0;
  let skipped = 0;
  for (const [sub, entries] of bySub) {
    const eventId = `DIGEST#${date}`;
    if (!(await claimDelivery(deps.db, eventId, sub, now))) continue;
    const [person, prefs] = await Promise.all([getPerson(deps.db, sub), getMailPreferences(deps.db, sub)]);
    let outcome: DeliveryOutcome;
    try {
      if (!person?.email) outcome = { status: 'skipped', why: 'no_address' };
      else if (!prefs.email.matches) outcome = { status: 'skipped', why: 'email_off' };
      else if (await isSuppressed(deps.db, person.email)) outcome = { status: 'skipped', why: 'suppressed' };
      else {
        const links = linksFor(deps, sub, 'matches', '/me');
        const site = deps.siteUrl.replace(/\/$/, '');
        const mail = renderDigest(entries.map((e) => ({ title: e.title, reasonZh: e.reasonZh, reasonEn: e.reasonEn, url: `${site}${e.path}` })), date, prefs.language, links);
        const to = person.email;
        const result = await sendWithBackoff(deps, () => deps.mailer.send({ to, ...mail, unsubscribeUrl: links.unsubscribe, tags: { event: 'match_digest', kind: 'matches' } }));
        outcome = { status: 'sent', messageId: result.messageId, to };
      }
    } catch (error) {
      await finishDelivery(deps.db, eventId, sub, { status: 'failed', error: String(error).slice(0, 500) }, now);
      throw error;
    }
    await finishDelivery(deps.db, eventId, sub, outcome, now);
    if (outcome.status === 'sent') sent++;
    else skipped++;
  }
  return { sent, skipped };
}

/**
 * SES bounce and complaint events (from the configuration set's SNS destination) → the suppression
 * list. Only permanent bounces suppress: a full mailbox is worth trying again tomorrow.
 */
export function createMailFeedbackHandler(deps: { db: Db; now?: () => Date; log?: (entry: Record<string, unknown>) => void }) {
  return async function mailFeedback(event: SNSEvent): Promise<{ suppressed: number }> {
    const now = (deps.now ?? (() => new Date()))().toISOString();
    let suppressed = 0;
    for (const record of event.Records) {
      let body: Record<string, any>;
      try {
        body = JSON.parse(record.Sns.Message) as Record<string, any>;
      } catch {
        deps.log?.({ level: 'WARN', message: 'mail feedback that is not JSON', id: record.Sns.MessageId });
        continue;
      }
      const type = body.eventType ?? body.notificationType;
      const targets: { email: string; reason: 'bounce' | 'complaint'; detail: string }[] = [];
      if (type === 'Bounce' && body.bounce?.bounceType === 'Permanent') {
        for (const r of body.bounce.bouncedRecipients ?? []) targets.push({ email: String(r.emailAddress), reason: 'bounce', detail: `${body.bounce.bounceSubType ?? ''} ${r.diagnosticCode ?? ''}`.trim() });
      } else if (type === 'Complaint') {
        for (const r of body.complaint?.complainedRecipients ?? []) targets.push({ email: String(r.emailAddress), reason: 'complaint', detail: String(body.complaint.complaintFeedbackType ?? '') });
      }
      for (const t of targets) if (await suppressAddress(deps.db, t.email, t.reason, t.detail, now)) suppressed++;
    }
    return { suppressed };
  };
}
