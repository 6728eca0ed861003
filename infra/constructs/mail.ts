/**
 * E-mail notifications (issue 14), present only when the deployment has a sender (`-c mailFrom=` or
 * `noreply@<domainName>`, infra/config.ts):
 * - mail-notifier: a stream consumer (like match-alerts) for the records mail follows;
 * - mail-digest: every morning at 08:00 Beijing time, yesterday's match alerts, one mail per person;
 * - the key that signs unsubscribe links (Secrets Manager), read by both and by the api, which
 *   verifies the links.
 *
 * Commercial regions send through Amazon SES: a verified domain identity (easy DKIM), a configuration
 * set (TLS required, reputation metrics, account suppression list for bounces and complaints) whose
 * bounce, complaint and reject events go to an encrypted SNS topic, and mail-feedback on that topic
 * writing the app's own suppression list. The functions may send only as that identity and through
 * that configuration set.
 *
 * AWS China: Amazon SES is not offered in the China regions, so nothing of SES is created; mail goes
 * through an SMTP relay (e.g. Alibaba Cloud DirectMail, Tencent Cloud SES) whose `smtps://` URL, with
 * its credentials, the operator puts into the `SmtpUrl` secret. Bounces are handled in the relay's
 * console (no feedback function).
 */
import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { mailDomain, type DeploymentConfig } from '../config';
import { acknowledge } from '../nag';
import { functionSpec, grantTable, marketFunction, STREAM_FILTERS, tableIndexesFinding, type MarketFunctions } from './functions';

/** What mail reads and writes: people, preferences, deliveries, digest entries (and the GSIs for people). */
const MAIL_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** SESv2 SendEmail (what shared/mail/mailer.ts calls, raw MIME inside) and the v1 raw call. */
export const SES_SEND_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

/** The configuration set's events the feedback function acts on (reject: SES refused the message). */
export const MAIL_FEEDBACK_EVENTS = [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT];

/** What the relay secret holds until the operator replaces it: not a URL, so the functions refuse it at start. */
export const SMTP_URL_PLACEHOLDER = 'REPLACE ME with smtps://USER:PASSWORD@HOST:465 (the relay of Alibaba Cloud DirectMail, Tencent Cloud SES, ...)';

export interface MarketMailProps {
  config: DeploymentConfig;
  /** The sender address (config.mailFrom). */
  mailFrom: string;
  table: dynamodb.Table;
  functions: MarketFunctions;
  /** WEB_ORIGIN: the links in mail point there. */
  webOrigin: string;
}

export class MarketMail extends Construct {
  readonly transport: 'ses' | 'smtp';
  readonly mailFrom: string;
  /** HMAC key of the unsubscribe links (MAIL_LINK_SECRET_ARN). */
  readonly linkSecret: secretsmanager.Secret;
  readonly notifier: NodejsFunction;
  readonly digest: NodejsFunction;
  /** Commercial only: SES bounce / complaint events → the app's suppression list. */
  readonly feedback?: NodejsFunction;
  readonly identity?: ses.EmailIdentity;
  readonly configurationSet?: ses.ConfigurationSet;
  readonly feedbackTopic?: sns.Topic;
  /** China only: the SMTP relay's URL (with its credentials), filled by the operator. */
  readonly smtpUrlSecret?: secretsmanager.Secret;
  /** The mail functions besides the notifier (which is among MarketFunctions.streamConsumers), for the alarms. */
  readonly otherFunctions: { name: string; fn: NodejsFunction }[] = [];

