/**
 * The synthesized CloudFormation, resource by resource: the properties that decide security,
 * durability and cost, for dev and prod, self-hosted and external search, and AWS China. Each
 * variant is synthesized once (without bundling; test/infra/bundles.test.ts covers the code).
 */
import { Match } from 'aws-cdk-lib/assertions';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { DynamoDBRecord } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/auth/principal';
import { createTableInput, TABLE_DEFINITION } from '../../shared/db/table';
import { MEILISEARCH_VERSION } from '../../shared/search/meilisearch-index';
import { listingOfRecord } from '../../shared/search/indexer';
import { httpApiPath, signedInRoutes } from '../../infra/constructs/api';
import { STREAM_FILTERS } from '../../infra/constructs/functions';
import { SMTP_URL_PLACEHOLDER } from '../../infra/constructs/mail';
import { MAIL_ENTITIES, mailEventsOf } from '../../shared/mail/events';
import { CACHE_KEY_COOKIES, FORWARDED_HEADERS } from '../../infra/constructs/web';
import { REFRESH_COOKIE, SESSION_COOKIE } from '../../web/session';
import { addNagChecks } from '../../infra/nag';
import { lambdaRouteDocs } from '../../infra/stack';
import { STATIC_PATHS } from '../../infra/web-assets';
import { APP_CSS } from '../../web/styles';
import { resourcesOf, synth, violations, type Synthesized } from './synth';

let dev: Synthesized;
let prod: Synthesized;
let china: Synthesized;
let external: Synthesized;
let customDomain: Synthesized;
/** Commercial dev with a sender: SES. */
let mail: Synthesized;
/** China with a sender: an SMTP relay (no SES there). */
let chinaMail: Synthesized;

beforeAll(async () => {
  dev = await synth({});
  prod = await synth({ stage: 'prod' });
  china = await synth({ stage: 'prod', region: 'cn-northwest-1' });
  external = await synth({ search: 'external', meiliUrl: 'https://search.example.com' });
  customDomain = await synth({ stage: 'prod', domainName: 'market.example.com', certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' });
  mail = await synth({ mailFrom: 'noreply@mail.example.com' });
  chinaMail = await synth({ stage: 'prod', region: 'cn-northwest-1', mailFrom: 'noreply@mail.example.cn' });
}, 240_000);

const nodeFunctions = (s: Synthesized) => resourcesOf(s.json, 'AWS::Lambda::Function').filter(([, r]) => String(r.Properties.Runtime).startsWith('nodejs'));
const functionNamed = (s: Synthesized, service: string) => {
  const found = nodeFunctions(s).find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service);
  if (!found) throw new Error(`no function ${service}`);
  return found;
};
/** Every action granted to a function's role, from the policies attached to it. */
const actionsOf = (s: Synthesized, service: string): string[] => {
  const [, fn] = functionNamed(s, service);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return resourcesOf(s.json, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement.flatMap((st: any) => [st.Action].flat()));
};

describe('cdk-nag (AwsSolutionsChecks)', () => {
  it('reports no unacknowledged finding in any variant', () => {
    for (const s of [dev, prod, china, external, customDomain, mail, chinaMail]) expect(violations(s.outdir), s.stack.stackName).toEqual([]);
  });

  it('is really checking: a public, unencrypted bucket fails synthesis', () => {
    const app = new App({ outdir: join(dev.outdir, 'control') });
    addNagChecks(app);
    const stack = new Stack(app, 'Control');
    new s3.Bucket(stack, 'Open', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    expect(() => app.synth()).toThrow();
    const rules = violations(join(dev.outdir, 'control')).map((v) => v.ruleName);
    expect(rules.some((r) => r.includes('AwsSolutions-S1'))).toBe(true);
  });
});

describe('data table', () => {
  it('is built from shared/db/table.ts: keys, GSIs and attribute definitions', () => {
    const expected = createTableInput('x');
    const [, table] = resourcesOf(dev.json, 'AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.KeySchema).toEqual(expected.KeySchema);
    expect(new Set(table.Properties.AttributeDefinitions.map((a: any) => a.AttributeName))).toEqual(new Set(expected.AttributeDefinitions!.map((a) => a.AttributeName)));
    expect(table.Properties.GlobalSecondaryIndexes.map((g: any) => ({ name: g.IndexName, keys: g.KeySchema }))).toEqual(
      expected.GlobalSecondaryIndexes!.map((g) => ({ name: g.IndexName, keys: g.KeySchema })),
    );
  });

  it('is on-demand, encrypted with KMS, recoverable, streams both images and expires idempotency records', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      // SSEEnabled without a key id: the AWS managed KMS key aws/dynamodb (not the default owned key).
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: TABLE_DEFINITION.stream },
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.ttlAttribute, Enabled: true },
    });
  });

  it('is protected and retained in prod only', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
    dev.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
  });
});

