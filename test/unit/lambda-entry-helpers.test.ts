/** The small pieces the Lambda entry points add around the shared code: token claims, Powertools, the search key. */
import type { DynamoDBStreamEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withOrgIdInAccessToken } from '../../shared/auth/access-token-claims';
import { instrumentHttpHandler, instrumentStreamHandler, observability } from '../../shared/observability/lambda';
import { searchEnvWithSecrets } from '../../shared/search/from-env';

const tokenEvent = (attributes: Record<string, string>) =>
  ({ version: '2', triggerSource: 'TokenGeneration_HostedAuth', request: { userAttributes: attributes, groupConfiguration: {}, scopes: [] }, response: {} }) as unknown as PreTokenGenerationV2TriggerEvent;

describe('pre-token-generation: custom:orgId into the access token', () => {
  it('adds the organisation of a member', () => {
    const out = withOrgIdInAccessToken(tokenEvent({ sub: 'u1', 'custom:orgId': 'org_42' }));
    expect(out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:orgId': 'org_42' });
  });

  it('adds nothing for someone without an organisation yet', () => {
    const out = withOrgIdInAccessToken(tokenEvent({ sub: 'u2' }));
    expect(out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration).toEqual({});
  });
});

describe('Powertools around the handlers (outside Lambda too)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a stream handler returns the batch result and publishes record and failure counts', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const handler = instrumentStreamHandler(observability('test-stream'), async () => ({ batchItemFailures: [{ itemIdentifier: '2' }] }));
    const result = await handler({ Records: [{}, {}, {}] } as DynamoDBStreamEvent);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    const emf = written.map((line) => { try { return JSON.parse(line); } catch { return null; } }).find((j) => j?._aws);
    expect(emf).toMatchObject({ StreamRecords: 3, StreamRecordFailures: 1, service: 'test-stream' });
  });

  it('an HTTP handler counts server errors and rethrows failures', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const obs = observability('test-http');
    expect(await instrumentHttpHandler(obs, async () => ({ statusCode: 503 }))({})).toEqual({ statusCode: 503 });
    await expect(instrumentHttpHandler(obs, async () => { throw new Error('boom'); })({})).rejects.toThrow('boom');
  });

  it('maps the services’ log entries onto the logger levels', () => {
    const obs = observability('test-log');
    const error = vi.spyOn(obs.logger, 'error').mockImplementation(() => undefined);
    const info = vi.spyOn(obs.logger, 'info').mockImplementation(() => undefined);
    obs.logEntry({ level: 'ERROR', message: 'indexing failed', listing: 'achievement#1' });
    obs.logEntry({ message: 'indexed' });
    expect(error).toHaveBeenCalledWith('indexing failed', { listing: 'achievement#1' });
    expect(info).toHaveBeenCalledWith('indexed', {});
  });
});

describe('the Meilisearch key from Secrets Manager', () => {
  it('leaves the environment alone without a secret ARN, or when a key is given directly', async () => {
    const env = { MEILI_URL: 'http://meili:7700' };
    expect(await searchEnvWithSecrets(env)).toBe(env);
    const direct = { MEILI_URL: 'http://meili:7700', MEILI_API_KEY: 'k', MEILI_API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:x' };
    expect(await searchEnvWithSecrets(direct)).toBe(direct);
  });
});
