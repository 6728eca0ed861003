/**
 * What mail needs from the environment: the site's public origin for links (WEB_ORIGIN), and the
 * key that signs unsubscribe links — MAIL_LINK_SECRET locally, in AWS a Secrets Manager secret the
 * stack generates (MAIL_LINK_SECRET_ARN), read once per cold start.
 */
export async function mailLinkSecretFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.MAIL_LINK_SECRET) return env.MAIL_LINK_SECRET;
  const arn = env.MAIL_LINK_SECRET_ARN;
  if (!arn) throw new Error('MAIL_LINK_SECRET or MAIL_LINK_SECRET_ARN must be set');
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({ maxAttempts: 3 });
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!SecretString || SecretString.trim().length < 32) throw new Error(`the mail link secret ${arn} must hold at least 32 characters`);
  return SecretString.trim();
}

export function siteUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const origin = env.WEB_ORIGIN;
  if (!origin) throw new Error('WEB_ORIGIN must be set (the links in mail point there)');
  return origin;
}

/**
 * In the China regions the SMTP relay's URL carries its credentials, so the stack keeps it in a
 * secret (SMTP_URL_SECRET_ARN) the operator fills; an explicit SMTP_URL wins.
 */
export async function mailEnvWithSecrets(env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  if (env.SMTP_URL || !env.SMTP_URL_SECRET_ARN) return env;
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({ maxAttempts: 3 });
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: env.SMTP_URL_SECRET_ARN }));
  if (!SecretString || !/^smtps?:\/\//.test(SecretString.trim())) throw new Error(`the SMTP secret ${env.SMTP_URL_SECRET_ARN} must hold an smtp:// or smtps:// URL`);
  return { ...env, SMTP_URL: SecretString.trim() };
}
