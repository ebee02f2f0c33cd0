import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeFinding } from './security-checks';

/** The Lambda entry point (owned by the runtime work; it reads the environment set below). */
export const HANDLER_ENTRY = fileURLToPath(new URL('../lambdas/handlers/s3-summarize.ts', import.meta.url));

/** esbuild loaders for language data; identical to DATA_LOADERS in scripts/build.mjs (a test checks). */
export const DATA_LOADERS: Readonly<Record<string, string>> = { '.csv': 'text', '.tsv': 'text', '.txt': 'text', '.gz': 'binary' };

/** Some dependencies are CommonJS and call require(); the ESM bundle gives them one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __solieuCreateRequire } from 'node:module'; const require = __solieuCreateRequire(import.meta.url);";

/** Properties of {@link SummarizerFunction}. */
export interface SummarizerFunctionProps {
  /** Articles, results, error reports and the glossary all live in this bucket. */
  readonly dataBucket: s3.IBucket;
  readonly inputPrefix: string;
  readonly outputPrefix: string;
  readonly errorPrefix: string;
  /** The user glossary's key; no access and no GLOSSARY_KEY when undefined. */
  readonly glossaryKey?: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly maxBytes: number;
  readonly logRetention: logs.RetentionDays;
  readonly reservedConcurrency?: number;
}

/**
 * The summarizer: one Node.js 24 function on arm64, bundled locally by esbuild (no Docker), with its
 * own log group and a role that reads articles, the glossary and its own outputs, lists only where it
 * reads, writes results and error reports, and nothing else: no Delete, no wildcard actions.
 */
export class SummarizerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SummarizerFunctionProps) {
    super(scope, id);
    const bucket = props.dataBucket;

    // Operational logs, not user data: they expire, and go with the stack.
    this.logGroup = new logs.LogGroup(this, 'LogGroup', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });

    // Our own role: the default one carries the AWS-managed AWSLambdaBasicExecutionRole (logs on every group).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'solieu summarizer: reads articles, writes results and error reports',
    });
    this.logGroup.grantWrite(this.role);

    // It reads what it summarizes and, to skip duplicates and stale events, what it already wrote:
    // the result and the error report of the same key (HEAD needs s3:GetObject).
    const readKeys = [`${props.inputPrefix}*`, `${props.outputPrefix}*`, `${props.errorPrefix}*`];
    if (props.glossaryKey !== undefined) readKeys.push(props.glossaryKey);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadArticlesOwnOutputsAndGlossary',
        actions: ['s3:GetObject'],
        resources: readKeys.map((key) => bucket.arnForObjects(key)),
      }),
    );
    // Without ListBucket S3 answers 403 for a missing key, which the handler must treat as a failure;
    // with it, 404: "no result yet", "no glossary uploaded", "article deleted". Only where it reads.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ListWhereItReads',
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': readKeys } },
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteResultsAndErrorReports',
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`${props.outputPrefix}*`), bucket.arnForObjects(`${props.errorPrefix}*`)],
      }),
    );
    const wildcardUses: Array<[string, string]> = [
      [props.inputPrefix, 's3:GetObject (the uploaded articles)'],
      [props.outputPrefix, 's3:GetObject and s3:PutObject (results, read back for the duplicate check)'],
      [props.errorPrefix, 's3:GetObject and s3:PutObject (error reports, read back for the duplicate check)'],
    ];
    for (const [prefix, use] of wildcardUses) {
      acknowledgeFinding(
        this.role,
        `AwsSolutions-IAM5[Resource::${formatObjectArnFinding(bucket, prefix)}]`,
        `One object per article under "${prefix}", with keys not known in advance; the wildcard is limited to that ` +
          `prefix of the one data bucket, for ${use} only, no Delete.`,
      );
    }

    const environment: Record<string, string> = {
      OUTPUT_BUCKET: bucket.bucketName,
      OUTPUT_PREFIX: props.outputPrefix,
      ERROR_PREFIX: props.errorPrefix,
      MAX_BYTES: String(props.maxBytes),
      POWERTOOLS_SERVICE_NAME: 'solieu',
      POWERTOOLS_METRICS_NAMESPACE: 'Solieu',
    };
    if (props.glossaryKey !== undefined) environment.GLOSSARY_KEY = props.glossaryKey;

    this.function = new NodejsFunction(this, 'Function', {
      description: 'solieu: key figures of a Vietnamese news article, summarized in English',
      entry: HANDLER_ENTRY,
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment,
      reservedConcurrentExecutions: props.reservedConcurrency,
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        target: 'node24',
        minify: true,
        sourceMap: false,
        // The bundled glossaries are Vietnamese text: as UTF-8 a letter takes 2-3 bytes, escaped (\uXXXX) 6.
        // An esbuild argument, because aws-cdk-lib 2.276 does not pass its `charset` option on to esbuild.
        esbuildArgs: { '--charset': 'utf8' },
        loader: { ...DATA_LOADERS },
        // The SDK is bundled at the version package-lock.json pins, not taken from the runtime.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
  }
}

/**
 * How cdk-nag prints an object ARN of this bucket in an IAM5 finding: `<LogicalId.Arn>/prefix*`.
 * Built from the bucket's logical id, so acknowledgements follow it instead of hard-coding a hash.
 */
export function formatObjectArnFinding(bucket: s3.IBucket, prefix: string): string {
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  const logicalId = Stack.of(bucket).resolve(cfnBucket.logicalId) as string;
  return `<${logicalId}.Arn>/${prefix}*`;
}
