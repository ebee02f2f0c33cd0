/** Events as AWS sends them, for handler tests. Keys go in decoded and come out encoded, as S3 does. */
import type { Context, S3Event, SQSEvent } from 'aws-lambda';
import { encodeEventKey } from '../../lambdas/adapters/s3-event-key';

export interface S3RecordInput {
  bucket: string;
  key: string;
  eTag?: string;
  size?: number;
  sequencer?: string;
  versionId?: string;
  eventName?: string;
  /** Use this exact (already encoded) key instead of encoding `key`. */
  rawKey?: string;
}

let sequence = 0x1000;

/** A fresh sequencer, greater than every one before it. */
export function nextSequencer(): string {
  return (++sequence).toString(16).toUpperCase().padStart(18, '0');
}

export function s3Record(input: S3RecordInput): S3Event['Records'][number] {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-01-01T00:00:00.000Z',
    eventName: input.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:EXAMPLE' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'EXAMPLE', 'x-amz-id-2': 'EXAMPLE' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'test',
      bucket: { name: input.bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${input.bucket}` },
      object: {
        key: input.rawKey ?? encodeEventKey(input.key),
        size: input.size ?? 0,
        eTag: input.eTag ?? '',
        ...(input.versionId ? { versionId: input.versionId } : {}),
        sequencer: input.sequencer ?? nextSequencer(),
      },
    },
  };
}

export function s3Event(...records: S3RecordInput[]): S3Event {
  return { Records: records.map(s3Record) };
}

export function sqsEvent(messages: Array<{ messageId: string; body: unknown }>): SQSEvent {
  return {
    Records: messages.map(({ messageId, body }) => ({
      messageId,
      receiptHandle: `handle-${messageId}`,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1700000000000',
        SenderId: 'EXAMPLE',
        ApproximateFirstReceiveTimestamp: '1700000000000',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:solieu',
      awsRegion: 'us-east-1',
    })),
  };
}

export function batchEvent(
  schema: '1.0' | '2.0',
  tasks: Array<{ taskId: string; bucket: string; key: string; versionId?: string | null }>,
  userArguments?: Record<string, string>,
): unknown {
  return {
    invocationSchemaVersion: schema,
    invocationId: `invocation-${schema}`,
    job: { id: 'job-1', ...(schema === '2.0' && userArguments ? { userArguments } : {}) },
    tasks: tasks.map((t) => ({
      taskId: t.taskId,
      s3Key: encodeEventKey(t.key),
      s3VersionId: t.versionId ?? null,
      ...(schema === '1.0' ? { s3BucketArn: `arn:aws:s3:::${t.bucket}` } : { s3Bucket: t.bucket }),
    })),
  };
}

export function lambdaContext(requestId = 'test-request-id'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'solieu-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:solieu-test',
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/solieu-test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