describe('functions', () => {
  it('run Node.js 22 on x86_64 from an ESM bundle with source maps, each with a log group', () => {
    const fns = nodeFunctions(dev);
    expect(fns.map(([, r]) => r.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort()).toEqual(
      ['api', 'match-alerts', 'pre-token-generation', 'reward-ledger', 'search-indexer', 'search-reconcile'],
    );
    for (const [, fn] of fns) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['x86_64'], Handler: 'index.handler' });
      expect(fn.Properties.Environment.Variables).toMatchObject({ NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_METRICS_NAMESPACE: 'TechMarket' });
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
  });

  it('give the api function what its handler reads, and no secret values', () => {
    const [, api] = functionNamed(dev, 'api');
    const env = api.Properties.Environment.Variables;
    for (const name of ['TABLE_NAME', 'AUTH_ISSUER', 'AUTH_CLIENT_ID', 'AUTH_HOSTED_UI_URL', 'WEB_ORIGIN', 'MEILI_URL', 'MEILI_API_KEY_SECRET_ARN']) expect(env[name], name).toBeDefined();
    expect(env.MEILI_API_KEY).toBeUndefined();
    expect(JSON.stringify(env.WEB_ORIGIN)).toContain('DomainName');
    expect(JSON.stringify(env.AUTH_HOSTED_UI_URL)).toContain('amazoncognito.com');
    expect(env.AUTH_ISSUER).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/UserPool/), 'ProviderURL'] });
  });

  it('are granted only the table actions they use', () => {
    const api = actionsOf(dev, 'api');
    expect(api).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']));
    const indexer = actionsOf(dev, 'search-indexer');
    expect(indexer).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']) expect(indexer).not.toContain(write);
    expect(actionsOf(dev, 'reward-ledger').some((a) => a.startsWith('secretsmanager:'))).toBe(false);
    expect(actionsOf(dev, 'search-indexer')).toContain('secretsmanager:GetSecretValue');
    for (const service of ['api', 'search-indexer', 'match-alerts', 'reward-ledger', 'pre-token-generation']) {
      const actions = actionsOf(dev, service);
      for (const a of actions) expect(a, `${service}: ${a}`).not.toMatch(/^(\*|dynamodb:\*|dynamodb:Scan|dynamodb:DeleteTable|dynamodb:BatchWriteItem)$/);
    }
  });

  it('consume the stream with partial batch failures, bisection, bounded retries and age, a DLQ and filters', () => {
    const mappings = resourcesOf(dev.json, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(3);
    for (const [, m] of mappings) {
      expect(m.Properties).toMatchObject({
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        StartingPosition: 'TRIM_HORIZON',
        ParallelizationFactor: 1,
      });
      expect(m.Properties.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(m.Properties.MaximumRetryAttempts).toBeLessThanOrEqual(20);
      expect(m.Properties.MaximumRecordAgeInSeconds).toBeGreaterThan(0);
      expect(m.Properties.MaximumRecordAgeInSeconds).toBeLessThanOrEqual(86_400);
      expect(m.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][1]).toBe('Arn');
      expect(m.Properties.FilterCriteria.Filters.length).toBeGreaterThan(0);
    }
    const patterns = mappings.flatMap(([, m]) => m.Properties.FilterCriteria.Filters.map((f: any) => JSON.parse(f.Pattern)));
    expect(patterns).toEqual(expect.arrayContaining([...STREAM_FILTERS.searchIndexer, ...STREAM_FILTERS.matchAlerts, ...STREAM_FILTERS.rewardLedger]));
  });

  it('have dead-letter queues encrypted and TLS-only', () => {
    expect(resourcesOf(dev.json, 'AWS::SQS::Queue')).toHaveLength(3);
    dev.template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});

/** Lambda event-filter matching for the subset used here: exact values and `prefix`. */
function matches(pattern: any, value: any): boolean {
  if (Array.isArray(pattern)) return pattern.some((p) => (typeof p === 'object' && p && 'prefix' in p ? typeof value === 'string' && value.startsWith(p.prefix) : p === value));
  if (typeof pattern === 'object') return value !== undefined && Object.entries(pattern).every(([k, p]) => matches(p, value?.[k]));
  return pattern === value;
}
const delivered = (filters: readonly object[], record: DynamoDBRecord) => filters.some((f) => matches(f, record));
const record = (pk: string, sk: string, status?: string): DynamoDBRecord => ({
  eventName: 'MODIFY',
  dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } }, ...(status ? { NewImage: { pk: { S: pk }, status: { S: status } } } : {}) },
});

