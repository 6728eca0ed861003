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
