/**
 * Synthesizes the stack for the infra tests the way `npx cdk synth` does (same context keys, cdk-nag
 * plugin on), into a temporary directory. Bundling is skipped unless asked for: only the bundle test
 * needs the real function code, and bundling is the slow part.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromContext, stackName } from '../../infra/config';
import { addNagChecks } from '../../infra/nag';
import { TechMarketStack } from '../../infra/stack';
import { renderWebAssets } from '../../infra/web-assets';

export interface Synthesized {
  stack: TechMarketStack;
  template: Template;
  /** The raw template, for whole-document checks. */
  json: Record<string, any>;
  outdir: string;
}

export interface ValidationViolation {
  ruleName: string;
  description: string;
  violatingConstructs: { constructPath: string }[];
}

export async function synth(context: Record<string, string>, options: { bundle?: boolean } = {}): Promise<Synthesized> {
  const outdir = mkdtempSync(join(tmpdir(), 'tech-market-cdk-'));
  const webAssetsDir = await renderWebAssets(join(outdir, 'web-assets-src'));
  const app = new App({
    outdir,
    context: { ...context, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  addNagChecks(app);
  const config = configFromContext(app);
  const stack = new TechMarketStack(app, stackName(config), { env: { region: config.region }, config, webAssetsDir });
  const assembly = app.synth();
  const json = assembly.getStackArtifact(stack.artifactId).template as Record<string, any>;
  return { stack, template: Template.fromJSON(json), json, outdir };
}

/** Unacknowledged findings of every validation plugin (cdk-nag among them) in the assembly's report. */
export function violations(outdir: string): ValidationViolation[] {
  const file = join(outdir, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as { pluginReports: { violations: ValidationViolation[] }[] };
  return report.pluginReports.flatMap((r) => r.violations);
}

/** Resources of one type as [logicalId, resource] pairs. */
export function resourcesOf(json: Record<string, any>, type: string): [string, any][] {
  return Object.entries(json.Resources as Record<string, any>).filter(([, r]) => r.Type === type);
}
