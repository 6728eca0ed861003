/**
 * The whole product as one stack: table → functions → HTTP API → CloudFront, with Cognito (or, in
 * China, an external issuer), Meilisearch and alarms. Construction order follows the dependencies:
 * the HTTP API resource first (CloudFront needs its domain), then the site (its origin is WEB_ORIGIN
 * and the Cognito callback URL), then auth, then the functions, then the routes. No cycle: the
 * AWS::ApiGatewayV2::Api itself depends on nothing; its routes depend on the function. Mail, when
 * configured, comes after the functions: it adds its notifier to their stream consumers and its link
 * secret to the api.
 */
import { CfnOutput, Stack, Tags, type CfnResource, type StackProps } from 'aws-cdk-lib';
import { acknowledge, arnRef } from './nag';
import type { Construct } from 'constructs';
import { createApp } from '../functions/api/site';
import type { ApiDeps } from '../shared/http/context';
import { mailDomain, type DeploymentConfig } from './config';
import { Alarms } from './constructs/alarms';
import { ApiGateway } from './constructs/api';
import { CognitoAuth, ExternalAuth, type AuthSettings } from './constructs/auth';
import { DataTable } from './constructs/data';
import { FilesBucket } from './constructs/files';
import { MarketFunctions } from './constructs/functions';
import { MarketMail } from './constructs/mail';
import { SearchEngine } from './constructs/search';
import { WebHosting } from './constructs/web';

export interface TechMarketStackProps extends StackProps {
  config: DeploymentConfig;
  /** The rendered static files (infra/web-assets.ts). */
  webAssetsDir: string;
}

/** The API's route descriptions, as the app mounts them in Lambda (no dev routes). */
export function lambdaRouteDocs() {
  return createApp({} as ApiDeps).routeDocs;
}

export class TechMarketStack extends Stack {
  readonly config: DeploymentConfig;
  readonly data: DataTable;
  readonly files: FilesBucket;
  readonly search: SearchEngine;
  readonly api: ApiGateway;
  readonly web: WebHosting;
  readonly auth: AuthSettings;
  readonly functions: MarketFunctions;
  /** Absent when no sender is configured (notifications in-app only). */
  readonly mail?: MarketMail;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: TechMarketStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    const china = config.partition === 'aws-cn';
    Tags.of(this).add('project', 'tech-market');
    Tags.of(this).add('stage', config.stage);

    this.data = new DataTable(this, 'Data', { stage: config.stage });
    this.search = new SearchEngine(this, 'Search', { config });
    this.api = new ApiGateway(this, 'Api', {
      stage: config.stage,
      ...(config.partition === 'aws' && config.domainName ? { corsOrigin: `https://${config.domainName}` } : {}),
    });
    this.web = new WebHosting(this, 'Web', { config, apiDomainName: this.api.domainName, assetsDir: props.webAssetsDir });
    this.auth = china ? new ExternalAuth(this, 'Auth') : new CognitoAuth(this, 'Auth', { stage: config.stage, webOrigin: this.web.origin, table: this.data.table });

    this.functions = new MarketFunctions(this, 'Functions', {
      stage: config.stage,
      table: this.data.table,
      search: this.search,
      apiEnvironment: {
        AUTH_ISSUER: this.auth.issuer,
        AUTH_CLIENT_ID: this.auth.clientId,
        ...(this.auth.jwksUrl ? { AUTH_JWKS_URL: this.auth.jwksUrl } : {}),
        AUTH_HOSTED_UI_URL: this.auth.hostedUiUrl,
        WEB_ORIGIN: this.web.origin,
        ...(config.cityGdpFen ? { CITY_GDP_FEN: config.cityGdpFen } : {}),
        // Set explicitly, so the deployed limit is visible in the template (and changed with -c writesPerMinute=).
        RATE_LIMIT_WRITES_PER_MINUTE: config.writesPerMinute,
      },
    });
    this.files = new FilesBucket(this, 'Files', { stage: config.stage, webOrigin: this.web.origin, logBucket: this.web.logBucket });
    this.files.grantApi(this.functions.api);
    this.api.routeTo(this.functions.api, this.auth.authorizer, lambdaRouteDocs());
    if (config.mailFrom) {
      this.mail = new MarketMail(this, 'Mail', { config, mailFrom: config.mailFrom, table: this.data.table, functions: this.functions, webOrigin: this.web.origin });
    }