describe('search reconcile', () => {
  it('runs nightly at 03:00 Beijing time, and may only read the table', () => {
    for (const s of [dev, china]) {
      const [fnId] = functionNamed(s, 'search-reconcile');
      const rule = resourcesOf(s.json, 'AWS::Events::Rule').find(([, r]) => r.Properties.Targets.some((t: any) => t.Arn?.['Fn::GetAtt']?.[0] === fnId));
      expect(rule?.[1].Properties).toMatchObject({ ScheduleExpression: 'cron(0 19 * * ? *)', State: 'ENABLED' });
      expect(actionsOf(s, 'search-reconcile').filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    }
  });
});

describe('api function settings', () => {
  it('sets the per-person write limit explicitly', () => {
    expect(functionNamed(dev, 'api')[1].Properties.Environment.Variables.RATE_LIMIT_WRITES_PER_MINUTE).toBe('60');
  });
});

describe('stream filters agree with the handlers’ own record selection', () => {
  const samples = [
    record('ACHIEVEMENT#ach_1', 'ACHIEVEMENT', 'published'),
    record('ACHIEVEMENT#ach_1', 'ACHIEVEMENT', 'draft'),
    record('NEED#need_1', 'NEED', 'published'),
    record('NEED#need_1', 'TEAM#x', 'published'),
    record('ACHIEVEMENT#ach_1', 'INTEREST#1'),
    record('PAYMENT#pay_1', 'PAYMENT', 'verified'),
    record('PAYMENT#pay_1', 'PAYMENT', 'recorded'),
    record('ORG#org_1', 'ORG', 'verified'),
  ];

  it('search-indexer gets exactly the listing items', () => {
    for (const r of samples) expect(delivered(STREAM_FILTERS.searchIndexer, r), JSON.stringify(r.dynamodb!.Keys)).toBe(listingOfRecord(r) !== null);
  });

  it('match-alerts gets the listing items whose new image is published', () => {
    for (const r of samples) expect(delivered(STREAM_FILTERS.matchAlerts, r)).toBe(listingOfRecord(r) !== null && r.dynamodb!.NewImage?.status?.S === 'published');
  });

  it('reward-ledger gets the verified payments', () => {
    for (const r of samples) expect(delivered(STREAM_FILTERS.rewardLedger, r)).toBe(r.dynamodb!.Keys!.pk!.S!.startsWith('PAYMENT#') && r.dynamodb!.NewImage?.status?.S === 'verified');
  });

  it('mail-notifier gets the records of the entities mail follows, and none it would mail about is left out', () => {
    expect([...STREAM_FILTERS.mailNotifier[0].dynamodb.NewImage.entity.S].sort()).toEqual([...MAIL_ENTITIES].sort());
    const entities = [...MAIL_ENTITIES, 'person', 'achievement', 'need', 'delivery', 'digest_entry', 'ledger_entry'];
    for (const entity of entities) {
      // A new record of each kind: for the followed ones mail may mean something (a received interest).
      const image = { pk: { S: `X#${entity}` }, sk: { S: 'X' }, entity: { S: entity }, id: { S: 'x1' }, status: { S: 'pending' } };
      const created: DynamoDBRecord = { eventName: 'INSERT', dynamodb: { Keys: { pk: image.pk, sk: image.sk }, NewImage: image } };
      expect(delivered(STREAM_FILTERS.mailNotifier, created), entity).toBe(MAIL_ENTITIES.includes(entity));
      if (!delivered(STREAM_FILTERS.mailNotifier, created)) expect(mailEventsOf({ old: undefined, new: { entity, id: 'x1', status: 'pending' } }), entity).toEqual([]);
    }
    // Removals have no new image: never delivered (mail has nothing to say about them).
    const removed: DynamoDBRecord = { eventName: 'REMOVE', dynamodb: { Keys: { pk: { S: 'INTEREST#1' }, sk: { S: 'INTEREST' } }, OldImage: { entity: { S: 'interest' } } } };
    expect(delivered(STREAM_FILTERS.mailNotifier, removed)).toBe(false);
  });
});

describe('HTTP API', () => {
  it('puts the JWT authorizer on every signed-in route and leaves public routes to $default', () => {
    const routes = resourcesOf(dev.json, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    const byKey = new Map(routes.map((r) => [r.RouteKey, r]));
    const docs = lambdaRouteDocs();
    const signedIn = signedInRoutes(docs);
    expect(signedIn.length).toBeGreaterThan(20);
    for (const doc of docs) {
      const key = `${doc.method.toUpperCase()} ${httpApiPath(doc.path)}`;
      if (doc.access === 'anyone') expect(byKey.has(key), key).toBe(false);
      else expect(byKey.get(key), key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: expect.any(String) } });
    }
    expect(byKey.get('$default')?.AuthorizationType ?? 'NONE').toBe('NONE');
    expect(routes).toHaveLength(signedIn.length + 1);
  });

  it('validates Cognito access tokens for our client', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }], Issuer: Match.anyValue() },
    });
  });

  it('throttles the stage and writes JSON access logs', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });

  it('allows CORS for the site origin only (none without a custom domain: same origin)', () => {
    const [, api] = resourcesOf(dev.json, 'AWS::ApiGatewayV2::Api')[0]!;
    expect(api.Properties.CorsConfiguration).toBeUndefined();
    customDomain.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://market.example.com'] }) });
  });

  it('invokes the function with one API-wide permission', () => {
    expect(resourcesOf(dev.json, 'AWS::Lambda::Permission').filter(([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com')).toHaveLength(1);
  });
});

describe('Cognito', () => {
  it('has the four role groups', () => {
    const groups = resourcesOf(dev.json, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin', Precedence: 0 });
  });

  it('keeps custom:orgId readable but not writable by the app client', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'orgId', AttributeDataType: 'String', Mutable: true })]),
    });
    const [, client] = resourcesOf(dev.json, 'AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties.ReadAttributes).toContain('custom:orgId');
    expect(client.Properties.WriteAttributes).not.toContain('custom:orgId');
  });

  it('copies custom:orgId into access tokens with a V2 pre-token-generation trigger', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V2_0' } },
      UserPoolTier: 'ESSENTIALS',
    });
  });

  it('is a public authorization-code client with PKCE-ready callback and logout URLs on the site', () => {
    const [, client] = resourcesOf(dev.json, 'AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties).toMatchObject({ GenerateSecret: false, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ['COGNITO'] });
    expect(client.Properties.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    expect(JSON.stringify(client.Properties.CallbackURLs)).toMatch(/https:\/\/.*DomainName.*\/auth\/callback/);
    expect(JSON.stringify(client.Properties.LogoutURLs)).toMatch(/https:\/\/.*DomainName.*"\/"/);
    expect(resourcesOf(dev.json, 'AWS::Cognito::UserPoolDomain')).toHaveLength(1);
  });

  it('enforces threat protection (Plus) and deletion protection in prod', () => {
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' }, DeletionProtection: 'ACTIVE' });
  });
});

