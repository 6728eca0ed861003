/**
 * Locally, DynamoDB Local's stream stands in for Lambda's event source mapping: this pump reads every
 * shard and hands real DynamoDBStreamEvent batches to the same handlers Lambda would run. Like Lambda
 * with ReportBatchItemFailures, a failed record is redelivered (with the records after it) a bounded
 * number of times, then set aside as a dead letter.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPump {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been delivered (for tests and the runner's start). */
  drain(timeoutMs?: number): Promise<void>;
  deadLetters: { handler: string; record: DynamoDBRecord; error: string }[];
}

const MAX_ATTEMPTS = 4;

function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'cn-northwest-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(record.dynamodb?.ApproximateCreationDateTime ? { ApproximateCreationDateTime: record.dynamodb.ApproximateCreationDateTime.getTime() / 1000 } : {}),
      Keys: record.dynamodb?.Keys as never,
      ...(record.dynamodb?.NewImage ? { NewImage: record.dynamodb.NewImage as never } : {}),
      ...(record.dynamodb?.OldImage ? { OldImage: record.dynamodb.OldImage as never } : {}),
      SequenceNumber: record.dynamodb?.SequenceNumber,
      SizeBytes: record.dynamodb?.SizeBytes,
      StreamViewType: record.dynamodb?.StreamViewType,
    },
  } as DynamoDBRecord;
}

export async function startStreamPump(options: {
  endpoint: string;
  tableName: string;
  handlers: Record<string, StreamHandler>;
  pollMs?: number;
  log?: (line: string) => void;
}): Promise<StreamPump> {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const region = 'cn-northwest-1';
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, credentials, region });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, credentials, region });
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  const log = options.log ?? (() => {});
  const pollMs = options.pollMs ?? 100;

  const iterators = new Map<string, string>();
  const finished = new Set<string>();
  const deadLetters: StreamPump['deadLetters'] = [];
  let stopped = false;
  let idleRounds = 0;
  let firstRound = true;
  let rounds = 0;
  let lastError: string | null = null;

  async function discoverShards() {
    const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!;
      if (iterators.has(id) || finished.has(id)) continue;
      // Shards that exist when the pump starts are read from now on (the caller reindexes what is there);
      // shards that appear later are read from their beginning, so nothing written after start is missed.
      const it = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: firstRound && !shard.SequenceNumberRange?.EndingSequenceNumber ? 'LATEST' : 'TRIM_HORIZON' }),
      );
      if (it.ShardIterator) iterators.set(id, it.ShardIterator);
    }
    firstRound = false;
  }

  async function deliver(records: DynamoDBRecord[]) {
    for (const [name, handler] of Object.entries(options.handlers)) {
      let pending = records;
      for (let attempt = 1; pending.length > 0; attempt++) {
        let failedFrom: number;
        try {
          const response = await handler({ Records: pending });
          const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
          if (!failed) break;
          failedFrom = Math.max(0, pending.findIndex((r) => r.dynamodb?.SequenceNumber === failed));
        } catch (error) {
          log(`stream handler ${name} threw: ${String(error)}`);
          failedFrom = 0;
        }
        if (attempt >= MAX_ATTEMPTS) {
          deadLetters.push({ handler: name, record: pending[failedFrom]!, error: 'gave up after retries' });
          log(`stream handler ${name}: record ${pending[failedFrom]!.dynamodb?.SequenceNumber} set aside after ${attempt} attempts`);
          pending = pending.slice(failedFrom + 1);
          attempt = 0;
          continue;
        }
        pending = pending.slice(failedFrom);
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  const lastSequence = new Map<string, string>();

  /**
   * A fresh iterator for a shard whose iterator DynamoDB Local no longer honours (expired, or pointing
   * at trimmed records): continue after the last record delivered, or from the oldest one kept. Handlers
   * are idempotent, so reading a record twice is harmless; skipping one would not be.
   */
  async function reopen(shardId: string) {
    const after = lastSequence.get(shardId);
    const it = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (it.ShardIterator) iterators.set(shardId, it.ShardIterator);
    else iterators.delete(shardId);
  }

  async function round(): Promise<number> {
    await discoverShards();
    let delivered = 0;
    for (const [shardId, iterator] of iterators) {
      let out;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TrimmedDataAccessException' || name === 'ExpiredIteratorException') {
          await reopen(shardId);
          continue;
        }
        throw error;
      }
      const records = (out.Records ?? []).map((r) => toLambdaRecord(r, streamArn!));
      if (records.length) {
        await deliver(records);
        lastSequence.set(shardId, records.at(-1)!.dynamodb!.SequenceNumber!);
      }
      delivered += records.length;
      if (out.NextShardIterator) iterators.set(shardId, out.NextShardIterator);
      else {
        iterators.delete(shardId);
        finished.add(shardId);
      }
    }
    return delivered;
  }

  await discoverShards();
  const loop = (async () => {
    while (!stopped) {
      try {
        const delivered = await round();
        rounds++;
        idleRounds = delivered === 0 ? idleRounds + 1 : 0;
      } catch (error) {
        lastError = String(error);
        log(`stream pump: ${lastError}`);
        idleRounds = 0;
      }
      if (!stopped) await new Promise((r) => setTimeout(r, pollMs));
    }
  })();

  return {
    deadLetters,
    async stop() {
      stopped = true;
      await loop;
      dynamo.destroy();
      streams.destroy();
    },
    async drain(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      idleRounds = 0;
      while (idleRounds < 2) {
        if (Date.now() > deadline) {
          throw new Error(`stream pump did not drain in ${timeoutMs} ms (${rounds} rounds, ${iterators.size} open shards, last error: ${lastError ?? 'none'})`);
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
  };
}
