/**
 * Which mail a change to the table means. Pure: the stream handler unmarshals a record's old and new
 * images and asks here. Each event's id names the record and what happened to it, so a redelivered
 * record yields the same ids, and the delivery records keyed by them stop a second send.
 */
import type { MailEvent } from '../domain/mail';

type Image = Record<string, unknown>;
export interface Change {
  old: Image | undefined;
  new: Image | undefined;
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const n = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The status moved to `to` in this change (or the record was created in it, for `to` = its first status). */
function movedTo(change: Change, field: (i: Image) => unknown, to: string): boolean {
  return !!change.new && field(change.new) === to && (!change.old || field(change.old) !== to);
}
const status = (i: Image) => i.status;

function interestEvents(change: Change): MailEvent[] {
  const i = change.new!;
  const id = s(i.id);
  const path = `/me/interests/${id}`;
  const facts = { kind: s(i.kind), listingTitle: s(i.listingTitle), listingKind: s(i.listingKind), senderOrgName: s(i.senderOrgName) };
  const owner = s(i.listingOwnerOrgId);
  const sender = s(i.senderOrgId);
  if (!change.old) return [{ id: `INTEREST#${id}#received`, type: 'interest_received', audience: { orgs: [owner] }, path, facts: { ...facts, message: s(i.message).slice(0, 300) } }];
  if (movedTo(change, status, 'accepted')) return [{ id: `INTEREST#${id}#accepted`, type: 'interest_accepted', audience: { orgs: [sender] }, path, facts }];
  if (movedTo(change, status, 'declined')) {
    const decline = (i.decline ?? {}) as Image;
    return [{ id: `INTEREST#${id}#declined`, type: 'interest_declined', audience: { orgs: [sender] }, path, facts: { ...facts, reason: s(decline.reason), reasonZh: s(decline.labelZh), reasonEn: s(decline.labelEn), note: s(decline.note) } }];
  }
  if (movedTo(change, status, 'withdrawn')) return [{ id: `INTEREST#${id}#withdrawn`, type: 'interest_withdrawn', audience: { orgs: [owner] }, path, facts }];
  return [];
}

function notificationEvents(change: Change): MailEvent[] {
  if (change.old || !change.new) return [];
  const note = change.new;
  const inbox = s(note.pk).replace(/^INBOX#/, '');
  const audience = typeof note.forSub === 'string' ? { person: note.forSub } : inbox.startsWith('USER#') ? { person: inbox.slice(5) } : { orgs: [inbox] };
  const hall = note.listingKind === 'need' ? 'needs' : 'achievements';
  return [{
    id: `${s(note.pk)}#${s(note.sk)}`,
    type: 'match_alert',
    audience,
    path: `/${hall}/${s(note.listingId)}`,
    facts: { listingTitle: s(note.listingTitle), listingKind: s(note.listingKind), reasonZh: s(note.reasonZh), reasonEn: s(note.reasonEn), noteId: s(note.id), createdAt: s(note.createdAt) },
  }];
}

function messageEvents(change: Change): MailEvent[] {
  if (change.old || !change.new) return [];
  const m = change.new;
  const others = ((m.partyOrgIds as string[] | undefined) ?? []).filter((o) => o !== m.authorOrgId);
  return [{
    id: `MESSAGE#${s(m.id)}`,
    type: 'message_received',
    audience: { orgs: others },
    path: `/me/interests/${s(m.threadId)}#messages`,
    facts: { threadId: s(m.threadId), title: s(m.threadTitle), authorName: s(m.authorName), authorOrgName: s(m.authorOrgName), excerpt: s(m.body).slice(0, 300) },
  }];
}

function contractEvents(change: Change): MailEvent[] {
  const c = change.new!;
  const id = s(c.id);
  const facts = { title: s(c.title), amountFen: n(c.amountFen), sellerOrgName: s(c.sellerOrgName), buyerOrgName: s(c.buyerOrgName), brokerOrgName: s(c.brokerOrgName) };
  const parties = { orgs: [s(c.sellerOrgId), s(c.buyerOrgId), s(c.brokerOrgId)] };
  if (movedTo(change, status, 'submitted')) return [{ id: `CONTRACT#${id}#submitted`, type: 'contract_submitted', audience: { admins: true }, path: '/me', facts }];
  if (movedTo(change, status, 'registered')) return [{ id: `CONTRACT#${id}#registered`, type: 'contract_registered', audience: parties, path: `/contracts/${id}`, facts: { ...facts, registrationNumber: s(c.registrationNumber) } }];
  if (movedTo(change, status, 'rejected')) return [{ id: `CONTRACT#${id}#rejected`, type: 'contract_rejected', audience: parties, path: `/contracts/${id}`, facts: { ...facts, reason: s(c.rejectionReason) } }];
  return [];
}

function paymentEvents(change: Change): MailEvent[] {
  const p = change.new!;
  const id = s(p.id);
  const contractId = s(p.contractId);
  const facts = { contractId, amountFen: n(p.amountFen), paidOn: s(p.paidOn) };
  if (!change.old) return [{ id: `PAYMENT#${id}#recorded`, type: 'payment_recorded', audience: { admins: true }, path: '/me', facts }];
  if (movedTo(change, status, 'verified')) return [{ id: `PAYMENT#${id}#verified`, type: 'payment_verified', audience: { contract: contractId, who: 'broker' }, path: `/contracts/${contractId}`, facts }];
  if (movedTo(change, status, 'rejected')) return [{ id: `PAYMENT#${id}#rejected`, type: 'payment_rejected', audience: { contract: contractId, who: 'broker' }, path: `/contracts/${contractId}`, facts: { ...facts, reason: s(p.rejectionReason) } }];
  return [];
}

function claimEvents(change: Change): MailEvent[] {
  const c = change.new!;
  const id = s(c.id);
  const contractId = s(c.contractId);
  const facts = { contractId, amountFen: n(c.amountFen) };
  const broker = { orgs: [s(c.brokerOrgId)] };
  if (!change.old) return [{ id: `CLAIM#${id}#submitted`, type: 'claim_submitted', audience: { admins: true }, path: '/me', facts }];
  const path = `/contracts/${contractId}`;
  if (movedTo(change, status, 'approved')) return [{ id: `CLAIM#${id}#approved`, type: 'claim_approved', audience: broker, path, facts }];
  if (movedTo(change, status, 'rejected')) return [{ id: `CLAIM#${id}#rejected`, type: 'claim_rejected', audience: broker, path, facts: { ...facts, reason: s(c.reason) } }];
  if (movedTo(change, status, 'paid')) return [{ id: `CLAIM#${id}#paid`, type: 'claim_paid', audience: broker, path, facts }];
  return [];
}

function organisationEvents(change: Change): MailEvent[] {
  const o = change.new!;
  const id = s(o.id);
  const verification = (i: Image) => (i.verification as Image | undefined)?.status;
  const facts = { name: s(o.name) };
  if (movedTo(change, verification, 'verified')) return [{ id: `ORG#${id}#verified#${n(o.version)}`, type: 'organisation_verified', audience: { orgs: [id] }, path: '/me', facts }];
  if (movedTo(change, verification, 'rejected')) {
    const reason = s(((o.verification ?? {}) as Image).reason);
    return [{ id: `ORG#${id}#refused#${n(o.version)}`, type: 'organisation_refused', audience: { orgs: [id] }, path: '/me', facts: { ...facts, reason } }];
  }
  return [];
}

function applicationEvents(change: Change): MailEvent[] {
  const a = change.new!;
  const id = s(a.id);
  const facts = { program: s(a.program), amountFen: n(a.amountFen) };
  const applicant = { orgs: [s(a.applicantOrgId)] };
  if (!change.old) return [{ id: `APPLICATION#${id}#submitted`, type: 'application_submitted', audience: { admins: true }, path: '/admin/programs', facts }];
  if (movedTo(change, status, 'approved')) return [{ id: `APPLICATION#${id}#approved`, type: 'application_approved', audience: applicant, path: '/me/programs', facts }];
  if (movedTo(change, status, 'rejected')) return [{ id: `APPLICATION#${id}#rejected`, type: 'application_rejected', audience: applicant, path: '/me/programs', facts: { ...facts, reason: s(a.reason) } }];
  if (movedTo(change, status, 'paid')) return [{ id: `APPLICATION#${id}#paid`, type: 'application_paid', audience: applicant, path: '/me/programs', facts }];
  return [];
}

const BY_ENTITY: Record<string, (change: Change) => MailEvent[]> = {
  interest: interestEvents,
  notification: notificationEvents,
  message: messageEvents,
  contract: contractEvents,
  payment: paymentEvents,
  claim: claimEvents,
  organisation: organisationEvents,
  application: applicationEvents,
};

/** The mail events of one change; none for removals and for records mail does not follow. */
export function mailEventsOf(change: Change): MailEvent[] {
  if (!change.new) return [];
  const derive = BY_ENTITY[s(change.new.entity)];
  return derive ? derive(change) : [];
}

/** The entities mail follows (the stack's stream filter mirrors this). */
export const MAIL_ENTITIES = Object.keys(BY_ENTITY);
