/**
 * The S3 store: the only code that talks to S3. Thin on purpose: it reads, writes and checks objects and
 * turns S3's answers into plain values; deciding what to do with them is the handler's job.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { InputTooLargeError } from '../core/index';

/** What HEAD tells about an object. Metadata keys are lower-case, without `x-amz-meta-`. */
export interface ObjectHead {
  eTag: string;
  versionId: string | undefined;
  lastModified: Date | undefined;
  metadata: Record<string, string>;
}

/** An object read whole. */
export interface StoredObject {
  bytes: Uint8Array;
  eTag: string;
  versionId: string | undefined;
  size: number;
}

export interface GetOptions {
  /** Larger objects are refused with InputTooLargeError, before or while reading. */
  maxBytes: number;
  /** Answer `'not-modified'` instead of reading when the object still has this ETag. */
  ifNoneMatch?: string;
}

export interface PutOptions {
  contentType: string;
  metadata: Record<string, string>;
}

/** The operations the handler needs. `undefined` means "no such object"; every other failure throws. */
export interface ObjectStore {
  head(bucket: string, key: string): Promise<ObjectHead | undefined>;
  get(bucket: string, key: string, options: GetOptions): Promise<StoredObject | 'not-modified' | undefined>;
  put(bucket: string, key: string, body: string, options: PutOptions): Promise<void>;
  delete(bucket: string, key: string): Promise<void>;
}

/** `"abc"` and `W/"abc"` both become `abc`, the form event notifications use. */
export function normalizeETag(eTag: string | undefined): string {
  return (eTag ?? '').replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** S3 reports "no version" as the string "null". */
function versionOf(id: string | undefined): string | undefined {
  return id && id !== 'null' ? id : undefined;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/** True when S3 refused the request for lack of permission. */
export function isAccessDenied(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'AccessDenied' || name === 'Forbidden' || statusOf(error) === 403;
}

/** True when S3 said the object does not exist. */
export function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404;
}

/** InputTooLargeError that also names the object version it refused, for the error report. */
export class ObjectTooLargeError extends InputTooLargeError {
  constructor(
    size: number,
    limit: number,
    readonly eTag: string,
    readonly versionId: string | undefined,
  ) {
    super(size, limit);
  }
}

/** Reads a body stream, stopping as soon as it passes `maxBytes`. */
async function readLimited(
  body: AsyncIterable<Uint8Array>,
  declared: number | undefined,
  maxBytes: number,
  refuse: (size: number) => Error,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      (body as Partial<Readable>).destroy?.();
      throw refuse(Math.max(total, declared ?? 0));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** ObjectStore over the AWS SDK v3 S3 client. */
export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: S3Client) {}

  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        eTag: normalizeETag(res.ETag),
        versionId: versionOf(res.VersionId),
        lastModified: res.LastModified,
        metadata: res.Metadata ?? {},
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async get(bucket: string, key: string, options: GetOptions): Promise<StoredObject | 'not-modified' | undefined> {
    let res;
    try {
      res = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfNoneMatch: options.ifNoneMatch }));
    } catch (error) {
      if (statusOf(error) === 304) return 'not-modified';
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const body = res.Body as (AsyncIterable<Uint8Array> & Partial<Readable>) | undefined;
    const declared = res.ContentLength;
    const eTag = normalizeETag(res.ETag);
    const versionId = versionOf(res.VersionId);
    const refuse = (size: number): Error => new ObjectTooLargeError(size, options.maxBytes, eTag, versionId);
    if (declared !== undefined && declared > options.maxBytes) {
      body?.destroy?.();
      throw refuse(declared);
    }
    const bytes = body ? await readLimited(body, declared, options.maxBytes, refuse) : new Uint8Array(0);
    return { bytes, eTag, versionId, size: bytes.byteLength };
  }

  async put(bucket: string, key: string, body: string, options: PutOptions): Promise<void> {
    const bytes = Buffer.from(body, 'utf8');
    await this.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: bytes,
        // Given explicitly: the SDK leaves it out for an empty body, and then warns about streams.
        ContentLength: bytes.byteLength,
        ContentType: options.contentType,
        Metadata: options.metadata,
      }),
    );
  }

  async delete(bucket: string, key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
}

/**
 * The S3 client for the handler. With an endpoint (AWS_ENDPOINT_URL_S3) it uses path-style addressing and
 * computes checksums only where S3 requires them, which every S3-compatible server understands.
 */
export function createS3Client(options: { endpoint?: string | undefined; region?: string | undefined }): S3Client {
  const config: S3ClientConfig = {};
  if (options.region) config.region = options.region;
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
    config.region ??= 'us-east-1';
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  }
  return new S3Client(config);
}
