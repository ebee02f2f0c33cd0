import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './security-checks';
import { formatObjectArnFinding } from './summarizer-function';

/** Properties of {@link BackfillRole}. */
export interface BackfillRoleProps {
  readonly function: lambda.IFunction;
  readonly bucket: s3.IBucket;
  /** Operators upload CSV manifests (bucket,key) here. */
  readonly manifestPrefix: string;
  /** Batch Operations writes completion reports here. */
  readonly reportPrefix: string;
}

/**
 * The role an S3 Batch Operations job assumes to run the summarizer on objects that were in the
 * bucket before the stack (or a new version of it) existed: invoke the function, read the
 * manifest, write the completion report. The function reads the articles with its own role.
 */
export class BackfillRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: BackfillRoleProps) {
    super(scope, id);
    const bucket = props.bucket;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('batchoperations.s3.amazonaws.com'),
      description: 'solieu backfill: S3 Batch Operations invokes the summarizer on existing articles',
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({ sid: 'InvokeSummarizer', actions: ['lambda:InvokeFunction'], resources: [props.function.functionArn] }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadManifests',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [bucket.arnForObjects(`${props.manifestPrefix}*`)],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({ sid: 'WriteReports', actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${props.reportPrefix}*`)] }),
    );
    acknowledgeFinding(
      this.role,
      `AwsSolutions-IAM5[Resource::${formatObjectArnFinding(bucket, props.manifestPrefix)}]`,
      `Operators name a manifest per job; reading is limited to the "${props.manifestPrefix}" prefix of the data bucket.`,
    );
    acknowledgeFinding(
      this.role,
      `AwsSolutions-IAM5[Resource::${formatObjectArnFinding(bucket, props.reportPrefix)}]`,
      `Batch Operations names each report after its job id, unknown in advance; writing is limited to the "${props.reportPrefix}" prefix.`,
    );
  }
}
