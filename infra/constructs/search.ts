/**
 * Meilisearch for the functions, chosen by `-c search=`:
 * - `selfhosted` (default): one Fargate task running the pinned Meilisearch image, its data on an
 *   encrypted EFS volume, the master key generated into Secrets Manager, in private subnets, reachable
 *   on port 7700 only from the functions' security group (Cloud Map name inside the VPC).
 * - `external`: an existing Meilisearch at `-c meiliUrl=`; its API key goes into the secret this
 *   stack creates (see the README). The functions stay outside any VPC.
 * Either way the functions get MEILI_URL and MEILI_API_KEY_SECRET_ARN and read the key at cold start
 * (shared/search/from-env.ts `searchEnvWithSecrets`).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { acknowledge } from '../nag';
import { Construct } from 'constructs';
import { MEILISEARCH_VERSION } from '../../shared/search/meilisearch-index';
import type { DeploymentConfig } from '../config';

export const MEILI_PORT = 7700;
export const MEILI_IMAGE = `getmeili/meilisearch:${MEILISEARCH_VERSION}`;

export class SearchEngine extends Construct {
  /** MEILI_URL and MEILI_API_KEY_SECRET_ARN for the functions that search or index. */
  readonly environment: Record<string, string>;
  readonly keySecret: secretsmanager.Secret;
  readonly vpc?: ec2.Vpc;
  readonly service?: ecs.FargateService;
  /** The functions' security group: the only source allowed to reach Meilisearch. */
  readonly clientSecurityGroup?: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: { config: DeploymentConfig }) {
    super(scope, id);
    const { config } = props;
    const prod = config.stage === 'prod';

    if (config.search === 'external') {
      this.keySecret = new secretsmanager.Secret(this, 'ApiKey', {
        description: `API key of the external Meilisearch at ${config.meiliUrl}: replace the generated value with the real key`,
        removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      this.environment = { MEILI_URL: config.meiliUrl!, MEILI_API_KEY_SECRET_ARN: this.keySecret.secretArn };
      this.suppressRotation();
      return;
    }

    this.keySecret = new secretsmanager.Secret(this, 'MasterKey', {
      description: 'Meilisearch master key (self-hosted)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.suppressRotation();

    // Two AZs from Fn::GetAZs (no lookup, so synth stays offline); one NAT gateway: the functions fetch
    // Cognito's JWKS and the secret, and the task pulls its image, over it.
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      gatewayEndpoints: {
        DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
      },
    });
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('RejectedTraffic', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });

    this.clientSecurityGroup = new ec2.SecurityGroup(this, 'ClientSg', {
      vpc: this.vpc,
      description: 'Lambda functions that call Meilisearch',
      allowAllOutbound: true,
    });
    const serviceSg = new ec2.SecurityGroup(this, 'ServiceSg', {
      vpc: this.vpc,
      description: 'Meilisearch task: port 7700 from the functions only',
      allowAllOutbound: true,
    });
    serviceSg.addIngressRule(this.clientSecurityGroup, ec2.Port.tcp(MEILI_PORT), 'Meilisearch from the functions');

    const fileSystem = new efs.FileSystem(this, 'Data', {
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      encrypted: true,
      performanceMode: efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode: efs.ThroughputMode.ELASTIC,
      enableAutomaticBackups: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const accessPoint = fileSystem.addAccessPoint('MeiliData', {
      path: '/meilisearch',
      createAcl: { ownerUid: '1000', ownerGid: '1000', permissions: '750' },
      posixUser: { uid: '1000', gid: '1000' },
    });
    fileSystem.connections.allowDefaultPortFrom(serviceSg, 'NFS from the Meilisearch task');

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: this.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      defaultCloudMapNamespace: { name: `search.${config.stage}.tech-market.internal`, type: servicediscovery.NamespaceType.DNS_PRIVATE, vpc: this.vpc },
    });

    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
      volumes: [
        {
          name: 'meili-data',
          efsVolumeConfiguration: {
            fileSystemId: fileSystem.fileSystemId,
            transitEncryption: 'ENABLED',
            authorizationConfig: { accessPointId: accessPoint.accessPointId, iam: 'ENABLED' },
          },
        },
      ],
    });
    fileSystem.grant(task.taskRole, 'elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite');
    const containerLogs = new logs.LogGroup(this, 'ContainerLogs', {
      retention: prod ? logs.RetentionDays.ONE_YEAR : logs.RetentionDays.ONE_MONTH,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const container = task.addContainer('meilisearch', {
      image: ecs.ContainerImage.fromRegistry(config.meiliImage ?? MEILI_IMAGE),
      portMappings: [{ containerPort: MEILI_PORT }],
      environment: {
        MEILI_ENV: 'production',
        MEILI_DB_PATH: '/meili_data/data.ms',
        MEILI_DUMP_DIR: '/meili_data/dumps',
        MEILI_SNAPSHOT_DIR: '/meili_data/snapshots',
        MEILI_NO_ANALYTICS: 'true',
        MEILI_HTTP_ADDR: `0.0.0.0:${MEILI_PORT}`,
      },
      secrets: { MEILI_MASTER_KEY: ecs.Secret.fromSecretsManager(this.keySecret) },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'meilisearch', logGroup: containerLogs }),
    });
    container.addMountPoints({ containerPath: '/meili_data', sourceVolume: 'meili-data', readOnly: false });

    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: 1,
      // Never two tasks on one data directory (LMDB): stop the old task before starting the new one.
      minHealthyPercent: 0,
      maxHealthyPercent: 100,
      circuitBreaker: { rollback: true },
      assignPublicIp: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [serviceSg],
      cloudMapOptions: { name: 'meilisearch', dnsTtl: Duration.seconds(10) },
    });

    this.environment = {
      MEILI_URL: `http://meilisearch.search.${config.stage}.tech-market.internal:${MEILI_PORT}`,
      MEILI_API_KEY_SECRET_ARN: this.keySecret.secretArn,
    };

    acknowledge(task, [
      {
        id: 'AwsSolutions-ECS2',
        reason: 'Only non-secret settings (paths, listen address, production mode) are plain environment variables; the master key comes from Secrets Manager.',
      },
    ]);
    acknowledge(task,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'CDK’s generated execution-role policy for the awslogs driver and image pull (ecr:GetAuthorizationToken has no resource-level permission).',
        },
      ],
    );
  }

  /** Props for marketFunction: functions that search run in the VPC when Meilisearch is self-hosted. */
  clientNetwork(): { network?: { vpc: ec2.IVpc; securityGroups: ec2.ISecurityGroup[] } } {
    return this.vpc && this.clientSecurityGroup ? { network: { vpc: this.vpc, securityGroups: [this.clientSecurityGroup] } } : {};
  }

  grantClient(grantee: iam.IGrantable): void {
    this.keySecret.grantRead(grantee);
  }

  private suppressRotation() {
    acknowledge(this.keySecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Meilisearch keys cannot be rotated by a rotation Lambda without restarting the engine (master key) or coordinating with the external provider; rotation is a documented manual step (README, Deploying to AWS).',
      },
    ]);
  }
}

