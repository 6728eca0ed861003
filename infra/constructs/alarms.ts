/**
 * Alarms to one SNS topic (optionally mailed to `-c alarmEmail=`): every function's errors and
 * throttles, each stream consumer's iterator age (falling behind the table) and dead-letter queue depth
 * (records given up on), and the HTTP API's 5xx responses.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** A consumer more than this far behind the table is alarming (the stream keeps records 24 h). */
export const ITERATOR_AGE_ALARM = Duration.minutes(5);

export interface AlarmsProps {
  functions: { name: string; fn: lambda.IFunction }[];
  streamConsumers: { name: string; fn: lambda.IFunction; dlq: sqs.IQueue }[];
  httpApi: apigwv2.IHttpApi;
  alarmEmail?: string;
}

export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    // CloudWatch can only publish to an encrypted topic whose key lets it: a customer managed key.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Tech market alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    for (const { name, fn } of props.functions) {
      this.alarm(`${name}-errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 1, `${name}: invocation errors`);
      this.alarm(`${name}-throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1, `${name}: throttled invocations`);
    }
    for (const { name, fn, dlq } of props.streamConsumers) {
      const iteratorAge = new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'IteratorAge',
        dimensionsMap: { FunctionName: fn.functionName },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      });
      this.alarm(`${name}-iterator-age`, iteratorAge, ITERATOR_AGE_ALARM.toMilliseconds(), `${name}: stream records older than ${ITERATOR_AGE_ALARM.toMinutes()} min are waiting`);
      this.alarm(
        `${name}-dlq-depth`,
        dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        1,
        `${name}: stream batches were given up on (see the dead-letter queue)`,
      );
    }
    const serverErrors = new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensionsMap: { ApiId: props.httpApi.apiId, Stage: '$default' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    this.alarm('api-5xx', serverErrors, 5, 'HTTP API: 5 or more server errors in 5 minutes');
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string) {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
