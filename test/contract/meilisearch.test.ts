/**
 * The SearchIndex contract against a real Meilisearch, when MEILI_URL is set (MEILI_API_KEY if the
 * server has a master key). Each run uses its own index prefix, so runs never see each other's data.
 * Without MEILI_URL the suite is reported as skipped, with the reason in the test title.
 */
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { createMeilisearchIndex } from '../../shared/search/meilisearch-index';
import { searchIndexContract } from './search-index.contract';

const MEILI_URL = process.env.MEILI_URL;

// Reported as skipped (not as passed) when there is no server, with the reason in its title.
if (!MEILI_URL) it.skip('Meilisearch contract suite: skipped, MEILI_URL not set', () => {});

describe.skipIf(!MEILI_URL)('Meilisearch (MEILI_URL)', () => {
  const runPrefix = `contract-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  let made = 0;
  searchIndexContract('meilisearch', async () =>
    createMeilisearchIndex({
      url: MEILI_URL!,
      ...(process.env.MEILI_API_KEY ? { apiKey: process.env.MEILI_API_KEY } : {}),
      indexPrefix: `${runPrefix}-${made++}`,
      // Settings updates reindex: allow a slow CI server.
      taskTimeoutMs: 60_000,
    }),
  );
});
