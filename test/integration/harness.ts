/**
 * An API on the real DynamoDB Local started by the global setup: its own table per test file, the demo
 * data seeded, requests made in-process with app.request(). Refuses any endpoint that is not local.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, inject } from 'vitest';
import { keys, type ListingKind } from '../../shared/db/keys';
import { createLocalApp, type LocalApp, type LocalAppOptions } from '../../scripts/local/local-app';
import type { RateLimit } from '../../shared/db/rate-limits';
import type { SearchIndex } from '../../shared/search/search-index';
import type { StreamHandler } from '../../scripts/local/stream-pump';
import { minimalPdf, postFile } from '../../scripts/local/demo-files';
import { FILES_TYPES_BY_EXTENSION } from '../../shared/domain/attachment';

export const TEST_NOW = new Date('2026-11-26T02:00:00Z');

export interface Harness extends LocalApp {
  /** The local issuer's private key (JWK), for tests that must sign unusual tokens with the real key. */
  issuerKeyFile: string;
  /** Waits until the stream pump has delivered every write so far (the search index is up to date). */
  drain(): Promise<void>;
  token(accountId: string): Promise<string>;
  call(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Response>;
  /** The item exactly as stored, or undefined. */
  stored(kind: ListingKind | 'organisation', id: string): Promise<Record<string, unknown> | undefined>;
  orgIdOf(accountId: string): string;
  /**
   * Uploads a file over the API as a browser does (ticket → POST to the local S3 → confirm) and returns
   * the attachment. `owner` is e.g. `contracts/con_…`; the file defaults to a small PDF.
   */
  attach(token: string, owner: string, kind: string, file?: { fileName?: string; bytes?: Uint8Array; visibility?: 'public' | 'confidential' }): Promise<{ id: string; sha256: string; fileName: string; sizeBytes: number }>;
  /** The broker attaches the signed contract and submits the draft for registration. */
  submitForRegistration(contractId: string, brokerToken: string): Promise<void>;
}

export interface HarnessOptions {
  rateLimit?: RateLimit;
  search?: SearchIndex;
  /** Replace a stream handler by name (e.g. to capture the real records it would get). */
  streamHandlers?: Record<string, StreamHandler>;
  /** The API's clock (default: fixed at TEST_NOW) and the local S3 server's (default: real time). */
  now?: () => Date;
  s3Now?: () => Date;
  /** The mail notifier's mailer or retry settings (e.g. a mailer that fails). */
  mailDeps?: LocalAppOptions['mailDeps'];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const endpoint = inject('dynamoEndpoint');
  const host = new URL(endpoint).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`integration tests run only against a local DynamoDB, not ${endpoint}`);
  const issuerKeyFile = join(tmpdir(), `tech-market-issuer-${randomUUID()}.json`);
  const local = await createLocalApp({
    endpoint,
    tableName: `test-${randomUUID()}`,
    issuerUrl: 'http://localhost/api/v1/dev',
    issuerKeyFile,
    seed: true,
    now: options.now ?? (() => TEST_NOW),
    ...(options.s3Now ? { s3: { now: options.s3Now } } : {}),
    // The limiter runs (its write is part of every request) but far above what any test sends.
    rateLimit: options.rateLimit ?? { limit: 100_000, windowSeconds: 60 },
    ...(options.search ? { search: options.search } : {}),
    ...(options.streamHandlers ? { streamHandlers: options.streamHandlers } : {}),
    ...(options.mailDeps ? { mailDeps: options.mailDeps } : {}),
    siteUrl: 'http://localhost',
  });
  // Let the stream handlers finish with the seed (index, alerts) so tests start from a quiet table.
  await local.pump.drain(30_000);
  const accounts = local.seeded!.accounts;
  afterAll(async () => {
    await local.stop();
    rmSync(issuerKeyFile, { force: true });
  });
  const harness: Harness = {
    ...local,
    issuerKeyFile,
    drain: () => local.pump.drain(15_000),
    async token(accountId) {
      const account = accounts.find((a) => a.id === accountId);
      if (!account) throw new Error(`no demo account ${accountId}`);
      return local.issuer.sign({ sub: account.id, groups: account.groups, orgId: account.orgId });
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.rawBody !== undefined) body = options.rawBody;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return local.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    },
    async stored(kind, id) {
      const key = kind === 'organisation' ? keys.organisation(id) : keys.listing(kind, id);
      const out = await local.db.doc.send(new GetCommand({ TableName: local.db.tableName, Key: key, ConsistentRead: true }));
      return out.Item;
    },
    async attach(token, owner, kind, file = {}) {
      const fileName = file.fileName ?? `${kind}.pdf`;
      const bytes = file.bytes ?? minimalPdf([kind, owner]);
      const contentType = FILES_TYPES_BY_EXTENSION[fileName.split('.').pop()!.toLowerCase()]!;
      const call = (path: string, body: unknown) => local.app.request(`/api/v1/${owner}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const ticketRes = await call('/uploads', { kind, fileName, contentType, sizeBytes: bytes.byteLength, ...(file.visibility ? { visibility: file.visibility } : {}) });
      if (ticketRes.status !== 201) throw new Error(`upload refused: ${ticketRes.status} ${await ticketRes.text()}`);
      const ticket = (await ticketRes.json()) as { uploadId: string; url: string; fields: Record<string, string> };
      const stored = await postFile(ticket, bytes, fileName);
      if (stored !== 204) throw new Error(`storage refused the upload: ${stored}`);
      const confirmed = await call(`/uploads/${ticket.uploadId}/confirm`, {});
      if (confirmed.status !== 201) throw new Error(`confirm refused: ${confirmed.status} ${await confirmed.text()}`);
      return confirmed.json();
    },
    async submitForRegistration(contractId, brokerToken) {
      await harness.attach(brokerToken, `contracts/${contractId}`, 'signed_contract');
      const res = await harness.call('POST', `/api/v1/contracts/${contractId}/submit`, { token: brokerToken });
      if (res.status !== 200) throw new Error(`submit refused: ${res.status} ${await res.text()}`);
    },
    orgIdOf(accountId) {
      const orgId = accounts.find((a) => a.id === accountId)?.orgId;
      if (!orgId) throw new Error(`${accountId} has no organisation`);
      return orgId;
    },
  };
  return harness;
}

/** Asserts a problem+json response and returns its body. */
export async function problem(response: Response, status: number): Promise<{ code: string; errors?: { path: string; code: string; message: string; messageZh: string }[]; title: string; titleZh: string }> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  if (!response.headers.get('content-type')?.startsWith('application/problem+json')) throw new Error(`not problem+json: ${response.headers.get('content-type')}`);
  return JSON.parse(text);
}
