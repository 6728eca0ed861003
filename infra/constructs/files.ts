/**
 * The attachments bucket: private (block public access, TLS only), encrypted, versioned so a replaced or
 * removed file stays recoverable, access-logged, with CORS for the site origin only (browsers upload with
 * a presigned POST and download with presigned GETs). Uploads land under `pending/`, which a lifecycle
 * rule empties after a day, so an upload that is never confirmed leaves nothing behind; confirmed files
 * are copied to `files/`.
 */
import { Duration, RemovalPolicy, type CfnResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Stage } from '../config';
import { acknowledge, arnRef } from '../nag';

export class FilesBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { stage: Stage; webOrigin: string; logBucket: s3.IBucket }) {
    super(scope, id);
    const prod = props.stage === 'prod';
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'files/',
      cors: [{ allowedOrigins: [props.webOrigin], allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD], allowedHeaders: ['*'], exposedHeaders: ['ETag'], maxAge: 3000 }],
      lifecycleRules: [
        { id: 'abandoned-uploads', prefix: 'pending/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A removed file stays recoverable as a noncurrent version for as long as contract records are kept.
        { id: 'removed-files', prefix: 'files/', noncurrentVersionExpiration: Duration.days(prod ? 3650 : 30) },
      ],
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
  }

  /** The api signs uploads to `pending/`, reads them back, copies them to `files/` and signs downloads. */
  grantApi(fn: lambda.Function): void {
    const objects = (prefix: string) => this.bucket.arnForObjects(`${prefix}*`);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], resources: [objects('pending/')] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion', 's3:DeleteObject'], resources: [objects('files/')] }));
    fn.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
    const bucketArn = arnRef(this.bucket.node.defaultChild as CfnResource);
    acknowledge(fn, [
      { id: `AwsSolutions-IAM5[Resource::${bucketArn}/pending/*]`, reason: 'Every upload has its own key under pending/ (the upload id); the api signs a POST policy for exactly one of them at a time.' },
      { id: `AwsSolutions-IAM5[Resource::${bucketArn}/files/*]`, reason: 'Confirmed files get their own key under files/ (owner and file id); the api reads, copies to and removes only keys it recorded.' },
    ]);
  }
}
