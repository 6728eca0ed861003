/**
 * A local S3-compatible server for `npm start` and the tests: the subset of the S3 REST API the
 * marketplace uses, enforced the way S3 enforces it.
 *
 * Why not s3rver (the npm registry's S3 stand-in): tried first. It stores a browser POST without
 * checking its policy (an expired, oversized upload to any key is accepted with 204) and serves objects
 * to unsigned GETs, so the very checks the files feature depends on could not be exercised. This server
 * verifies what S3 verifies:
 * - every request except the browser POST is signed with Signature Version 4 (Authorization header or a
 *   presigned URL, whose expiry is enforced); unsigned or badly signed requests get 403;
 * - a browser POST (presigned POST) must carry a policy signed by a known key, not expired, whose
 *   conditions (eq, starts-with, content-length-range) every field and the file's size satisfy, and no
 *   form field outside the policy;
 * - presigned GETs honour `response-content-disposition` / `response-content-type`.
 * Operations: create/head bucket, POST object, GET/HEAD/DELETE object, copy object. Objects live under
 * `dataDir/<bucket>/` as the bytes plus a JSON sidecar. CORS: any origin (the stack's bucket is stricter).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export interface LocalS3Options {
  dataDir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  port?: number;
  host?: string;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RunningLocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

interface ObjectMeta {
  contentType: string;
  size: number;
  etag: string;
  lastModified: string;
}

class S3Failure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
/** RFC 3986 encoding, as SigV4 canonicalises query strings. */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "20261203T155434Z" → Date. */
function parseAmzDate(value: string | undefined): Date | null {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

function parseQuery(raw: string): [string, string][] {
  if (!raw) return [];
  return raw.split('&').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    const [k, v] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export async function startLocalS3(options: LocalS3Options): Promise<RunningLocalS3> {
  const now = options.now ?? (() => new Date());
  const { accessKeyId, secretAccessKey } = options.credentials;
  await mkdir(options.dataDir, { recursive: true });

  const bucketDir = (bucket: string) => join(options.dataDir, bucket);
  const objectPath = (bucket: string, key: string) => join(bucketDir(bucket), 'objects', encodeURIComponent(key));

  async function bucketExists(bucket: string): Promise<boolean> {
    return stat(bucketDir(bucket)).then(() => true, () => false);
  }

  async function readMeta(bucket: string, key: string): Promise<ObjectMeta | null> {
    try {
      return JSON.parse(await readFile(`${objectPath(bucket, key)}.json`, 'utf8')) as ObjectMeta;
    } catch {
      return null;
    }
  }

  async function putObject(bucket: string, key: string, bytes: Buffer, contentType: string): Promise<ObjectMeta> {
    if (!(await bucketExists(bucket))) throw new S3Failure(404, 'NoSuchBucket', 'The specified bucket does not exist');
    const meta: ObjectMeta = { contentType, size: bytes.length, etag: `"${createHash('md5').update(bytes).digest('hex')}"`, lastModified: now().toUTCString() };
    await mkdir(join(bucketDir(bucket), 'objects'), { recursive: true });
    await writeFile(objectPath(bucket, key), bytes);
    await writeFile(`${objectPath(bucket, key)}.json`, JSON.stringify(meta));
    return meta;
  }

  /** SigV4 of a header-signed or presigned request; throws 403 unless it verifies and is in time. */
  function verifySignedRequest(req: IncomingMessage, rawPath: string, query: [string, string][]): void {
    const params = new Map(query.map(([k, v]) => [k, v]));
    const auth = req.headers.authorization;
    let credential: string, signedHeaders: string, signature: string, amzDate: string | undefined, payloadHash: string;
    if (auth) {
      const m = auth.match(/^AWS4-HMAC-SHA256 Credential=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/);
      if (!m) throw new S3Failure(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
      [, credential, signedHeaders, signature] = m as unknown as [string, string, string, string];
      amzDate = req.headers['x-amz-date'] as string | undefined;
      payloadHash = (req.headers['x-amz-content-sha256'] as string | undefined) ?? 'UNSIGNED-PAYLOAD';
      const at = parseAmzDate(amzDate);
      if (!at || Math.abs(at.getTime() - now().getTime()) > MAX_CLOCK_SKEW_MS) throw new S3Failure(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    } else if (params.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
      credential = params.get('X-Amz-Credential') ?? '';
      signedHeaders = params.get('X-Amz-SignedHeaders') ?? '';
      signature = params.get('X-Amz-Signature') ?? '';
      amzDate = params.get('X-Amz-Date');
      payloadHash = params.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
      const at = parseAmzDate(amzDate);
      const expires = Number(params.get('X-Amz-Expires'));
      if (!at || !Number.isInteger(expires) || expires < 1 || expires > 604_800) throw new S3Failure(403, 'AccessDenied', 'Invalid presigned URL');
      if (now().getTime() > at.getTime() + expires * 1000) throw new S3Failure(403, 'AccessDenied', 'Request has expired');
    } else {
      throw new S3Failure(403, 'AccessDenied', 'Access Denied');
    }
    const [keyId, date, region, service, terminator] = credential.split('/');
    if (keyId !== accessKeyId) throw new S3Failure(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (!date || !region || service !== 's3' || terminator !== 'aws4_request' || !amzDate?.startsWith(date)) throw new S3Failure(403, 'SignatureDoesNotMatch', 'Credential scope does not match');
    const headerNames = signedHeaders.split(';');
    if (!headerNames.includes('host')) throw new S3Failure(403, 'SignatureDoesNotMatch', 'host must be signed');
    const canonicalQuery = query
      .filter(([k]) => k !== 'X-Amz-Signature')
      .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
      .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const canonicalHeaders = headerNames.map((name) => `${name}:${String(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
    const canonicalRequest = [req.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const scope = `${date}/${region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
    const expected = hmac(signingKey(secretAccessKey, date, region, 's3'), stringToSign).toString('hex');
    if (!sameSignature(expected, signature)) throw new S3Failure(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }

  /** A browser POST: the policy's signature, expiry and every condition, then the object. */
  async function postObject(req: IncomingMessage, bucket: string): Promise<{ key: string; meta: ObjectMeta; status: number }> {
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) throw new S3Failure(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    const form = await new Request('http://local/', { method: 'POST', headers: req.headers as Record<string, string>, body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } as RequestInit).formData();
    const fields = new Map<string, string>();
    let file: File | null = null;
    for (const [name, value] of form as unknown as Iterable<[string, FormDataEntryValue]>) {
      if (name.toLowerCase() === 'file') {
        if (typeof value === 'string') throw new S3Failure(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
        file = value;
      } else if (typeof value === 'string') fields.set(name.toLowerCase(), value);
    }
    if (!file) throw new S3Failure(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    const policyB64 = fields.get('policy');
    const signature = fields.get('x-amz-signature');
    const credential = fields.get('x-amz-credential') ?? '';
    if (!policyB64 || !signature || fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') throw new S3Failure(403, 'AccessDenied', 'Bucket POST must contain a policy, an algorithm and a signature');
    const [keyId, date, region, service] = credential.split('/');
    if (keyId !== accessKeyId) throw new S3Failure(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    const expected = hmac(signingKey(secretAccessKey, date ?? '', region ?? '', service ?? ''), policyB64).toString('hex');
    if (!sameSignature(expected, signature)) throw new S3Failure(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    let policy: { expiration?: string; conditions?: unknown[] };
    try {
      policy = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8'));
    } catch {
      throw new S3Failure(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
    }
    if (!policy.expiration || !(Date.parse(policy.expiration) > now().getTime())) throw new S3Failure(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    const valueOf = (name: string) => (name === 'bucket' ? bucket : fields.get(name));
    const covered = new Set<string>();
    for (const condition of policy.conditions ?? []) {
      if (Array.isArray(condition) && condition[0] === 'content-length-range') {
        const [, min, max] = condition as [string, number, number];
        if (file.size > max) throw new S3Failure(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
        if (file.size < min) throw new S3Failure(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
        continue;
      }
      const [op, rawName, wanted] = Array.isArray(condition)
        ? (condition as [string, string, string])
        : (['eq', `$${Object.keys(condition as object)[0]}`, Object.values(condition as object)[0]] as [string, string, string]);
      const name = rawName.replace(/^\$/, '').toLowerCase();
      covered.add(name);
      const actual = valueOf(name) ?? '';
      const holds = op === 'eq' ? actual === wanted : op === 'starts-with' ? actual.startsWith(wanted) : false;
      if (!holds) throw new S3Failure(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["${op}", "$${name}", "${wanted}"]`);
    }
    const extra = [...fields.keys()].filter((name) => !['policy', 'x-amz-signature'].includes(name) && !name.startsWith('x-ignore-') && !covered.has(name));
    if (extra.length) throw new S3Failure(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);
    const key = fields.get('key');
    if (!key) throw new S3Failure(400, 'InvalidArgument', "Bucket POST must contain a field named 'key'.");
    const meta = await putObject(bucket, key, Buffer.from(await file.arrayBuffer()), fields.get('content-type') ?? 'binary/octet-stream');
    const status = fields.get('success_action_status') === '201' ? 201 : fields.get('success_action_status') === '200' ? 200 : 204;
    return { key, meta, status };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'ETag, Location');
      res.setHeader('vary', 'Origin');
    }
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = parseQuery(queryAt < 0 ? '' : url.slice(queryAt + 1));
    const [, bucket = '', ...rest] = rawPath.split('/');
    const key = decodeURIComponent(rest.join('/'));
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { 'access-control-allow-methods': 'GET, HEAD, POST', 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '', 'access-control-max-age': '3000' }).end();
      return;
    }
    if (!bucket) throw new S3Failure(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    if (req.method === 'POST' && !key) {
      const posted = await postObject(req, bucket);
      const location = `http://${req.headers.host}/${bucket}/${posted.key.split('/').map(encodeURIComponent).join('/')}`;
      res.setHeader('etag', posted.meta.etag);
      res.setHeader('location', location);
      if (posted.status === 201) {
        res.writeHead(201, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>${xmlEscape(location)}</Location><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(posted.key)}</Key><ETag>${xmlEscape(posted.meta.etag)}</ETag></PostResponse>`);
      } else res.writeHead(posted.status).end();
      return;
    }
    verifySignedRequest(req, rawPath, query);
    if (!key) {
      if (req.method === 'PUT') {
        await mkdir(join(bucketDir(bucket), 'objects'), { recursive: true });
        res.writeHead(200, { location: `/${bucket}` }).end();
      } else if (req.method === 'HEAD') res.writeHead((await bucketExists(bucket)) ? 200 : 404).end();
      else throw new S3Failure(501, 'NotImplemented', 'Only create and head bucket are implemented.');
      return;
    }
    if (req.method === 'PUT') {
      const source = req.headers['x-amz-copy-source'];
      if (typeof source !== 'string') throw new S3Failure(501, 'NotImplemented', 'PUT object is not implemented locally; upload with a presigned POST.');
      const [sourceBucket = '', ...sourceKey] = decodeURIComponent(source.replace(/^\//, '').split('?')[0]!).split('/');
      const sourceMeta = await readMeta(sourceBucket, sourceKey.join('/'));
      if (!sourceMeta) throw new S3Failure(404, 'NoSuchKey', 'The specified key does not exist.');
      const meta = await putObject(bucket, key, await readFile(objectPath(sourceBucket, sourceKey.join('/'))), sourceMeta.contentType);
      res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><LastModified>${new Date(meta.lastModified).toISOString()}</LastModified><ETag>${xmlEscape(meta.etag)}</ETag></CopyObjectResult>`);
      return;
    }
    if (req.method === 'DELETE') {
      await rm(objectPath(bucket, key), { force: true });
      await rm(`${objectPath(bucket, key)}.json`, { force: true });
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new S3Failure(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    const meta = await readMeta(bucket, key);
    if (!meta) {
      if (req.method === 'HEAD') res.writeHead(404).end();
      else throw new S3Failure(404, 'NoSuchKey', 'The specified key does not exist.');
      return;
    }
    const params = new Map(query);
    res.writeHead(200, {
      'content-type': params.get('response-content-type') ?? meta.contentType,
      'content-length': String(meta.size),
      etag: meta.etag,
      'last-modified': meta.lastModified,
      ...(params.get('response-content-disposition') ? { 'content-disposition': params.get('response-content-disposition') } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else res.end(await readFile(objectPath(bucket, key)));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof S3Failure ? error : new S3Failure(500, 'InternalError', error instanceof Error ? error.message : String(error));
      if (failure.status === 500) options.log?.(`local S3: ${failure.message}`);
      req.resume();
      if (res.headersSent) return void res.end();
      res.writeHead(failure.status, { 'content-type': 'application/xml' });
      res.end(req.method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${failure.code}</Code><Message>${xmlEscape(failure.message)}</Message></Error>`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
