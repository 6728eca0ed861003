/** Meilisearch whenever MEILI_URL is set; otherwise the embedded engine (local runner and tests only). */
import { createEmbeddedIndex } from './embedded-index';
import { createMeilisearchIndex } from './meilisearch-index';
import type { SearchIndex } from './search-index';

export function searchIndexFromEnv(env: NodeJS.ProcessEnv = process.env, options: { allowEmbedded?: boolean } = {}): SearchIndex {
  if (env.MEILI_URL) {
    return createMeilisearchIndex({
      url: env.MEILI_URL,
      ...(env.MEILI_API_KEY ? { apiKey: env.MEILI_API_KEY } : {}),
      ...(env.MEILI_INDEX_PREFIX ? { indexPrefix: env.MEILI_INDEX_PREFIX } : {}),
    });
  }
  // An in-memory index inside a Lambda would be empty on every cold start: never a silent fallback there.
  if (options.allowEmbedded === false || env.AWS_LAMBDA_FUNCTION_NAME) throw new Error('MEILI_URL must be set');
  return createEmbeddedIndex();
}

/**
 * In AWS the Meilisearch key is not in the environment: MEILI_API_KEY_SECRET_ARN names a Secrets
 * Manager secret (the self-hosted master key, or the key of an external Meilisearch), read once per
 * cold start. An explicit MEILI_API_KEY wins; without either the environment is returned unchanged.
 */
export async function searchEnvWithSecrets(env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  const secretArn = env.MEILI_API_KEY_SECRET_ARN;
  if (!secretArn || env.MEILI_API_KEY) return env;
  // Loaded only here, so the local runner and the tests never load the Secrets Manager client.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({ maxAttempts: 3 });
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error(`the Meilisearch key secret ${secretArn} has no string value`);
  return { ...env, MEILI_API_KEY: SecretString.trim() };
}
