import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Properties of {@link FailureAlarms}. */
export interface FailureAlarmsProps {
  readonly function: lambda.IFunction;
  /** Where failed articles end up (on-failure queue or dead-letter queue). */
  readonly failureQueue: sqs.IQueue;
  /** Subscribed to the alarm topic when set. */
  readonly email?: string;
}

/**
 * Two alarms, both on the first failure: the function reported an error, and an article is waiting
 * in the failure queue. They notify an SNS topic (TLS-only publishing), with an e-mail subscription
 * when configured. Two standard alarms cost $0.20 a month; an idle topic costs nothing.
 */
export class FailureAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly functionErrors: cloudwatch.Alarm;
  readonly failedArticles: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FailureAlarmsProps) {
    super(scope, id);
    // Alarm messages carry names and states only; CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    this.topic = new sns.Topic(this, 'Topic', { enforceSSL: true });
    if (props.email !== undefined) this.topic.addSubscription(new EmailSubscription(props.email));
    const notify = new SnsAction(this.topic);

    this.functionErrors = new cloudwatch.Alarm(this, 'FunctionErrors', {
      alarmDescription:
        'solieu: the summarizer failed at least once in 5 minutes (S3 or network error, or a bug). ' +
        "Bad articles do not count: they get an error report. See the function's log group.",
      metric: props.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    this.failedArticles = new cloudwatch.Alarm(this, 'FailedArticles', {
      alarmDescription:
        'solieu: an article failed after all retries and waits in the failure queue. ' +
        'Read the message, fix the cause, then re-upload or redrive (docs/DEPLOY.md).',
      metric: props.failureQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    for (const alarm of [this.functionErrors, this.failedArticles]) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}
