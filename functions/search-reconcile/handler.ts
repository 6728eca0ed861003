/**
 * Lambda entry, on a schedule: compares the search index with the table (every public listing, every
 * indexed document) and, when they drifted — records that reached the indexer's dead-letter queue during
 * a search outage, a restored backup, a new Meilisearch instance — rebuilds the index from the table.
 * Publishes the drift as metrics, so an alarm can say when the index was ever wrong.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { instrumentHandler, observability } from '../../shared/observability/lambda';
import { searchEnvWithSecrets, searchIndexFromEnv } from '../../shared/search/from-env';
import { indexDrift, reindexFromTable } from '../../shared/search/reindex';

const obs = observability('search-reconcile');
const db = createDb(dbConfigFromEnv());
const index = searchIndexFromEnv(await searchEnvWithSecrets());

export const handler = instrumentHandler(obs, 'Reconciliations', async () => {
  const drift = await indexDrift(db, index);
  const total = drift.missing.length + drift.extra.length + drift.stale.length;
  obs.metrics.addMetric('IndexDrift', MetricUnit.Count, total);
  if (total === 0) return { drift: 0, reindexed: 0, removed: 0 };
  obs.logger.warn('search index drifted from the table; rebuilding', { missing: drift.missing.length, extra: drift.extra.length, stale: drift.stale.length, sample: [...drift.missing, ...drift.extra, ...drift.stale].slice(0, 20) });
  const repaired = await reindexFromTable(db, index);
  const after = await indexDrift(db, index);
  const left = after.missing.length + after.extra.length + after.stale.length;
  obs.metrics.addMetric('IndexDriftAfterRepair', MetricUnit.Count, left);
  if (left > 0) throw new Error(`search index still drifts after a rebuild: ${left} documents`);
  return { drift: total, reindexed: repaired.indexed, removed: repaired.removed };
});
