/**
 * Powertools for the Lambda entry points: structured JSON logs carrying the request id, and metrics in
 * CloudWatch embedded metric format (written to stdout, so no network call and nothing to fail when
 * the code runs outside Lambda). Only functions/*\/handler.ts use this; the shared services keep their
 * plain `log(entry)` callback, which `logEntry` maps onto the logger.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

export const METRICS_NAMESPACE = 'TechMarket';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
  /** The `log` callback the shared services take: `{ level, message, ...fields }` → one JSON log line. */
  logEntry: (entry: Record<string, unknown>) => void;
}

export function observability(serviceName: string): Observability {
  const logger = new Logger({ serviceName });
  const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE, serviceName });
  const logEntry = (entry: Record<string, unknown>) => {
    const { level, message, ...fields } = entry;
    const text = typeof message === 'string' ? message : 'log';
    const method = String(level ?? 'INFO').toUpperCase();
    if (method === 'ERROR') logger.error(text, fields);
    else if (method === 'WARN') logger.warn(text, fields);
    else if (method === 'DEBUG') logger.debug(text, fields);
    else logger.info(text, fields);
  };
  return { logger, metrics, logEntry };
}

/** Runs one invocation with the request id on every log line, and always flushes the metrics. */
async function invocation<R>(obs: Observability, context: Context | undefined, run: () => Promise<R>): Promise<R> {
  if (context) obs.logger.addContext(context);
  obs.metrics.captureColdStartMetric();
  try {
    return await run();
  } catch (error) {
    obs.metrics.addMetric('InvocationErrors', MetricUnit.Count, 1);
    obs.logger.error('invocation failed', error as Error);
    throw error;
  } finally {
    obs.metrics.publishStoredMetrics();
  }
}

/** A DynamoDB stream consumer: counts records received and records reported as failed. */
export function instrumentStreamHandler(
  obs: Observability,
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>,
): (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse> {
  return (event, context) =>
    invocation(obs, context, async () => {
      const result = await handler(event);
      obs.metrics.addMetric('StreamRecords', MetricUnit.Count, event.Records.length);
      obs.metrics.addMetric('StreamRecordFailures', MetricUnit.Count, result.batchItemFailures.length);
      if (result.batchItemFailures.length > 0) obs.logger.warn('batch reported failures', { failures: result.batchItemFailures.length, records: event.Records.length });
      return result;
    });
}

/** The HTTP entry: counts requests and server errors (status ≥ 500) by the response it returns. */
export function instrumentHttpHandler<E, R extends { statusCode?: number }>(
  obs: Observability,
  handler: (event: E, context?: Context) => Promise<R>,
): (event: E, context?: Context) => Promise<R> {
  return (event, context) =>
    invocation(obs, context, async () => {
      const response = await handler(event, context);
      obs.metrics.addMetric('Requests', MetricUnit.Count, 1);
      obs.metrics.addMetric('ServerErrors', MetricUnit.Count, (response.statusCode ?? 200) >= 500 ? 1 : 0);
      return response;
    });
}

/** Any other trigger (the Cognito one): one metric per invocation. */
export function instrumentHandler<E, R>(obs: Observability, metricName: string, handler: (event: E) => Promise<R>): (event: E, context?: Context) => Promise<R> {
  return (event, context) =>
    invocation(obs, context, async () => {
      const result = await handler(event);
      obs.metrics.addMetric(metricName, MetricUnit.Count, 1);
      return result;
    });
}
