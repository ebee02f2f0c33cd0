/**
 * A real S3-compatible server (s3rver) for tests: in this process, on a free port, with its data in a
 * temporary folder. Tests talk to it through the real AWS SDK client.
 */
import S3rver from '@20minutes/s3rver';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeS3rverWritesAtomic } from '../../lambdas/local/atomic-writes';

export interface TestS3 {
  endpoint: string;
  client: S3Client;
  /** Creates a bucket with a fresh name and returns the name. */
  createBucket(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

let bucketCount = 0;

export async function startTestS3(): Promise<TestS3> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // As in the local loop: S3 writes are atomic, s3rver's are not unless patched.
  makeS3rverWritesAtomic();
  const directory = mkdtempSync(join(tmpdir(), 'solieu-test-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, allowMismatchedSignatures: true, vhostBuckets: false });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = newClient(endpoint);
  return {
    endpoint,
    client,
    async createBucket(prefix = 'test') {
      const name = `${prefix}-${process.pid}-${++bucketCount}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An SDK client for the test server, configured the way the handler configures its own for an endpoint. */
export function newClient(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

export async function putObject(client: S3Client, bucket: string, key: string, body: string | Uint8Array, contentType = 'text/plain; charset=utf-8'): Promise<string> {
  const res = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  return (res.ETag ?? '').replace(/"/g, '');
}

export async function getBytes(client: S3Client, bucket: string, key: string): Promise<Uint8Array | undefined> {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await res.Body!.transformToByteArray();
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

export async function getText(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  const bytes = await getBytes(client, bucket, key);
  return bytes && new TextDecoder().decode(bytes);
}

export async function headObject(client: S3Client, bucket: string, key: string): Promise<HeadObjectCommandOutput | undefined> {
  try {
    return await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
}

/**
 * Every key in the bucket, sorted. Pages with ListObjects (v1) markers: s3rver 4 makes ListObjectsV2
 * continuation tokens with DES, which OpenSSL 3 no longer offers, so past 1,000 keys V2 answers 500.
 */
export async function listKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let marker: string | undefined;
  for (;;) {
    const res = await client.send(new ListObjectsCommand({ Bucket: bucket, Marker: marker }));
    for (const o of res.Contents ?? []) if (o.Key) keys.push(o.Key);
    if (!res.IsTruncated || keys.length === 0) break;
    marker = res.NextMarker ?? keys.at(-1);
  }
  return keys.sort();
}
