/**
 * The single DynamoDB table, built from the one definition in shared/db/table.ts (keys, GSIs, TTL
 * attribute, stream view) so CDK, the local runner and the tests cannot drift apart.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../shared/db/table';
import type { Stage } from '../config';

const STREAM_VIEW: Record<typeof TABLE_DEFINITION.stream, dynamodb.StreamViewType> = {
  NEW_AND_OLD_IMAGES: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
};

export class DataTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    const prod = props.stage === 'prod';
    const d = TABLE_DEFINITION;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: d.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: d.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // An AWS managed KMS key (aws/dynamodb): key use shows in CloudTrail, no key to pay for or lose.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      stream: STREAM_VIEW[d.stream],
      // Only short-lived records set it (idempotency records, rate-limit windows); the rest lives until deleted.
      timeToLiveAttribute: d.ttlAttribute,
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const [indexName, index] of Object.entries(d.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