describe('Meilisearch', () => {
  it('self-hosted: the pinned image, master key from Secrets Manager, one task, no public IP', () => {
    dev.template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [
        Match.objectLike({
          Image: `getmeili/meilisearch:${MEILISEARCH_VERSION}`,
          Secrets: [Match.objectLike({ Name: 'MEILI_MASTER_KEY' })],
          MountPoints: [Match.objectLike({ ContainerPath: '/meili_data' })],
        }),
      ],
      Volumes: [Match.objectLike({ EFSVolumeConfiguration: Match.objectLike({ TransitEncryption: 'ENABLED', AuthorizationConfig: Match.objectLike({ IAM: 'ENABLED' }) }) })],
    });
    dev.template.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 1,
      DeploymentConfiguration: Match.objectLike({ MaximumPercent: 100, MinimumHealthyPercent: 0 }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
    dev.template.hasResourceProperties('AWS::EFS::FileSystem', { Encrypted: true });
  });

  it('self-hosted: port 7700 is open to the functions’ security group only', () => {
    const ingress = resourcesOf(dev.json, 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties);
    const meili = ingress.filter((r) => r.FromPort === 7700);
    expect(meili).toHaveLength(1);
    expect(meili[0].SourceSecurityGroupId['Fn::GetAtt'][0]).toMatch(/ClientSg/);
    const inline = resourcesOf(dev.json, 'AWS::EC2::SecurityGroup').flatMap(([, g]) => g.Properties.SecurityGroupIngress ?? []);
    expect(inline.filter((r: any) => r.CidrIp === '0.0.0.0/0')).toEqual([]);
  });

  it('self-hosted: the searching functions run in private subnets, the ledger does not', () => {
    for (const service of ['api', 'search-indexer', 'match-alerts']) expect(functionNamed(dev, service)[1].Properties.VpcConfig, service).toBeDefined();
    expect(functionNamed(dev, 'reward-ledger')[1].Properties.VpcConfig).toBeUndefined();
  });

  it('external: no VPC or container, the given URL and a secret for its key', () => {
    for (const type of ['AWS::EC2::VPC', 'AWS::ECS::Service', 'AWS::EFS::FileSystem', 'AWS::EC2::NatGateway']) expect(resourcesOf(external.json, type), type).toEqual([]);
    const env = functionNamed(external, 'api')[1].Properties.Environment.Variables;
    expect(env.MEILI_URL).toBe('https://search.example.com');
    expect(env.MEILI_API_KEY_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/ApiKey/) });
    expect(functionNamed(external, 'api')[1].Properties.VpcConfig).toBeUndefined();
  });
});