  constructor(scope: Construct, id: string, props: MarketMailProps) {
    super(scope, id);
    const { config, table, functions } = props;
    const prod = config.stage === 'prod';
    const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.mailFrom = props.mailFrom;
    this.transport = config.partition === 'aws-cn' ? 'smtp' : 'ses';

    this.linkSecret = new secretsmanager.Secret(this, 'LinkSecret', {
      description: 'Signs the unsubscribe links in mail (HMAC key, MAIL_LINK_SECRET_ARN)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy,
    });
    acknowledge(this.linkSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The key signs the unsubscribe links in mail already delivered; rotating it would break every such link in people’s inboxes. Replace it by hand only after a leak (README, Mail).',
      },
    ]);
    // The api verifies the links (GET/POST of the unsubscribe page).
    functions.api.addEnvironment('MAIL_LINK_SECRET_ARN', this.linkSecret.secretArn);
    this.linkSecret.grantRead(functions.api);

    const transportEnvironment: Record<string, string> = { MAIL_TRANSPORT: this.transport, MAIL_FROM: this.mailFrom };
    let sending: iam.PolicyStatement | undefined;
    if (this.transport === 'ses') {
      const domain = mailDomain(this.mailFrom);
      const stack = Stack.of(this);
      this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
        // The account-level suppression list keeps SES itself from retrying dead or complaining addresses.
        suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
        tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
        reputationMetrics: true,
        sendingEnabled: true,
      });
      // SES publishes to an encrypted topic only with a key whose policy lets it (the AWS managed
      // aws/sns key cannot be changed to): a customer managed key, as for the alarm topic.
      const key = new kms.Key(this, 'FeedbackTopicKey', {
        description: 'Encrypts the SES feedback (bounce, complaint) topic',
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.DESTROY,
        pendingWindow: Duration.days(7),
      });
      key.grant(new iam.ServicePrincipal('ses.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
      this.feedbackTopic = new sns.Topic(this, 'FeedbackTopic', { displayName: 'Tech market mail feedback (SES)', masterKey: key, enforceSSL: true });
      // CDK adds the topic policy: ses.amazonaws.com may publish, for this account and configuration set only.
      this.configurationSet.addEventDestination('Feedback', {
        destination: ses.EventDestination.snsTopic(this.feedbackTopic),
        events: MAIL_FEEDBACK_EVENTS,
      });
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: ses.Identity.domain(domain),
        // Also the identity's default: mail sent without naming the set still reports its bounces.
        configurationSet: this.configurationSet,
      });
      transportEnvironment.MAIL_CONFIGURATION_SET = this.configurationSet.configurationSetName;
      sending = new iam.PolicyStatement({
        actions: SES_SEND_ACTIONS,
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      });

      const feedback = (this.feedback = marketFunction(this, 'Feedback', functionSpec('mail-feedback'), {
        stage: config.stage,
        description: 'SES bounce and complaint events (SNS) → the app’s suppression list',
        memorySize: 256,
        timeout: Duration.seconds(30),
        environment: { TABLE_NAME: table.tableName },
      }));
      // One suppression record per address (SUPPRESSED#<address>), written with PutItem only.
      grantTable(feedback, table, ['dynamodb:PutItem'], { indexes: false });
      this.feedbackTopic.addSubscription(new subscriptions.LambdaSubscription(feedback));
    } else {
      this.smtpUrlSecret = new secretsmanager.Secret(this, 'SmtpUrl', {
        description: 'SMTP relay for mail (SES is not offered in the China regions): replace the value with smtps://user:password@host:465',
        // Deliberately not a URL: until the operator fills it the mail functions fail at start (alarmed), not silently.
        secretStringValue: SecretValue.unsafePlainText(SMTP_URL_PLACEHOLDER),
        removalPolicy,
      });
      acknowledge(this.smtpUrlSecret, [
        {
          id: 'AwsSolutions-SMG4',
          reason: 'The SMTP credentials are issued by the relay provider (Alibaba Cloud DirectMail, Tencent Cloud SES); they are rotated in its console and then pasted here, no rotation Lambda can do that.',
        },
      ]);
      transportEnvironment.SMTP_URL_SECRET_ARN = this.smtpUrlSecret.secretArn;
    }

    const environment = { TABLE_NAME: table.tableName, WEB_ORIGIN: props.webOrigin, MAIL_LINK_SECRET_ARN: this.linkSecret.secretArn, ...transportEnvironment };
    this.notifier = functions.addStreamConsumer('Notifier', functionSpec('mail-notifier'), {
      scope: this,
      description: 'DynamoDB stream → e-mail for interests, messages, contracts, payments, claims, organisations',
      environment,
      tableActions: MAIL_TABLE_ACTIONS,
      usesSearch: false,
      // A batch may send several mails (an organisation's members), each with backoff on throttling.
      timeout: Duration.minutes(2),
      // Deliveries are claimed per (event, person), so a retried batch sends nothing twice.
      settings: { filters: [...STREAM_FILTERS.mailNotifier], retryAttempts: 5, maxRecordAge: Duration.hours(6) },
    });

    this.digest = marketFunction(this, 'Digest', functionSpec('mail-digest'), {
      stage: config.stage,
      description: 'Daily 08:00 Beijing time: yesterday’s match alerts as one digest per person',
      memorySize: 512,
      timeout: Duration.minutes(10),
      environment,
    });
    grantTable(this.digest, table, MAIL_TABLE_ACTIONS);
    acknowledge(this.digest, [{ id: tableIndexesFinding(table), reason: 'The digest looks people up by organisation and the admins through the GSIs (gsi1, gsi2): <table>/index/*.' }]);
    new events.Rule(this, 'DigestSchedule', {
      description: 'Daily mail digest at 08:00 Asia/Shanghai (00:00 UTC)',
      schedule: events.Schedule.cron({ minute: '0', hour: '0' }),
      // A retried run skips the people whose digest of that date was already claimed.
      targets: [new targets.LambdaFunction(this.digest, { retryAttempts: 2 })],
    });

    for (const fn of [this.notifier, this.digest]) {
      this.linkSecret.grantRead(fn);
      if (sending) fn.addToRolePolicy(sending);
      this.smtpUrlSecret?.grantRead(fn);
    }
    this.otherFunctions.push({ name: 'mail-digest', fn: this.digest });
    if (this.feedback) this.otherFunctions.push({ name: 'mail-feedback', fn: this.feedback });
  }
}
