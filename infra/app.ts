/**
 * The CDK app (`npx cdk synth`, see cdk.json). Everything comes from context, nothing from the AWS
 * account, so synthesis is offline and deterministic:
 *   npx cdk synth -c stage=dev|prod -c region=<region> [-c search=selfhosted|external -c meiliUrl=…]
 * The stack is account-agnostic (deployed into the account of the credentials in use) and pinned to
 * the region given, which also decides the partition (cn-* → aws-cn).
 */
import { App } from 'aws-cdk-lib';
import { addNagChecks } from './nag';
import { configFromContext, stackName } from './config';
import { TechMarketStack } from './stack';
import { renderWebAssets } from './web-assets';

const app = new App();
const config = configFromContext(app);
const webAssetsDir = await renderWebAssets();
new TechMarketStack(app, stackName(config), {
  env: { region: config.region },
  config,
  webAssetsDir,
  description: `Tech-transfer marketplace (${config.stage}, ${config.region}, search: ${config.search})`,
});
// cdk-nag on every synth: findings print as errors; test/infra asserts there are none unsuppressed.
if (app.node.tryGetContext('nag') !== 'false') addNagChecks(app);
app.synth();
