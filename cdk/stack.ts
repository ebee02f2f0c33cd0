import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FailureAlarms } from './alarms';
import { BackfillRole } from './backfill';
import { SolieuBuckets } from './buckets';
import type { SolieuConfig } from './config';
import { acknowledgeFinding } from './security-checks';
import { SummarizerFunction } from './summarizer-function';
import { DirectTrigger, QueuedTrigger, type ArticleTrigger } from './trigger';

/** Properties of {@link SolieuStack}. */
export interface SolieuStackProps extends StackProps {
  readonly config: SolieuConfig;
}

/** The whole pipeline: buckets, summarizer, trigger (direct or queued), alarms, backfill role. */
export class SolieuStack extends Stack {
  readonly buckets: SolieuBuckets;
  readonly summarizer: SummarizerFunction;
  readonly trigger: ArticleTrigger;
  readonly alarms: FailureAlarms;
  readonly backfill: BackfillRole;

  constructor(scope: Construct, id: string, props: SolieuStackProps) {
    super(scope, id, props);
    const config = props.config;
    const timeout = Duration.seconds(config.timeoutSeconds);
    const filter = { prefix: config.inputPrefix, suffix: config.inputSuffix };

    this.buckets = new SolieuBuckets(this, 'Buckets', {
      errorPrefix: config.errorPrefix,
      errorReportExpiration: Duration.days(config.errorReportExpirationDays),
      batchReportPrefix: config.batchReportPrefix,
      batchReportExpiration: Duration.days(config.batchReportExpirationDays),
      noncurrentVersionExpiration: Duration.days(config.noncurrentVersionExpirationDays),
      accessLogExpiration: Duration.days(config.accessLogExpirationDays),
    });
    const bucket = this.buckets.dataBucket;

    this.summarizer = new SummarizerFunction(this, 'Summarizer', {
      dataBucket: bucket,
      inputPrefix: config.inputPrefix,
      outputPrefix: config.outputPrefix,
      errorPrefix: config.errorPrefix,
      glossaryKey: config.glossaryKey,
      memorySize: config.memorySize,
      timeout,
      maxBytes: config.maxBytes,
      logRetention: config.logRetentionDays,
      reservedConcurrency: config.reservedConcurrency,
    });
    const fn = this.summarizer.function;

    this.trigger = config.queued
      ? new QueuedTrigger(this, 'QueuedTrigger', {
          bucket,
          function: fn,
          filter,
          functionTimeout: timeout,
          batchSize: config.batchSize,
          maxConcurrency: config.maxConcurrency,
          maxReceiveCount: config.maxReceiveCount,
        })
      : new DirectTrigger(this, 'DirectTrigger', {
          bucket,
          function: fn,
          filter,
          retryAttempts: config.retryAttempts,
          maxEventAge: Duration.seconds(config.maxEventAgeSeconds),
        });

    this.alarms = new FailureAlarms(this, 'Alarms', { function: fn, failureQueue: this.trigger.failureQueue, email: config.alarmEmail });

    this.backfill = new BackfillRole(this, 'Backfill', {
      function: fn,
      bucket,
      manifestPrefix: config.batchManifestPrefix,
      reportPrefix: config.batchReportPrefix,
    });

    acknowledgeNotificationsHandler(this);

    const s3Uri = (prefix: string): string => Fn.join('', ['s3://', bucket.bucketName, '/', prefix]);
    new CfnOutput(this, 'DataBucketName', { description: 'Articles, results, error reports, glossary', value: bucket.bucketName });
    new CfnOutput(this, 'LogsBucketName', { description: 'Server access logs of the data bucket', value: this.buckets.logsBucket.bucketName });
    new CfnOutput(this, 'UploadCommand', {
      description: `Upload an article (key must end in "${config.inputSuffix}")`,
      value: Fn.join('', ['aws s3 cp article', config.inputSuffix || '.txt', ' ', s3Uri(config.inputPrefix)]),
    });
    new CfnOutput(this, 'ResultsUri', { description: 'Results: <input key>.json and .md', value: s3Uri(config.outputPrefix) });
    new CfnOutput(this, 'ErrorsUri', { description: 'Error reports: <input key>.error.json', value: s3Uri(config.errorPrefix) });
    new CfnOutput(this, 'FunctionName', { value: fn.functionName });
    new CfnOutput(this, 'FunctionArn', { description: 'For S3 Batch Operations (LambdaInvoke)', value: fn.functionArn });
    new CfnOutput(this, 'LogGroupName', { description: "The function's logs", value: this.summarizer.logGroup.logGroupName });
    new CfnOutput(this, 'FailureQueueUrl', { description: 'Articles that failed after all retries', value: this.trigger.failureQueue.queueUrl });
    new CfnOutput(this, 'FailureQueueArn', { description: 'For redriving the queue (queued mode)', value: this.trigger.failureQueue.queueArn });
    new CfnOutput(this, 'AlarmTopicArn', { description: 'Subscribe to be told about failures', value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'BackfillRoleArn', { description: 'Role for S3 Batch Operations backfill jobs', value: this.backfill.role.roleArn });
  }
}

/** Construct id CDK gives the one S3 notifications handler of a stack (aws-s3, notifications-resource). */
const NOTIFICATIONS_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

/**
 * `addEventNotification` is carried out at deploy time by CDK's own Lambda-backed custom resource;
 * its role is CDK's, not ours to shape. Acknowledged on that handler only.
 */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild(NOTIFICATIONS_HANDLER_ID);
  if (handler === undefined) return;
  acknowledgeFinding(
    handler,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's S3 notifications handler, a deploy-time custom resource that writes the bucket's notification " +
      'configuration, attaches this AWS-managed policy to its role itself (aws-s3 offers no option); the policy ' +
      'only lets that handler write its own CloudWatch logs.',
  );
}
