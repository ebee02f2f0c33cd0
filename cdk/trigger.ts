import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination as LambdaSqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './security-checks';

/** Which uploads start a run. */
export interface UploadFilter {
  readonly prefix: string;
  /** '' matches any key under the prefix. */
  readonly suffix: string;
}

/** Either trigger: where an article that could not be processed ends up. */
export interface ArticleTrigger {
  /** Failed events (direct mode) or messages (queued mode); alarmed on. */
  readonly failureQueue: sqs.Queue;
}

/** Properties of {@link DirectTrigger}. */
export interface DirectTriggerProps {
  readonly bucket: s3.Bucket;
  readonly function: lambda.IFunction;
  readonly filter: UploadFilter;
  /** Lambda's retries of a failed asynchronous invocation (0–2). */
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
}

/**
 * S3 → Lambda, asynchronously: Lambda retries a failed run, then sends the event with the error to
 * the on-failure queue. Right for a steady trickle of uploads.
 */
export class DirectTrigger extends Construct implements ArticleTrigger {
  readonly failureQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DirectTriggerProps) {
    super(scope, id);
    this.failureQueue = createSecureQueue(this, 'FailureQueue', { retentionPeriod: Duration.days(14) });
    acknowledgeFinding(
      this.failureQueue,
      'AwsSolutions-SQS3',
      "This queue is the function's asynchronous on-failure destination, i.e. it is the dead-letter store for failed " +
        'articles (cdk-nag only recognizes redrive policies and Lambda DeadLetterConfig). Nothing consumes it ' +
        'automatically, so a DLQ behind it would never receive a message.',
    );

    props.function.configureAsyncInvoke({
      retryAttempts: props.retryAttempts,
      maxEventAge: props.maxEventAge,
      onFailure: new LambdaSqsDestination(this.failureQueue),
    });
    props.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(props.function), toNotificationFilter(props.filter));
  }
}

/** Properties of {@link QueuedTrigger}. */
export interface QueuedTriggerProps {
  readonly bucket: s3.Bucket;
  readonly function: lambda.IFunction;
  readonly filter: UploadFilter;
  /** The function's timeout; the queue's visibility timeout is six times it. */
  readonly functionTimeout: Duration;
  readonly batchSize: number;
  readonly maxConcurrency: number;
  readonly maxReceiveCount: number;
}

/**
 * S3 → SQS → Lambda: uploads wait in a queue and at most `maxConcurrency` functions drain it, so a
 * burst or a backfill never exhausts the account's concurrency. The handler reports partial batch
 * failures; a message that fails `maxReceiveCount` times moves to the dead-letter queue.
 */
export class QueuedTrigger extends Construct implements ArticleTrigger {
  readonly queue: sqs.Queue;
  readonly failureQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: QueuedTriggerProps) {
    super(scope, id);
    // A moved message keeps its first enqueue time, so the DLQ must keep messages longer than the queue.
    this.failureQueue = createSecureQueue(this, 'DeadLetterQueue', { retentionPeriod: Duration.days(14) });
    this.queue = createSecureQueue(this, 'Queue', {
      retentionPeriod: Duration.days(4),
      // AWS guidance for Lambda event sources: at least six times the function timeout.
      visibilityTimeout: Duration.seconds(props.functionTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.failureQueue, maxReceiveCount: props.maxReceiveCount },
    });

    props.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(this.queue), toNotificationFilter(props.filter));
    props.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize,
        maxConcurrency: props.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }
}

function toNotificationFilter(filter: UploadFilter): s3.NotificationKeyFilter {
  return filter.suffix === '' ? { prefix: filter.prefix } : { prefix: filter.prefix, suffix: filter.suffix };
}

/** SSE-SQS (no KMS key to pay for, and S3 can send to it without a key policy) and TLS only. */
function createSecureQueue(scope: Construct, id: string, props: sqs.QueueProps): sqs.Queue {
  return new sqs.Queue(scope, id, { ...props, encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
}
