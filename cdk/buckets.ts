import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Properties of {@link SolieuBuckets}. */
export interface SolieuBucketsProps {
  /** Error reports live here and expire. */
  readonly errorPrefix: string;
  readonly errorReportExpiration: Duration;
  /** S3 Batch Operations completion reports live here and expire. */
  readonly batchReportPrefix: string;
  readonly batchReportExpiration: Duration;
  /** Overwritten results and re-uploaded articles keep old versions this long. */
  readonly noncurrentVersionExpiration: Duration;
  readonly accessLogExpiration: Duration;
}

/**
 * The data bucket (articles in, results and error reports out, the user glossary, batch manifests
 * and reports, one prefix each) and the bucket that receives its server access logs.
 * Both: SSE-S3, public access blocked, TLS 1.2+ only, retained when the stack is deleted.
 */
export class SolieuBuckets extends Construct {
  readonly dataBucket: s3.Bucket;
  readonly logsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: SolieuBucketsProps) {
    super(scope, id);

    this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      ...buildSecureBucketProps(),
      lifecycleRules: [{ id: 'expire-access-logs', expiration: props.accessLogExpiration }],
    });

    this.dataBucket = new s3.Bucket(this, 'DataBucket', {
      ...buildSecureBucketProps(),
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [
        { id: 'expire-error-reports', prefix: props.errorPrefix, expiration: props.errorReportExpiration },
        { id: 'expire-batch-reports', prefix: props.batchReportPrefix, expiration: props.batchReportExpiration },
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: props.noncurrentVersionExpiration,
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
  }
}

function buildSecureBucketProps(): s3.BucketProps {
  return {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    // Articles and results are the user's data: `cdk destroy` leaves them (see docs/DEPLOY.md, tear down).
    removalPolicy: RemovalPolicy.RETAIN,
  };
}
