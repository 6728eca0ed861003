/**
 * cdk-nag (v3 runs as a CDK policy-validation plugin: any unacknowledged finding fails synthesis).
 * Every acknowledgment in this app goes through `acknowledge`, which refuses an empty or vague reason,
 * so each one states why the rule does not apply or what was traded for what.
 */
import { Stack, Validations, type App, type CfnResource } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export interface NagAcknowledgment {
  /** `AwsSolutions-XX`, or `AwsSolutions-IAM5[Resource::…]` for one finding of a multi-finding rule. */
  id: string;
  reason: string;
}

export function acknowledge(scope: IConstruct, rules: readonly NagAcknowledgment[]): void {
  for (const rule of rules) {
    if (rule.reason.trim().length < 30) throw new Error(`cdk-nag acknowledgment ${rule.id} at ${scope.node.path} needs a real reason`);
    Validations.of(scope).acknowledge(rule);
  }
}

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/** `<LogicalId.Arn>` as cdk-nag writes a resource ARN reference in a finding id. */
export function arnRef(resource: CfnResource): string {
  const stack = Stack.of(resource);
  return `<${stack.resolve(stack.getLogicalId(resource)) as string}.Arn>`;
}

const BASIC_EXECUTION = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
const VPC_EXECUTION = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]';

/** The AWS managed execution-role policies CDK attaches to every function (and, in a VPC, the ENI one). */
export function acknowledgeLambdaExecutionRole(fn: IConstruct, inVpc: boolean): void {
  acknowledge(fn, [
    { id: BASIC_EXECUTION, reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; AWS maintains it.' },
    ...(inVpc
      ? [{ id: VPC_EXECUTION, reason: 'AWSLambdaVPCAccessExecutionRole only lets the function manage its own network interfaces in the VPC (needed to reach Meilisearch).' }]
      : []),
  ]);
}