    // The mail notifier, when there is one, is among the stream consumers by now.
    const allFunctions = [{ name: 'api', fn: this.functions.api }, { name: 'search-reconcile', fn: this.functions.searchReconcile }, ...this.functions.streamConsumers.map(({ name, fn }) => ({ name, fn }))];
    if (this.auth instanceof CognitoAuth) allFunctions.push({ name: 'pre-token-generation', fn: this.auth.preTokenFunction });
    if (this.mail) allFunctions.push(...this.mail.otherFunctions);
    this.alarms = new Alarms(this, 'Alarms', {
      functions: allFunctions,
      streamConsumers: this.functions.streamConsumers,
      httpApi: this.api.httpApi,
      ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.origin, description: 'WEB_ORIGIN: the public site' });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'FilesBucketName', { value: this.files.bucket.bucketName, description: 'FILES_BUCKET: attachments (private; presigned POST and GET)' });
    new CfnOutput(this, 'HostedUiUrl', { value: this.auth.hostedUiUrl });
    if (this.auth instanceof CognitoAuth) {
      new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.auth.clientId });
    }
    new CfnOutput(this, 'MeilisearchKeySecretArn', { value: this.search.keySecret.secretArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    this.mailOutputs();
    this.suppressCdkInternals();
  }

  /** What mail does in this deployment, and what the operator still has to do outside the stack. */
  private mailOutputs() {
    const mail = this.mail;
    if (!mail) {
      new CfnOutput(this, 'MailStatus', {
        value: 'off: no sender configured, notifications are in-app only. Enable with -c mailFrom=noreply@<your mail domain> (or -c domainName=, which implies noreply@<domainName>) and deploy again.',
      });
      return;
    }
    if (mail.transport === 'ses') {
      new CfnOutput(this, 'MailStatus', { value: `on: Amazon SES, from ${mail.mailFrom}` });
      new CfnOutput(this, 'MailIdentity', { value: mailDomain(mail.mailFrom), description: 'SES domain identity (easy DKIM): verified once the three DKIM CNAME records below are published' });
      new CfnOutput(this, 'MailConfigurationSet', { value: mail.configurationSet!.configurationSetName, description: 'MAIL_CONFIGURATION_SET: TLS required, suppression of bounces and complaints, events to the feedback topic' });
      new CfnOutput(this, 'MailDnsNote', {
        value: `Publish the three DKIM CNAME records (MailDkimRecord1-3) in the DNS of ${mailDomain(mail.mailFrom)}; until SES shows the identity as verified, nothing can be sent. New accounts are in the SES sandbox: request production access in the SES console.`,
      });
      mail.identity!.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `MailDkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}`, description: 'DKIM record to publish in the mail domain’s DNS' });
      });
      return;
    }
    new CfnOutput(this, 'MailStatus', {
      value: `on: SMTP relay (Amazon SES is not offered in the China regions), from ${mail.mailFrom}. Put smtps://user:password@host:465 of the relay into the SmtpUrl secret; bounces and complaints are handled in the relay's console.`,
    });
    new CfnOutput(this, 'SmtpUrlSecretArn', { value: mail.smtpUrlSecret!.secretArn, description: 'SMTP_URL_SECRET_ARN: replace the placeholder with the relay URL' });
  }

  /** Findings on resources CDK generates for its own custom resources (bucket deployment, trigger wiring). */
  private suppressCdkInternals() {
    const deployment = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!deployment) return;
    const why = 'CDK’s BucketDeployment function copies the rendered assets from the CDK asset bucket into the site bucket and prunes old files: ';
    acknowledge(deployment, [
      { id: 'AwsSolutions-L1', reason: 'CDK-managed custom-resource function (BucketDeployment): aws-cdk-lib chooses and updates its runtime.' },
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK-managed custom-resource function: the managed policy only lets it write its own logs.' },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${why}${action} is part of CDK’s read/write grant on those two buckets only.`,
      })),
      { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}/*]`, reason: `${why}it reads objects of the bootstrap asset bucket.` },
      { id: `AwsSolutions-IAM5[Resource::${arnRef(this.web.bucket.node.defaultChild as CfnResource)}/*]`, reason: `${why}it writes and deletes objects in the site bucket.` },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${why}CloudFront invalidations (cloudfront:CreateInvalidation/GetInvalidation) have no resource-level scoping in CDK’s grant.` },
    ]);
  }

}

