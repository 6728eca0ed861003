/**
 * `npm start`: the whole marketplace on this machine. DynamoDB Local (fetched once, data kept in
 * .local/dynamodb), the local S3 server for attachments (data in .local/s3, port 4569), the table, demo
 * data, the local token issuer, and the API on http://localhost:3000.
 * Ctrl-C stops everything it started.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { resolve } from 'node:path';
import { DEFAULT_TABLE_NAME } from '../shared/db/table';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from './local/dynamodb-local';
import { createLocalApp, type LocalApp } from './local/local-app';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { shanghaiDate } from '../shared/domain/listing-common';
import { sendDailyDigests } from '../shared/services/mail-delivery';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.local');
const tableName = process.env.TABLE_NAME ?? DEFAULT_TABLE_NAME;
const log = (line: string) => console.log(`[start] ${line}`);
const BENCH_HELLO_PATH = '/__bench/hello';

let dynamo: RunningDynamoDbLocal | null = null;
let stopping = false;

/** Kept across restarts, so the unsubscribe links in mail already caught keep working. */
function mailLinkSecret(file: string): string {
  if (process.env.MAIL_LINK_SECRET) return process.env.MAIL_LINK_SECRET;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** What the stack's daily schedule does in AWS: at 08:00 Beijing time, yesterday's match digest. */
function scheduleDigests(local: LocalApp) {
  const next = () => {
    const now = Date.now();
    const eight = Date.parse(`${shanghaiDate(new Date(now))}T08:00:00+08:00`);
    return (eight > now ? eight : eight + 86_400_000) - now;
  };
  const run = () => {
    sendDailyDigests(local.mail.deps, shanghaiDate(new Date(Date.now() - 86_400_000)))
      .then((r) => r.sent && log(`match digests sent: ${r.sent}`))
      .catch((error) => log(`match digests failed: ${String(error)}`))
      .finally(() => (timer = setTimeout(run, next())));
  };
  let timer = setTimeout(run, next());
  timer.unref();
}

async function main() {
  const started = Date.now();
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    dynamo = await startDynamoDbLocal({
      dataDir: resolve(dataDir, 'dynamodb'),
      ...(process.env.DYNAMODB_LOCAL_PORT ? { port: Number(process.env.DYNAMODB_LOCAL_PORT) } : {}),
      log,
    });
    endpoint = dynamo.endpoint;
    dynamo.process.once('exit', (code) => {
      if (!stopping) {
        console.error(`[start] DynamoDB Local exited unexpectedly (${code}); stopping.`);
        process.exit(1);
      }
    });
    log(`DynamoDB Local on ${endpoint}, data in ${resolve(dataDir, 'dynamodb')}`);
  }
  const local = await createLocalApp({
    endpoint,
    tableName,
    issuerUrl: `http://localhost:${port}/api/v1/dev`,
    issuerKeyFile: resolve(dataDir, 'issuer-key.json'),
    seed: process.env.SEED !== 'false',
    // Attachments: the local S3 server, data kept beside DynamoDB's.
    s3: { dataDir: resolve(dataDir, 's3'), port: Number(process.env.S3_LOCAL_PORT ?? 4569) },
    // Mail: the local catcher (MailDev), mail kept in .local/mail; links point at this server.
    mail: { smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 1025), webPort: Number(process.env.MAIL_WEB_PORT ?? 1080), dataDir: resolve(dataDir, 'mail') },
    siteUrl: process.env.WEB_ORIGIN ?? `http://localhost:${port}`,
    mailLinkSecret: mailLinkSecret(resolve(dataDir, 'mail-link-secret')),
    log,
  });
  log(`mail inbox ${local.mail.inboxUrl} (SMTP ${local.mail.smtpUrl}; every mail the marketplace sends lands here)`);
  scheduleDigests(local);
  log(`files (local S3) ${local.files.endpoint}/${local.files.bucket}, data in ${local.files.dataDir}`);
  log(`search engine: ${local.search.engine}`);
  if (local.seeded) {
    const w = local.seeded.written;
    log(`demo data: ${w.organisations} organisations, ${w.achievements} achievements, ${w.needs} needs newly written (the rest already there)`);
  }
  // For the load benchmark only: a bare Hono route in the same process, the yardstick for the marketplace's own routes.
  const hello = new Hono().get(BENCH_HELLO_PATH, (c) => c.text('hello'));
  const fetchHandler =
    process.env.BENCH_HELLO_ROUTE === '1' ? (request: Request) => (new URL(request.url).pathname === BENCH_HELLO_PATH ? hello.fetch(request) : local.app.fetch(request)) : local.app.fetch;
  const server = serve({ fetch: fetchHandler, port, hostname: process.env.HOST ?? '0.0.0.0' });
  server.once('error', (error) => {
    console.error(`[start] cannot listen on port ${port}: ${(error as Error).message} (set PORT to another port)`);
    void shutdown(1);
  });
  server.once('listening', () => {
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log(`API        http://localhost:${port}/api/v1/health`);
    log(`demo login http://localhost:${port}/api/v1/dev/login`);
    log(`API docs   http://localhost:${port}/docs`);
    log('Ctrl-C stops everything.');
  });

  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    server.close();
    await local.stop();
    await dynamo?.stop();
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  stopping = true;
  await dynamo?.stop();
  process.exit(1);
});
