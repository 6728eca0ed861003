/**
 * The Lambda functions: one factory for the common settings (Node.js 22 on x86_64, local esbuild
 * bundling as described in infra/bundling.ts, a log group with retention, Powertools settings), the
 * api function, and the DynamoDB stream consumers with their dead-letter queues (three here; mail adds
 * its notifier through `addStreamConsumer`, infra/constructs/mail.ts).
 */
import { Duration, RemovalPolicy, type CfnResource } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Charset, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledge, acknowledgeLambdaExecutionRole, arnRef } from '../nag';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { METRICS_NAMESPACE } from '../../shared/observability/lambda';
import { addNativeFilesCommands, LAMBDA_ALIASES, ESBUILD_TARGET, ESM_REQUIRE_BANNER, FUNCTIONS, NATIVE_EXTERNALS, PROJECT_ROOT, type FunctionSpec } from '../bundling';
import type { Stage } from '../config';
import type { SearchEngine } from './search';

/** x86_64: the jieba binding in node_modules is linux-x64-gnu (see infra/bundling.ts). */
export const LAMBDA_ARCHITECTURE = lambda.Architecture.X86_64;
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_22_X;

export interface MarketFunctionProps {
  stage: Stage;
  memorySize: number;
  timeout: Duration;
  environment?: Record<string, string>;
  description: string;
  /** Self-hosted search: functions that talk to Meilisearch run in the VPC's private subnets. */
  network?: { vpc: ec2.IVpc; securityGroups: ec2.ISecurityGroup[] };
}

export function functionSpec(name: FunctionSpec['name']): FunctionSpec {
  const spec = FUNCTIONS.find((f) => f.name === name);
  if (!spec) throw new Error(`no function spec named ${name}`);
  return spec;
}

/** A NodejsFunction with the project's bundling, logging and observability settings. */
export function marketFunction(scope: Construct, id: string, spec: FunctionSpec, props: MarketFunctionProps): NodejsFunction {
  const prod = props.stage === 'prod';
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: prod ? logs.RetentionDays.ONE_YEAR : logs.RetentionDays.ONE_MONTH,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const fn = new NodejsFunction(scope, id, {
    description: props.description,
    entry: join(PROJECT_ROOT, spec.entry),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
    runtime: LAMBDA_RUNTIME,
    architecture: LAMBDA_ARCHITECTURE,
    memorySize: props.memorySize,
    timeout: props.timeout,
    logGroup,
    environment: {
      POWERTOOLS_SERVICE_NAME: spec.name,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: prod ? 'INFO' : 'DEBUG',
      // Stack traces in the logs point at the TypeScript sources (the bundles ship their .map files).
      NODE_OPTIONS: '--enable-source-maps',
      ...props.environment,
    },
    ...(props.network
      ? { vpc: props.network.vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, securityGroups: props.network.securityGroups }
      : {}),
    bundling: {
      format: OutputFormat.ESM,
      target: ESBUILD_TARGET,
      minify: true,
      sourceMap: true,
      sourceMapMode: SourceMapMode.EXTERNAL,
      sourcesContent: false,
      mainFields: ['module', 'main'],
      banner: ESM_REQUIRE_BANNER,
      bundleAwsSDK: true,
      charset: Charset.UTF8,
      esbuildArgs: Object.fromEntries(Object.entries(LAMBDA_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
      externalModules: spec.native ? [...NATIVE_EXTERNALS] : [],
      forceDockerBundling: false,
      ...(spec.native
        ? {
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              // The native package and its linux-x64-gnu binding beside index.mjs, and the trimmed dictionary.
              afterBundling: (inputDir: string, outputDir: string) => addNativeFilesCommands(inputDir, outputDir),
            },
          }
        : {}),
    },
  });
  acknowledgeLambdaExecutionRole(fn, props.network !== undefined);
  acknowledge(fn, [
    {
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is the runtime this project targets and tests its bundles and the native jieba binding for (issue 6); moving to a newer runtime is a deliberate change with its own checks.',
    },
  ]);
  return fn;
}

/** DynamoDB actions, split by what each function does with the table. */
const READ = ['dynamodb:GetItem', 'dynamodb:Query'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];

/** The actions on the table and, unless `indexes` is false, on its GSIs (`<table>/index/*`). */
export function grantTable(fn: lambda.IFunction, table: dynamodb.ITable, actions: string[], options: { indexes?: boolean } = {}): void {
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions,
      resources: options.indexes === false ? [table.tableArn] : [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
}

/** cdk-nag finding id of the `<table>/index/*` resource grantTable adds. */
export function tableIndexesFinding(table: dynamodb.ITable): string {
  return `AwsSolutions-IAM5[Resource::${arnRef(table.node.defaultChild as CfnResource)}/index/*]`;
}

export interface StreamConsumerSettings {
  /** Lambda event filters: only records the handler acts on are delivered (and paid for). */
  filters: Array<Record<string, unknown>>;
  retryAttempts: number;
  maxRecordAge: Duration;
}

/**
 * Which records each consumer is sent; each mirrors the handler's own first check, which stays in the
 * code (filters only save invocations):
 * - search-indexer: the listing items themselves (pk ACHIEVEMENT#… / NEED#…, sk ACHIEVEMENT / NEED),
 *   shared/search/indexer.ts `listingOfRecord`.
 * - match-alerts: the same listing items, only when the new image is published (the handler also
 *   checks that the old one was not), shared/services/alerts.ts.
 * - reward-ledger: payments (pk PAYMENT#…) whose new image is verified, shared/services/rewards.ts.
 * - mail-notifier: records whose new image's `entity` is one mail follows (removals have no new image
 *   and mean no mail), shared/mail/events.ts `MAIL_ENTITIES` / `mailEventsOf`.
 */
export const STREAM_FILTERS = {
  searchIndexer: [
    { dynamodb: { Keys: { pk: { S: [{ prefix: 'ACHIEVEMENT#' }] }, sk: { S: ['ACHIEVEMENT'] } } } },
    { dynamodb: { Keys: { pk: { S: [{ prefix: 'NEED#' }] }, sk: { S: ['NEED'] } } } },
  ],
  matchAlerts: [
    { dynamodb: { Keys: { pk: { S: [{ prefix: 'ACHIEVEMENT#' }] }, sk: { S: ['ACHIEVEMENT'] } }, NewImage: { status: { S: ['published'] } } } },
    { dynamodb: { Keys: { pk: { S: [{ prefix: 'NEED#' }] }, sk: { S: ['NEED'] } }, NewImage: { status: { S: ['published'] } } } },
  ],
  rewardLedger: [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'PAYMENT#' }] } }, NewImage: { status: { S: ['verified'] } } } }],
  mailNotifier: [{ dynamodb: { NewImage: { entity: { S: ['interest', 'notification', 'message', 'contract', 'payment', 'claim', 'organisation', 'application'] } } } }],
} as const;

