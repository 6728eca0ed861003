/**
 * What one deployment is, read from CDK context (`-c stage=prod -c region=cn-northwest-1 ...`), so the
 * same code synthesizes every stage and both partitions without an AWS account (no lookups).
 */
import type { App } from 'aws-cdk-lib';

export type Stage = 'dev' | 'prod';
export type SearchMode = 'selfhosted' | 'external';

export interface DeploymentConfig {
  stage: Stage;
  region: string;
  /** `aws-cn` for the China regions (cn-north-1, cn-northwest-1): see `China` switches below. */
  partition: 'aws' | 'aws-cn';
  search: SearchMode;
  /** search=external only: the Meilisearch URL; its key goes into the secret the stack creates. */
  meiliUrl?: string;
  /** Image for the self-hosted Meilisearch (China: a copy in the account's ECR, Docker Hub is not reachable). */
  meiliImage?: string;
  /** Optional custom domain for the site (commercial: with `certificateArn`, an ACM certificate in us-east-1). */
  domainName?: string;
  certificateArn?: string;
  /** Optional address for alarm e-mails (subscribed to the alarm topic). */
  alarmEmail?: string;
  /** Optional: the city's GDP in fen for the stats page (CITY_GDP_FEN). */
  cityGdpFen?: string;
  /** Writes per signed-in person per minute (RATE_LIMIT_WRITES_PER_MINUTE); 60 unless given. */
  writesPerMinute: string;
  /**
   * The address mail is sent from (`-c mailFrom=`), or `noreply@<domainName>` when only a domain is
   * given; absent: mail is off and notifications stay in-app (`-c mailFrom=none` turns it off even
   * with a domain). Commercial: its domain becomes the SES identity; China: sent through an SMTP relay.
   */
  mailFrom?: string;
}

/** Commercial default: Singapore has every service used here (Cognito, HTTP API, Fargate, EFS). */
export const DEFAULT_REGION = 'ap-southeast-1';

function text(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

export function isChinaRegion(region: string): boolean {
  return region.startsWith('cn-');
}

/** A plain address (no display name): its domain is what SES verifies, so it has to be readable. */
const MAIL_ADDRESS = /^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;

/** The domain of a mail address, which SES verifies (DKIM) for sending. */
export function mailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function mailFromOf(app: App, domainName: string | undefined): string | undefined {
  const given = text(app, 'mailFrom');
  if (given === 'none') return undefined;
  const address = given ?? (domainName ? `noreply@${domainName}` : undefined);
  if (address !== undefined && !MAIL_ADDRESS.test(address)) throw new Error(`-c mailFrom must be a plain address like noreply@mail.example.cn (or none), not ${address}`);
  return address;
}

export function configFromContext(app: App): DeploymentConfig {
  const stage = text(app, 'stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`-c stage must be dev or prod, not ${stage}`);
  const region = text(app, 'region') ?? DEFAULT_REGION;
  const search = text(app, 'search') ?? 'selfhosted';
  if (search !== 'selfhosted' && search !== 'external') throw new Error(`-c search must be selfhosted or external, not ${search}`);
  const meiliUrl = text(app, 'meiliUrl');
  if (search === 'external' && !meiliUrl) throw new Error('-c search=external needs -c meiliUrl=https://…');
  if (meiliUrl && !/^https?:\/\/[^\s/]+/.test(meiliUrl)) throw new Error(`-c meiliUrl is not a URL: ${meiliUrl}`);
  const writesPerMinute = text(app, 'writesPerMinute') ?? '60';
  if (!/^\d{1,6}$/.test(writesPerMinute)) throw new Error(`-c writesPerMinute must be a whole number, not ${writesPerMinute}`);
  const config: DeploymentConfig = { stage, region, partition: isChinaRegion(region) ? 'aws-cn' : 'aws', search, writesPerMinute };
  const optional = ['meiliUrl', 'meiliImage', 'domainName', 'certificateArn', 'alarmEmail', 'cityGdpFen'] as const;
  for (const key of optional) {
    const value = text(app, key);
    if (value !== undefined) config[key] = value;
  }
  if (config.partition === 'aws' && config.domainName && !config.certificateArn) {
    throw new Error('-c domainName needs -c certificateArn (an ACM certificate in us-east-1 for CloudFront)');
  }
  const mailFrom = mailFromOf(app, config.domainName);
  if (mailFrom) config.mailFrom = mailFrom;
  return config;
}

export function stackName(config: DeploymentConfig): string {
  return `TechMarket-${config.stage}`;
}
