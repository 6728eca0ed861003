import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  mode: z.enum(['lambda', 'local']),
  table: z.object({ name: z.string(), reachable: z.boolean() }),
  search: z.object({ engine: z.string() }),
  time: z.iso.datetime(),
});

const app = new Hono<ApiEnv>().get('/health', async (c) => {
  const { db, mode, search, now } = c.var.deps;
  let reachable = true;
  try {
    await db.doc.send(new DescribeTableCommand({ TableName: db.tableName }));
  } catch {
    reachable = false;
  }
  const body: z.infer<typeof healthSchema> = {
    status: reachable ? 'ok' : 'degraded',
    mode,
    table: { name: db.tableName, reachable },
    search: { engine: search.engine },
    time: now().toISOString(),
  };
  return c.json(body, reachable ? 200 : 503);
});

const docs: RouteDoc[] = [
  {
    method: 'get', path: '/health', tag: '运行 Operations', access: 'anyone',
    summary: 'Liveness, and which table and search engine are in use',
    responses: { 200: { description: 'Healthy', schema: healthSchema }, 503: { description: 'The table is unreachable', schema: healthSchema } },
  },
];

export const health = { app, docs };