export interface StreamConsumerOptions {
  description: string;
  environment: Record<string, string>;
  tableActions: string[];
  usesSearch: boolean;
  settings: StreamConsumerSettings;
  /** 60 s unless given. */
  timeout?: Duration;
  /** The construct the function and its DLQ are created in (the MarketFunctions construct by default). */
  scope?: Construct;
}

export interface MarketFunctionsProps {
  stage: Stage;
  table: dynamodb.Table;
  search: SearchEngine;
  /** Environment of the api function only (auth, web origin). */
  apiEnvironment: Record<string, string>;
}

export class MarketFunctions extends Construct {
  readonly api: NodejsFunction;
  /** Daily: compares the index with the table and rebuilds it when they drifted. */
  readonly searchReconcile: NodejsFunction;
  readonly streamConsumers: { name: string; fn: NodejsFunction; dlq: sqs.Queue }[] = [];

  private readonly settings: MarketFunctionsProps;

  constructor(scope: Construct, id: string, props: MarketFunctionsProps) {
    super(scope, id);
    this.settings = props;
    const { table, search, stage } = props;
    const base = { TABLE_NAME: table.tableName };

    this.api = marketFunction(this, 'Api', functionSpec('api'), {
      stage,
      description: 'The HTTP API and the server-rendered pages (Hono)',
      // jieba's dictionary and the app load at cold start; more memory is also more CPU for that.
      memorySize: 1024,
      // API Gateway gives up after 30 s.
      timeout: Duration.seconds(25),
      environment: { ...base, ...search.environment, ...props.apiEnvironment },
      ...search.clientNetwork(),
    });
    grantTable(this.api, table, [...READ, ...WRITE, 'dynamodb:DescribeTable']);
    search.grantClient(this.api);

    this.addStreamConsumer('SearchIndexer', functionSpec('search-indexer'), {
      description: 'DynamoDB stream → Meilisearch',
      environment: { ...base, ...search.environment },
      tableActions: READ,
      usesSearch: true,
      settings: { filters: [...STREAM_FILTERS.searchIndexer], retryAttempts: 10, maxRecordAge: Duration.hours(6) },
    });
    this.addStreamConsumer('MatchAlerts', functionSpec('match-alerts'), {
      description: 'DynamoDB stream → notifications for saved searches and counterparts',
      environment: { ...base, ...search.environment },
      tableActions: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
      usesSearch: true,
      settings: { filters: [...STREAM_FILTERS.matchAlerts], retryAttempts: 5, maxRecordAge: Duration.hours(6) },
    });
    this.addStreamConsumer('RewardLedger', functionSpec('reward-ledger'), {
      description: 'DynamoDB stream → reward ledger entries for verified payments',
      environment: base,
      tableActions: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
      usesSearch: false,
      // Money: retry longer before a record is parked in the DLQ (stream retention is 24 h).
      settings: { filters: [...STREAM_FILTERS.rewardLedger], retryAttempts: 20, maxRecordAge: Duration.hours(12) },
    });
    // Records parked in the indexer's DLQ during a search outage, or a fresh Meilisearch, leave the index
    // behind the table; the nightly reconcile (03:00 Beijing time) brings it back and reports the drift.
    this.searchReconcile = marketFunction(this, 'SearchReconcile', functionSpec('search-reconcile'), {
      stage,
      description: 'Nightly: search index ↔ table drift check, rebuild when they differ',
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: { ...base, ...search.environment },
      ...search.clientNetwork(),
    });
    grantTable(this.searchReconcile, table, READ);
    search.grantClient(this.searchReconcile);
    new events.Rule(this, 'SearchReconcileSchedule', {
      description: 'Nightly search index reconcile',
      schedule: events.Schedule.cron({ minute: '0', hour: '19' }),
      targets: [new targets.LambdaFunction(this.searchReconcile, { retryAttempts: 2 })],
    });
    this.suppressNagFindings(table);
  }