describe('attachments bucket', () => {
  const filesBucket = (s: Synthesized) => {
    const found = resourcesOf(s.json, 'AWS::S3::Bucket').find(([, b]) => b.Properties.VersioningConfiguration);
    if (!found) throw new Error('no versioned bucket');
    return found;
  };

  it('is versioned, access-logged, CORS for the site origin only, and empties pending/ after a day', () => {
    const [id, bucket] = filesBucket(dev);
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toBeDefined();
    const [cors] = bucket.Properties.CorsConfiguration.CorsRules;
    expect(cors.AllowedMethods.sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(cors.AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.AllowedOrigins)).toContain('DomainName');
    const pending = bucket.Properties.LifecycleConfiguration.Rules.find((r: any) => r.Prefix === 'pending/');
    expect(pending).toMatchObject({ ExpirationInDays: 1, Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } });
    const [, api] = functionNamed(dev, 'api');
    expect(api.Properties.Environment.Variables.FILES_BUCKET).toEqual({ Ref: id });
    const [, prodBucket] = filesBucket(prod);
    expect(prodBucket.Properties.LifecycleConfiguration.Rules.find((r: any) => r.Prefix === 'files/').NoncurrentVersionExpiration.NoncurrentDays).toBe(3650);
  });

  it('lets only the api read and write it, under pending/ and files/ and nothing wider', () => {
    const [id] = filesBucket(dev);
    const statements = resourcesOf(dev.json, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
    const onBucket = statements.filter((st) => JSON.stringify(st.Resource).includes(id) && [st.Action].flat().some((a: string) => a.startsWith('s3:')));
    const resources = onBucket.flatMap((st) => [st.Resource].flat()).map((r: any) => r['Fn::Join'][1].slice(1).join(''));
    expect(resources.sort()).toEqual(['/files/*', '/pending/*']);
    expect(onBucket.flatMap((st) => [st.Action].flat())).not.toContain('s3:*');
    for (const service of ['search-indexer', 'match-alerts', 'reward-ledger']) expect(actionsOf(dev, service).some((a) => a.startsWith('s3:')), service).toBe(false);
  });
});

describe('web hosting', () => {
  it('keeps both buckets private, encrypted and TLS-only', () => {
    dev.template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: Match.anyValue(),
    });
    expect(resourcesOf(dev.json, 'AWS::S3::BucketPolicy').every(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('aws:SecureTransport'))).toBe(true);
  });

  it('serves assets from S3 through origin access control and everything else from the API, uncached', () => {
    const [, dist] = resourcesOf(dev.json, 'AWS::CloudFront::Distribution')[0]!;
    const config = dist.Properties.DistributionConfig;
    const apiOrigin = config.Origins.find((o: any) => o.CustomOriginConfig);
    const s3Origin = config.Origins.find((o: any) => o.S3OriginConfig);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior).toMatchObject({ TargetOriginId: apiOrigin.Id, ViewerProtocolPolicy: 'redirect-to-https' });
    expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    expect(config.CacheBehaviors.map((b: any) => [b.PathPattern, b.TargetOriginId])).toEqual([
      ['/assets/*', s3Origin.Id],
      ['/docs/assets/*', s3Origin.Id],
    ]);
    expect(config.Logging.Bucket).toBeDefined();
    dev.template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: 300,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
          CookiesConfig: { CookieBehavior: 'whitelist', Cookies: ['lang', 'tm_session', 'tm_refresh'] },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
        }),
      }),
    });
    // The cookies in the key are the ones the app reads for language and session.
    expect(CACHE_KEY_COOKIES).toEqual(['lang', SESSION_COOKIE, REFRESH_COOKIE]);
    dev.template.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: Match.objectLike({ CookiesConfig: { CookieBehavior: 'all' }, QueryStringsConfig: { QueryStringBehavior: 'all' }, HeadersConfig: { HeaderBehavior: 'whitelist', Headers: FORWARDED_HEADERS } }),
    });
    expect(FORWARDED_HEADERS.map((h) => h.toLowerCase())).not.toContain('host');
  });

  it('adds security headers without overriding the app’s referrer policy', () => {
    dev.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 730 * 86_400, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: false },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: false },
        }),
      }),
    });
  });

  it('deploys the assets rendered from the app’s own routes', () => {
    const dir = join(dev.outdir, 'web-assets-src');
    for (const path of STATIC_PATHS) expect(readFileSync(join(dir, path.slice(1))).length, path).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'assets/app.css'), 'utf8')).toContain(APP_CSS.slice(0, 200));
    expect(resourcesOf(dev.json, 'Custom::CDKBucketDeployment')).toHaveLength(1);
  });

  it('uses the custom domain’s ACM certificate with TLS 1.2 when given', () => {
    customDomain.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: ['market.example.com'], ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }) }),
    });
    expect(functionNamed(customDomain, 'api')[1].Properties.Environment.Variables.WEB_ORIGIN).toBe('https://market.example.com');
  });
});

