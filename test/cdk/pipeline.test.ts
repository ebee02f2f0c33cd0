import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { arnOf, logicalIdOf, refOf, synthesize, type Synthesized } from './synth';

/** The notification configurations of the data bucket, whatever CDK's custom resource is named. */
function notificationConfiguration(template: Template): Record<string, Array<Record<string, unknown>>> {
  const resources = Object.values(template.findResources('Custom::S3BucketNotifications'));
  expect(resources).toHaveLength(1);
  return (resources[0]!.Properties as { NotificationConfiguration: Record<string, Array<Record<string, unknown>>> }).NotificationConfiguration;
}

function filterRules(configuration: Record<string, unknown>): Record<string, string> {
  const rules = (configuration.Filter as { Key: { FilterRules: Array<{ Name: string; Value: string }> } }).Key.FilterRules;
  return Object.fromEntries(rules.map((rule) => [rule.Name, rule.Value]));
}

describe('direct mode (default): S3 → Lambda', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize();
  });

  it('runs Node.js 24 on arm64, bundled as ESM', () => {
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 60,
    });
  });

  it('gives the handler its environment', () => {
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Environment: {
        Variables: {
          OUTPUT_BUCKET: refOf(s.stack.buckets.dataBucket),
          OUTPUT_PREFIX: 'results/',
          ERROR_PREFIX: 'errors/',
          MAX_BYTES: '5242880',
          GLOSSARY_KEY: 'config/glossary.csv',
          POWERTOOLS_SERVICE_NAME: 'solieu',
          POWERTOOLS_METRICS_NAMESPACE: 'Solieu',
        },
      },
    });
  });

  it('logs to its own log group, kept 30 days', () => {
    s.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      LoggingConfig: { LogGroup: refOf(s.stack.summarizer.logGroup) },
    });
  });

  it('is triggered by uploads under incoming/ ending in .txt, and nothing else', () => {
    const configuration = notificationConfiguration(s.template);
    expect(configuration.QueueConfigurations).toBeUndefined();
    expect(configuration.LambdaFunctionConfigurations).toHaveLength(1);
    const trigger = configuration.LambdaFunctionConfigurations![0]!;
    expect(trigger.Events).toEqual(['s3:ObjectCreated:*']);
    expect(trigger.LambdaFunctionArn).toEqual(arnOf(s.stack.summarizer.function));
    expect(filterRules(trigger)).toEqual({ prefix: 'incoming/', suffix: '.txt' });
  });

  it('retries, then sends failed events to an encrypted on-failure queue', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnFailure: { Destination: arnOf(s.stack.trigger.failureQueue) } },
    });
    const queue = s.template.toJSON().Resources[logicalIdOf(s.stack.trigger.failureQueue)];
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('has no queue between S3 and the function', () => {
    s.template.resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
  });

  it('alarms on function errors and on the failure queue, to the alarm topic', () => {
    const topic = refOf(s.stack.alarms.topic);
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: refOf(s.stack.summarizer.function) }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [topic],
    });
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.anyValue(), 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: [topic],
    });
  });

  it('names the buckets and gives an upload command', () => {
    s.template.hasOutput('DataBucketName', { Value: refOf(s.stack.buckets.dataBucket) });
    s.template.hasOutput('LogsBucketName', { Value: refOf(s.stack.buckets.logsBucket) });
    s.template.hasOutput('UploadCommand', {
      Value: { 'Fn::Join': ['', ['aws s3 cp article.txt s3://', refOf(s.stack.buckets.dataBucket), '/incoming/']] },
    });
    s.template.hasOutput('BackfillRoleArn', Match.anyValue());
    s.template.hasOutput('FunctionArn', Match.anyValue());
  });

  it('hard-codes no physical names', () => {
    const named = Object.entries(s.template.toJSON().Resources as Record<string, { Properties?: Record<string, unknown> }>)
      .filter(([, r]) => ['BucketName', 'FunctionName', 'QueueName', 'TopicName', 'RoleName', 'LogGroupName', 'AlarmName'].some((p) => typeof r.Properties?.[p] === 'string'))
      .map(([id]) => id);
    expect(named).toEqual([]);
  });
});

describe('queued mode (-c queued=true): S3 → SQS → Lambda', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize({ queued: 'true' });
  });

  it('sends filtered uploads to the queue instead of the function', () => {
    const configuration = notificationConfiguration(s.template);
    expect(configuration.LambdaFunctionConfigurations).toBeUndefined();
    expect(configuration.QueueConfigurations).toHaveLength(1);
    const trigger = configuration.QueueConfigurations![0]!;
    expect(trigger.Events).toEqual(['s3:ObjectCreated:*']);
    expect(filterRules(trigger)).toEqual({ prefix: 'incoming/', suffix: '.txt' });
  });

  it('drains the queue with partial batch failures and bounded concurrency', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
      BatchSize: 10,
    });
  });

  it('hides a message six function timeouts, then redrives it to an encrypted DLQ', () => {
    const dlq = s.stack.trigger.failureQueue;
    s.template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 360,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: arnOf(dlq), maxReceiveCount: 3 },
    });
    s.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
  });

  it('alarms on the DLQ', () => {
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(s.stack.trigger.failureQueue), 'QueueName'] } }],
    });
  });

  it('sets no asynchronous retry policy (SQS redrive replaces it)', () => {
    s.template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
  });

  it('grants S3 the right to send, and only from the data bucket', () => {
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: { ArnLike: { 'aws:SourceArn': arnOf(s.stack.buckets.dataBucket) } },
          }),
        ]),
      },
    });
  });
});

describe('context', () => {
  let s: Synthesized;
  beforeAll(() => {
    // As `-c` gives them: strings.
    s = synthesize({ inputPrefix: 'archive/', inputSuffix: '', glossaryKey: 'none', memorySize: '1024', timeoutSeconds: '120', logRetentionDays: '90' });
  });

  it('sets memory, timeout and log retention', () => {
    s.template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', MemorySize: 1024, Timeout: 120 });
    s.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('filters on the prefix alone when the suffix is empty', () => {
    const trigger = notificationConfiguration(s.template).LambdaFunctionConfigurations![0]!;
    expect(filterRules(trigger)).toEqual({ prefix: 'archive/' });
  });

  it('leaves GLOSSARY_KEY and its permission out when the user glossary is off', () => {
    const fn = Object.values(s.template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x' } }))[0]!;
    expect(fn.Properties.Environment.Variables).not.toHaveProperty('GLOSSARY_KEY');
    const policy = Object.values(s.template.findResources('AWS::IAM::Policy', { Properties: { Roles: [refOf(s.stack.summarizer.role)] } }))[0]!;
    expect(JSON.stringify(policy)).not.toContain('glossary');
  });

  it('moves every permission to the new trigger prefix', () => {
    const policy = JSON.stringify(s.template.findResources('AWS::IAM::Policy', { Properties: { Roles: [refOf(s.stack.summarizer.role)] } }));
    expect(policy).toContain('/archive/*');
    expect(policy).not.toContain('incoming/');
  });
});