  /**
   * A stream consumer with the common settings (partial batch failures, bisection, one batch per shard
   * at a time, a DLQ) and its acknowledgments; `scope` puts its resources under another construct
   * (mail's notifier lives in infra/constructs/mail.ts).
   */
  addStreamConsumer(id: string, spec: FunctionSpec, options: StreamConsumerOptions): NodejsFunction {
    const { table, search, stage } = this.settings;
    const scope = options.scope ?? this;
    const fn = marketFunction(scope, id, spec, {
      stage,
      description: options.description,
      memorySize: spec.native ? 1024 : 512,
      timeout: options.timeout ?? Duration.seconds(60),
      environment: options.environment,
      ...(options.usesSearch ? search.clientNetwork() : {}),
    });
    grantTable(fn, table, options.tableActions);
    if (options.usesSearch) search.grantClient(fn);
    // The DLQ receives the failed batch's stream coordinates (not the records): replay within the
    // stream's 24 h retention, see infra/README.md.
    const dlq = new sqs.Queue(scope, `${id}Dlq`, {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(1),
        // One batch at a time per shard: records of one listing or payment stay in order.
        parallelizationFactor: 1,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: options.settings.retryAttempts,
        maxRecordAge: options.settings.maxRecordAge,
        onFailure: new SqsDlq(dlq),
        filters: options.settings.filters.map((pattern) => lambda.FilterCriteria.filter(pattern)),
      }),
    );
    acknowledge(dlq, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the on-failure destination (dead-letter queue) of a stream consumer.' },
    ]);
    acknowledge(fn, [
      { id: tableIndexesFinding(table), reason: 'Queries use both GSIs of the table (gsi1, gsi2): their ARNs are <table>/index/*, nothing else matches.' },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'dynamodb:ListStreams (granted by the stream event source) has no resource-level permissions: IAM requires Resource "*".' },
    ]);
    this.streamConsumers.push({ name: spec.name, fn, dlq });
    return fn;
  }

  private suppressNagFindings(table: dynamodb.Table) {
    for (const fn of [this.api, this.searchReconcile]) {
      acknowledge(fn, [{ id: tableIndexesFinding(table), reason: 'Queries use both GSIs of the table (gsi1, gsi2): their ARNs are <table>/index/*, nothing else matches.' }]);
    }
  }

}
