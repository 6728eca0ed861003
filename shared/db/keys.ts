/** Key builders, named by the access pattern they serve. The only place key strings are spelled. */
export const keys = {
  organisation: (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' }),
  organisationsByVerification: (status: string) => `ORGS#VERIFICATION#${status}`,
  creditCode: (code: string) => ({ pk: `CREDITCODE#${code}`, sk: 'CREDITCODE' }),
  membership: (sub: string) => ({ pk: `USER#${sub}`, sk: 'MEMBERSHIP' }),
  listing: (kind: ListingKind, id: string) => ({ pk: `${PREFIX[kind]}#${id}`, sk: PREFIX[kind] }),
  listingsByStatus: (kind: ListingKind, status: string) => `${PREFIX[kind]}S#STATUS#${status}`,
  listingsOfOrg: (kind: ListingKind, orgId: string) => `ORG#${orgId}#${PREFIX[kind]}S`,
  interest: (id: string) => ({ pk: `INTEREST#${id}`, sk: 'INTEREST' }),
  /** At most one open interest per (listing, sending organisation). */
  interestLock: (listingId: string, senderOrgId: string) => ({ pk: `INTERESTLOCK#${listingId}#${senderOrgId}`, sk: 'INTERESTLOCK' }),
  interestsReceived: (orgId: string) => `ORG#${orgId}#INTERESTS_RECEIVED`,
  interestsSent: (orgId: string) => `ORG#${orgId}#INTERESTS_SENT`,
  contract: (id: string) => ({ pk: `CONTRACT#${id}`, sk: 'CONTRACT' }),
  contractsByStatus: (status: string) => `CONTRACTS#STATUS#${status}`,
  contractsOfBroker: (orgId: string) => `ORG#${orgId}#CONTRACTS`,
  balance: (contractId: string) => ({ pk: `CONTRACT#${contractId}`, sk: 'BALANCE' }),
  /** Exactly one ledger entry per payment: the key is the payment. */
  ledgerEntry: (contractId: string, paymentId: string) => ({ pk: `CONTRACT#${contractId}`, sk: `LEDGER#${paymentId}` }),
  payment: (id: string) => ({ pk: `PAYMENT#${id}`, sk: 'PAYMENT' }),
  paymentsByStatus: (status: string) => `PAYMENTS#STATUS#${status}`,
  paymentsOfContract: (contractId: string) => `CONTRACT#${contractId}#PAYMENTS`,
  claim: (id: string) => ({ pk: `CLAIM#${id}`, sk: 'CLAIM' }),
  claimsByStatus: (status: string) => `CLAIMS#STATUS#${status}`,
  claimsOfContract: (contractId: string) => `CONTRACT#${contractId}#CLAIMS`,
  policyRegistry: () => ({ pk: 'POLICIES', sk: 'REGISTRY' }),
  /** Append-only: every state change of a contract (and its payments and claims) or a policy. */
  audit: (subjectId: string, at: string, unique: string) => ({ pk: `AUDIT#${subjectId}`, sk: `${at}#${unique}` }),
  /** One payment per receipt: the normalised evidence reference is reserved while its payment stands. */
  evidence: (normalisedRef: string) => ({ pk: `EVIDENCE#${normalisedRef}`, sk: 'EVIDENCE' }),
  /** An owner's files and its pending uploads share one partition: listing them is one consistent query. */
  filesOf: (ownerType: string, ownerId: string) => `FILES#${ownerType}#${ownerId}`,
  attachment: (ownerType: string, ownerId: string, id: string) => ({ pk: `FILES#${ownerType}#${ownerId}`, sk: `FILE#${id}` }),
  upload: (ownerType: string, ownerId: string, id: string) => ({ pk: `FILES#${ownerType}#${ownerId}`, sk: `UPLOAD#${id}` }),
  /** One write counter per client per rate-limit window (epoch seconds of its start). */
  rateWindow: (client: string, windowStart: number) => ({ pk: `RATE#${client}`, sk: `W#${windowStart}` }),
  idempotency: (sub: string, key: string) => ({ pk: `IDEMPOTENCY#${sub}#${key}`, sk: 'IDEMPOTENCY' }),
  registrationCounter: (year: string) => ({ pk: `COUNTER#REGISTRATION#${year}`, sk: 'COUNTER' }),
  savedSearch: (id: string) => ({ pk: `SAVEDSEARCH#${id}`, sk: 'SAVEDSEARCH' }),
  savedSearchesByKind: (kind: ListingKind) => `SAVEDSEARCHES#${PREFIX[kind]}`,
  savedSearchesOfUser: (sub: string) => `USER#${sub}#SAVEDSEARCHES`,
  /** Notifications go to an organisation (or to a person without one). */
  inbox: (recipient: string) => `INBOX#${recipient}`,
  /** One notification per (listing, recipient): the sort key is that identity (a person, or the whole organisation). */
  notification: (inboxOf: string, listingId: string, recipient: string) => ({ pk: `INBOX#${inboxOf}`, sk: `NOTE#${listingId}#${recipient}` }),
  /** Who a person is for mail: address, name, organisation, admin (written at sign-in and when joining an organisation). */
  person: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PERSON' }),
  peopleOfOrg: (orgId: string) => `ORG#${orgId}#PEOPLE`,
  admins: () => 'PEOPLE#ADMINS',
  mailPreferences: (sub: string) => ({ pk: `USER#${sub}`, sk: 'MAILPREFS' }),
  /** Addresses SES reported as bouncing or complaining: never written to again. */
  suppressedAddress: (email: string) => ({ pk: `SUPPRESSED#${email.toLowerCase()}`, sk: 'SUPPRESSED' }),
  /** Exactly one delivery per (event, person): the key is that pair. */
  delivery: (eventId: string, sub: string) => ({ pk: `MAIL#${eventId}`, sk: `TO#${sub}` }),
  /** Match alerts waiting for a person's morning digest, one partition per Beijing date. */
  digestEntry: (date: string, sub: string, noteId: string) => ({ pk: `DIGEST#${date}`, sk: `${sub}#${noteId}` }),
  digestDay: (date: string) => `DIGEST#${date}`,
  thread: (id: string) => ({ pk: `THREAD#${id}`, sk: 'THREAD' }),
  threadParty: (id: string, orgId: string) => ({ pk: `THREAD#${id}`, sk: `PARTY#${orgId}` }),
  /** A broker whose contract names the thread's interest: a party of the thread from then on. */
  threadBroker: (id: string, orgId: string) => ({ pk: `THREAD#${id}`, sk: `BROKER#${orgId}` }),
  threadsOfOrg: (orgId: string) => `ORG#${orgId}#THREADS`,
  message: (threadId: string, seq: number) => ({ pk: `THREAD#${threadId}`, sk: `MSG#${String(seq).padStart(8, '0')}` }),
  /** When a thread's new-message mail last went to a person (one per 15 minutes). */
  messageMailWindow: (threadId: string, sub: string) => ({ pk: `THREAD#${threadId}`, sk: `MAILED#${sub}` }),
  /** How many of a thread's inbound messages a person has seen. */
  readMarker: (sub: string, threadId: string) => ({ pk: `USER#${sub}`, sk: `READ#${threadId}` }),
  project: (id: string) => ({ pk: `PROJECT#${id}`, sk: 'PROJECT' }),
  projectsOfOrg: (orgId: string) => `ORG#${orgId}#PROJECTS`,
  allProjects: () => 'PROJECTS',
  /** An R&D input record in its own partition (its files name it by id alone), listed per project. */
  rdInput: (id: string) => ({ pk: `RDINPUT#${id}`, sk: 'RDINPUT' }),
  rdInputsOfProject: (projectId: string) => `PROJECT#${projectId}#INPUTS`,
  rdInputsByStatus: (status: string) => `RDINPUTS#STATUS#${status}`,
  application: (id: string) => ({ pk: `APPLICATION#${id}`, sk: 'APPLICATION' }),
  applicationsByStatus: (status: string) => `APPLICATIONS#STATUS#${status}`,
  applicationsOfOrg: (orgId: string) => `ORG#${orgId}#APPLICATIONS`,
  /** What a program has approved and paid in all, moved in the same transaction as each entry below. */
  programBalance: (program: string) => ({ pk: `PROGRAM#${program}`, sk: 'BALANCE' }),
  /** Exactly one approval entry and one payout entry per application: the key is that pair. */
  programEntry: (program: string, action: 'approve' | 'pay', applicationId: string) => ({ pk: `PROGRAM#${program}`, sk: `ENTRY#${action}#${applicationId}` }),
  /** A once-per-institution program: held from submission until a rejection releases it. */
  grantLock: (program: string, orgId: string) => ({ pk: `GRANTLOCK#${program}#${orgId}`, sk: 'GRANTLOCK' }),
};

export type ListingKind = 'achievement' | 'need';
const PREFIX: Record<ListingKind, string> = { achievement: 'ACHIEVEMENT', need: 'NEED' };

/** Attributes that exist only for keys and filters; stripped before an item becomes a domain record. */
export const STORAGE_ONLY_ATTRIBUTES = [
  'pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'priceFloorFen', 'budgetMaxFen', 'isChallenge', 'expiresAt',
] as const;

export function stripStorageAttributes<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const attribute of STORAGE_ONLY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}
