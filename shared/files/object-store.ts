/**
 * Where attachment bytes live: one private S3 bucket. Browsers upload straight to it with a presigned
 * POST bound to one key, one content type and a size range, and download with short-lived presigned
 * GETs; the API itself only reads an upload back to check it, copies it out of the pending prefix and
 * deletes what it abandons. The same code runs against AWS and the local S3 server.
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DomainError } from '../domain/errors';

export interface StoredObject {
  sizeBytes: number;
  contentType: string;
  bytes: Uint8Array;
  versionId?: string;
}

export interface ObjectStore {
  presignUpload(input: { key: string; contentType: string; maxBytes: number; expiresSeconds: number }): Promise<{ url: string; fields: Record<string, string> }>;
  /** The object's bytes and metadata, or null when nothing was uploaded under the key. */
  read(key: string): Promise<StoredObject | null>;
  /** Copies within the bucket; returns the new object's version when the bucket is versioned. */
  copy(from: string, to: string): Promise<{ versionId?: string }>;
  remove(key: string): Promise<void>;
  presignDownload(input: { key: string; versionId?: string; contentDisposition: string; contentType: string; expiresSeconds: number }): Promise<string>;
}

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** Local S3 server; unset in AWS. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

function unavailable(error: unknown): DomainError {
  return new DomainError('files_unavailable', [], { cause: error });
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

export function createS3ObjectStore(options: S3StoreOptions): ObjectStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 2,
  });
  const Bucket = options.bucket;
  return {
    async presignUpload({ key, contentType, maxBytes, expiresSeconds }) {
      try {
        return await createPresignedPost(client, {
          Bucket,
          Key: key,
          Fields: { 'Content-Type': contentType },
          Conditions: [['content-length-range', 1, maxBytes]],
          Expires: expiresSeconds,
        });
      } catch (error) {
        throw unavailable(error);
      }
    },
    async read(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const bytes = await out.Body!.transformToByteArray();
        return { sizeBytes: bytes.byteLength, contentType: out.ContentType ?? '', bytes, ...(out.VersionId ? { versionId: out.VersionId } : {}) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw unavailable(error);
      }
    },
    async copy(from, to) {
      try {
        const out = await client.send(new CopyObjectCommand({ Bucket, Key: to, CopySource: `${Bucket}/${from.split('/').map(encodeURIComponent).join('/')}` }));
        return out.VersionId ? { versionId: out.VersionId } : {};
      } catch (error) {
        throw unavailable(error);
      }
    },
    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (error) {
        if (!isMissing(error)) throw unavailable(error);
      }
    },
    async presignDownload({ key, versionId, contentDisposition, contentType, expiresSeconds }) {
      return getSignedUrl(
        client,
        new GetObjectCommand({ Bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}), ResponseContentDisposition: contentDisposition, ResponseContentType: contentType }),
        { expiresIn: expiresSeconds },
      );
    },
  };
}

/** In Lambda: FILES_BUCKET (and the role's credentials); locally the runner passes endpoint and keys. */
export function objectStoreFromEnv(env: NodeJS.ProcessEnv = process.env): ObjectStore | undefined {
  if (!env.FILES_BUCKET) return undefined;
  return createS3ObjectStore({
    bucket: env.FILES_BUCKET,
    region: env.AWS_REGION ?? 'cn-northwest-1',
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    ...(env.S3_ENDPOINT && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } } : {}),
  });
}
