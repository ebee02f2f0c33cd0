/**
 * The three event shapes the handler accepts, read into one form (ObjectRef): S3 notifications (direct),
 * SQS messages whose bodies are S3 notifications (optionally wrapped by SNS), and S3 Batch Operations
 * tasks (invocation schema 1.0 and 2.0). Keys arrive URL-encoded in all three and are decoded here.
 */
import type { S3Event, S3EventRecord, SQSEvent, SQSRecord } from 'aws-lambda';
import { decodeEventKey } from '../adapters/s3-event-key';

/** One object an event asks the handler to summarize. */
export interface ObjectRef {
  bucket: string;
  /** The decoded key; equal to `rawKey` when it could not be decoded (then `keyError` is set). */
  key: string;
  /** The key as the event carried it. */
  rawKey: string;
  keyError?: string;
  /** ETag, unquoted, when the event names one. */
  eTag?: string;
  versionId?: string;
  /** Orders events on the same key (S3 notifications only). */
  sequencer?: string;
  /** `ObjectCreated:Put` and the like; undefined for Batch Operations. */
  eventName?: string;
  /** Skip the "already summarized" check (Batch Operations user argument `force`). */
  force?: boolean;
}

/** S3 Batch Operations invocation, schema 1.0 (`s3BucketArn`) or 2.0 (bucket name, `userArguments`). */
export interface BatchEvent {
  invocationSchemaVersion: string;
  invocationId: string;
  job: { id: string; userArguments?: Record<string, string> };
  tasks: BatchTask[];
}

export interface BatchTask {
  taskId: string;
  s3Key: string;
  s3VersionId?: string | null;
  s3BucketArn?: string;
  s3Bucket?: string;
  s3BucketName?: string;
}

export type BatchResultCode = 'Succeeded' | 'TemporaryFailure' | 'PermanentFailure';

export interface BatchResponse {
  invocationSchemaVersion: string;
  treatMissingKeysAs: BatchResultCode;
  invocationId: string;
  results: Array<{ taskId: string; resultCode: BatchResultCode; resultString: string }>;
}

export interface SqsBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isBatchEvent(event: unknown): event is BatchEvent {
  return isObject(event) && typeof event.invocationSchemaVersion === 'string' && Array.isArray(event.tasks);
}

export function isSqsEvent(event: unknown): event is SQSEvent {
  return isObject(event) && Array.isArray(event.Records) && (event.Records as unknown[]).some((r) => isObject(r) && r.eventSource === 'aws:sqs');
}

/** A notification with S3 records (what S3 sends to Lambda, SQS and SNS). */
export function isS3Notification(event: unknown): event is S3Event {
  return isObject(event) && Array.isArray(event.Records) && (event.Records as unknown[]).every((r) => isObject(r) && isObject(r.s3));
}

/** S3 sends this once when a notification is configured; there is nothing to do for it. */
export function isS3TestEvent(body: unknown): boolean {
  return isObject(body) && body.Event === 's3:TestEvent';
}

function decodeKey(rawKey: string): { key: string; keyError?: string } {
  try {
    return { key: decodeEventKey(rawKey) };
  } catch (error) {
    return { key: rawKey, keyError: `the object key "${rawKey}" is not valid URL encoding (${(error as Error).message})` };
  }
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'null' ? value : undefined;
}

/** Reads one S3 notification record. */
export function refFromS3Record(record: S3EventRecord): ObjectRef {
  const object = record.s3.object;
  const rawKey = String(object.key);
  return {
    bucket: record.s3.bucket.name,
    rawKey,
    ...decodeKey(rawKey),
    eTag: optional(object.eTag)?.replace(/^"(.*)"$/, '$1'),
    versionId: optional(object.versionId),
    sequencer: optional(object.sequencer),
    // S3 writes "ObjectCreated:Put"; some S3-compatible servers write "s3:ObjectCreated:Put".
    eventName: String(record.eventName ?? '').replace(/^s3:/, ''),
  };
}

/** True for the events the handler acts on. */
export function isObjectCreated(ref: ObjectRef): boolean {
  return ref.eventName === undefined || ref.eventName.startsWith('ObjectCreated:');
}

/** The bucket of a Batch Operations task: `s3BucketArn` (1.0) or the bucket name (2.0). */
export function bucketOfTask(task: BatchTask): string | undefined {
  if (task.s3BucketArn) return task.s3BucketArn.slice(task.s3BucketArn.lastIndexOf(':') + 1);
  return task.s3Bucket ?? task.s3BucketName;
}

export function refFromBatchTask(task: BatchTask, userArguments: Record<string, string> | undefined): ObjectRef | undefined {
  const bucket = bucketOfTask(task);
  if (!bucket) return undefined;
  return {
    bucket,
    rawKey: task.s3Key,
    ...decodeKey(task.s3Key),
    versionId: optional(task.s3VersionId),
    force: /^(true|1|yes)$/i.test(userArguments?.force ?? ''),
  };
}

/**
 * The S3 notification inside an SQS message body, unwrapping SNS when S3 -> SNS -> SQS.
 * Returns 'test' for the S3 test event and undefined for a body that is no S3 notification.
 */
export function notificationOfSqsRecord(record: SQSRecord): S3Event | 'test' | undefined {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
    if (isObject(body) && body.Type === 'Notification' && typeof body.Message === 'string') body = JSON.parse(body.Message);
  } catch {
    return undefined;
  }
  if (isS3TestEvent(body)) return 'test';
  return isS3Notification(body) ? body : undefined;
}