describe('alarms', () => {
  it('watch errors and throttles of every function, iterator age and DLQ of every consumer, and API 5xx', () => {
    const alarms = resourcesOf(dev.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const count = (metric: string) => alarms.filter((a) => a.MetricName === metric).length;
    expect(count('Errors')).toBe(6);
    expect(count('Throttles')).toBe(6);
    expect(count('IteratorAge')).toBe(3);
    expect(count('ApproximateNumberOfMessagesVisible')).toBe(3);
    expect(count('5xx')).toBe(1);
    for (const a of alarms) expect(a.AlarmActions, a.AlarmDescription).toHaveLength(1);
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('AWS China (cn-northwest-1)', () => {
  it('has no Cognito and no origin access control (not offered there): an external issuer and an OAI instead', () => {
    expect(Object.values(china.json.Resources).filter((r: any) => r.Type.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(resourcesOf(china.json, 'AWS::CloudFront::OriginAccessControl')).toEqual([]);
    expect(resourcesOf(china.json, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toHaveLength(1);
    expect(Object.keys(china.json.Parameters)).toEqual(expect.arrayContaining(['AuthIssuer', 'AuthClientId', 'AuthJwksUrl', 'AuthHostedUiUrl', 'DomainName', 'IamCertificateId']));
    const env = functionNamed(china, 'api')[1].Properties.Environment.Variables;
    expect(env.AUTH_ISSUER).toEqual({ Ref: 'AuthIssuer' });
    expect(env.AUTH_JWKS_URL).toEqual({ Ref: 'AuthJwksUrl' });
    expect(env.WEB_ORIGIN).toEqual({ 'Fn::Join': ['', ['https://', { Ref: 'DomainName' }]] });
    china.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { JwtConfiguration: { Issuer: { Ref: 'AuthIssuer' }, Audience: [{ Ref: 'AuthClientId' }] } });
  });

  it('serves the site on the ICP domain with the IAM certificate and TLS 1.2', () => {
    china.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: [{ Ref: 'DomainName' }],
        ViewerCertificate: { IamCertificateId: { Ref: 'IamCertificateId' }, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
        HttpVersion: 'http2',
      }),
    });
  });

  it('writes no commercial-partition ARN or endpoint literally', () => {
    const text = JSON.stringify(china.json);
    expect(text).not.toMatch(/arn:aws:/);
    // CloudFront's API origin: <api id>.execute-api.<region>.<AWS::URLSuffix> (amazonaws.com.cn there).
    expect(text).toContain('".execute-api.cn-northwest-1.",{"Ref":"AWS::URLSuffix"}');
    const [, api] = functionNamed(china, 'api');
    expect(api.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['x86_64'] });
  });
});

describe('mail', () => {
  const outputs = (s: Synthesized) => s.json.Outputs as Record<string, { Value: unknown }>;
  const sesResources = (s: Synthesized) => Object.values(s.json.Resources).filter((r: any) => String(r.Type).startsWith('AWS::SES::'));
  const mailServices = ['mail-notifier', 'mail-digest', 'mail-feedback'];
  const servicesOf = (s: Synthesized) => nodeFunctions(s).map(([, r]) => r.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME as string);

  it('is off without a sender: no mail function, no SES, no link secret, and an output that says so', () => {
    for (const s of [dev, china]) {
      expect(servicesOf(s).filter((n) => n.startsWith('mail-'))).toEqual([]);
      expect(sesResources(s)).toEqual([]);
      expect(functionNamed(s, 'api')[1].Properties.Environment.Variables.MAIL_LINK_SECRET_ARN).toBeUndefined();
      expect(String(outputs(s).MailStatus?.Value)).toMatch(/^off: .*in-app only.*-c mailFrom=/);
    }
    expect(resourcesOf(dev.json, 'AWS::SecretsManager::Secret')).toHaveLength(1);
  });

  it('commercial: a domain identity with easy DKIM and a configuration set that requires TLS and suppresses bounces and complaints', () => {
    mail.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mail.example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('ConfigurationSet') } },
    });
    const [, identity] = resourcesOf(mail.json, 'AWS::SES::EmailIdentity')[0]!;
    // Easy DKIM is SES's default (no BYODKIM key given).
    expect(identity.Properties.DkimSigningAttributes?.DomainSigningPrivateKey).toBeUndefined();
    mail.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
    expect(outputs(mail).MailIdentity?.Value).toBe('mail.example.com');
    expect(outputs(mail).MailConfigurationSet?.Value).toEqual({ Ref: expect.stringMatching(/ConfigurationSet/) });
    expect(String(outputs(mail).MailDnsNote?.Value)).toMatch(/DKIM CNAME/);
    for (const i of [1, 2, 3]) expect(JSON.stringify(outputs(mail)[`MailDkimRecord${i}`]?.Value)).toContain(`DkimDNSTokenValue${i}`);
  });

  it('commercial: bounce, complaint and reject events go to an encrypted, TLS-only topic that mail-feedback is subscribed to', () => {
    const [, destination] = resourcesOf(mail.json, 'AWS::SES::ConfigurationSetEventDestination')[0]!;
    expect(destination.Properties.EventDestination.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint', 'reject']);
    const topicId = destination.Properties.EventDestination.SnsDestination.TopicARN.Ref;
    const topic = mail.json.Resources[topicId];
    expect(topic.Type).toBe('AWS::SNS::Topic');
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const [, policy] = resourcesOf(mail.json, 'AWS::SNS::TopicPolicy').find(([, p]) => p.Properties.Topics.some((t: any) => t.Ref === topicId))!;
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]));
    expect(statements).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' })]));
    // The key lets SES encrypt what it publishes.
    const [, key] = Object.entries(mail.json.Resources as Record<string, any>).find(([id]) => id === topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0])!;
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('ses.amazonaws.com');
    const [feedbackId] = functionNamed(mail, 'mail-feedback');
    mail.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', TopicArn: { Ref: topicId }, Endpoint: { 'Fn::GetAtt': [feedbackId, 'Arn'] } });
    expect(actionsOf(mail, 'mail-feedback')).toEqual(['dynamodb:PutItem']);
  });

  it('commercial: the notifier consumes the stream for the followed entities only, with a DLQ', () => {
    const [notifierId, notifier] = functionNamed(mail, 'mail-notifier');
    const [, mapping] = resourcesOf(mail.json, 'AWS::Lambda::EventSourceMapping').find(([, m]) => m.Properties.FunctionName.Ref === notifierId)!;
    expect(mapping.Properties).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'], BisectBatchOnFunctionError: true, MaximumRetryAttempts: 5, MaximumRecordAgeInSeconds: 6 * 3600, ParallelizationFactor: 1 });
    expect(mapping.Properties.FilterCriteria.Filters.map((f: any) => JSON.parse(f.Pattern))).toEqual([...STREAM_FILTERS.mailNotifier]);
    const dlqId = mapping.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    expect(mail.json.Resources[dlqId].Type).toBe('AWS::SQS::Queue');
    expect(notifier.Properties.Environment.Variables).toMatchObject({
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: 'noreply@mail.example.com',
      MAIL_CONFIGURATION_SET: { Ref: expect.stringMatching(/ConfigurationSet/) },
      MAIL_LINK_SECRET_ARN: { Ref: expect.stringMatching(/LinkSecret/) },
      TABLE_NAME: { Ref: expect.stringMatching(/DataTable/) },
    });
    expect(JSON.stringify(notifier.Properties.Environment.Variables.WEB_ORIGIN)).toContain('DomainName');
    expect(notifier.Properties.Environment.Variables.SMTP_URL_SECRET_ARN).toBeUndefined();
    expect(notifier.Properties.VpcConfig).toBeUndefined();
    for (const service of ['mail-notifier', 'mail-digest']) {
      // Table actions, without the stream reads the event source adds for the notifier.
      const streamReads = ['dynamodb:ListStreams', 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
      const tableActions = actionsOf(mail, service).filter((a) => a.startsWith('dynamodb:') && !streamReads.includes(a));
      expect(tableActions.sort(), service).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
      expect(actionsOf(mail, service), service).toContain('secretsmanager:GetSecretValue');
    }
  });

  it('commercial: the digest runs daily at 08:00 Beijing time (00:00 UTC)', () => {
    const [digestId] = functionNamed(mail, 'mail-digest');
    const rule = resourcesOf(mail.json, 'AWS::Events::Rule').find(([, r]) => r.Properties.Targets.some((t: any) => t.Arn?.['Fn::GetAtt']?.[0] === digestId));
    expect(rule?.[1].Properties).toMatchObject({ ScheduleExpression: 'cron(0 0 * * ? *)', State: 'ENABLED' });
  });

  it('commercial: may send only as the identity and through the configuration set', () => {
    const statements = resourcesOf(mail.json, 'AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
    const sending = statements.filter((st) => [st.Action].flat().some((a: string) => a.startsWith('ses:')));
    expect(sending.length).toBe(2);
    for (const st of sending) {
      expect([st.Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = [st.Resource].flat();
      expect(resources).toHaveLength(2);
      expect(resources).not.toContain('*');
      const texts = resources.map((r: any) => JSON.stringify(r));
      expect(texts.some((t: string) => t.includes('{"Ref":"AWS::Partition"}') && t.endsWith(':identity/mail.example.com"]]}'))).toBe(true);
      expect(texts.some((t: string) => t.includes(':configuration-set/') && /ConfigurationSet/.test(t))).toBe(true);
      expect(texts.every((t: string) => !t.includes('*'))).toBe(true);
    }
    for (const service of ['api', 'mail-feedback', 'match-alerts', 'pre-token-generation']) expect(actionsOf(mail, service).some((a) => a.startsWith('ses:')), service).toBe(false);
  });

  it('gives the api the link secret to verify unsubscribe links', () => {
    for (const s of [mail, chinaMail]) {
      const env = functionNamed(s, 'api')[1].Properties.Environment.Variables;
      expect(env.MAIL_LINK_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/MailLinkSecret/) });
      const secret = s.json.Resources[env.MAIL_LINK_SECRET_ARN.Ref];
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
      expect(actionsOf(s, 'api')).toContain('secretsmanager:GetSecretValue');
    }
  });

  it('alarms every mail function, and the notifier’s iterator age and DLQ', () => {
    const alarms = resourcesOf(mail.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const count = (metric: string) => alarms.filter((a) => a.MetricName === metric).length;
    expect(count('Errors')).toBe(9);
    expect(count('Throttles')).toBe(9);
    expect(count('IteratorAge')).toBe(4);
    expect(count('ApproximateNumberOfMessagesVisible')).toBe(4);
    for (const service of mailServices) expect(alarms.some((a) => a.AlarmDescription === `${service}: invocation errors`), service).toBe(true);
  });

  it('with a custom domain, sends from noreply@<domain> by default', () => {
    expect(functionNamed(customDomain, 'mail-notifier')[1].Properties.Environment.Variables.MAIL_FROM).toBe('noreply@market.example.com');
    customDomain.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'market.example.com' });
  });

  it('China: no SES at all, an SMTP relay secret the notifier and digest read, no feedback function', () => {
    expect(sesResources(chinaMail)).toEqual([]);
    expect(servicesOf(chinaMail).filter((n) => n.startsWith('mail-')).sort()).toEqual(['mail-digest', 'mail-notifier']);
    const [smtpId, smtp] = resourcesOf(chinaMail.json, 'AWS::SecretsManager::Secret').find(([id]) => /SmtpUrl/.test(id))!;
    expect(smtp.Properties.SecretString).toBe(SMTP_URL_PLACEHOLDER);
    for (const service of ['mail-notifier', 'mail-digest']) {
      const env = functionNamed(chinaMail, service)[1].Properties.Environment.Variables;
      expect(env).toMatchObject({ MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'noreply@mail.example.cn', SMTP_URL_SECRET_ARN: { Ref: smtpId } });
      expect(env.MAIL_CONFIGURATION_SET).toBeUndefined();
      expect(actionsOf(chinaMail, service).some((a) => a.startsWith('ses:')), service).toBe(false);
    }
    expect(String(outputs(chinaMail).MailStatus?.Value)).toMatch(/^on: SMTP relay/);
    expect(outputs(chinaMail).SmtpUrlSecretArn?.Value).toEqual({ Ref: smtpId });
    expect(JSON.stringify(chinaMail.json)).not.toMatch(/arn:aws:/);
  });
});

describe('pre-token-generation', () => {
  it('may update only person items (leading key USER#…), and knows the table', () => {
    const [, fn] = functionNamed(dev, 'pre-token-generation');
    expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ Ref: expect.stringMatching(/DataTable/) });
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = resourcesOf(dev.json, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as any[]);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/DataTable/), 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
      },
    ]);
  });
});
