import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_LOADERS, ESM_REQUIRE_BANNER } from '../../cdk/summarizer-function';
import { ROOT, arnOf, logicalIdOf, synthesize, type Synthesized } from './synth';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

/** The statements of the inline policies attached to a role. */
function statementsOfRole(s: Synthesized, roleLogicalId: string): Statement[] {
  const policies = s.template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** `Fn::Join` of the bucket's ARN and a key pattern, as `bucket.arnForObjects(pattern)` writes it. */
function objectArn(s: Synthesized, pattern: string): unknown {
  return { 'Fn::Join': ['', [arnOf(s.stack.buckets.dataBucket), `/${pattern}`]] };
}

/** The rules every mode acknowledges, each reviewed; a new acknowledgement must be added here. */
const COMMON_ACKNOWLEDGEMENTS = [
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  ...['incoming/*', 'results/*', 'errors/*', 'batch-manifests/*', 'batch-reports/*'].map(
    (pattern) => `AwsSolutions-IAM5[Resource::<BucketsDataBucket.Arn>/${pattern}]`,
  ),
];

describe.each([
  ['direct', {}, [...COMMON_ACKNOWLEDGEMENTS, 'AwsSolutions-SQS3']],
  ['queued', { queued: 'true' }, COMMON_ACKNOWLEDGEMENTS],
])('cdk-nag AwsSolutions, %s mode', (_mode, context, expected) => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize(context);
  });

  it('passes: synthesis succeeded and the report has no open finding', () => {
    const nag = s.report.pluginReports.find((r) => r.pluginName === 'AwsSolutions');
    expect(nag?.conclusion).toBe('success');
    expect(nag?.violations).toEqual([]);
  });

  it('acknowledges only the reviewed findings, each with a reason', () => {
    const acknowledged = s.report.pluginReports.find((r) => r.pluginName === 'AwsSolutions')?.suppressedViolations ?? [];
    // Logical ids carry a hash; compare without it.
    const names = acknowledged.map((v) => v.ruleName.replace(/<BucketsDataBucket[0-9A-F]{8}\.Arn>/, '<BucketsDataBucket.Arn>'));
    expect(names.sort()).toEqual([...expected].sort());
    for (const v of acknowledged) expect(v.reason.length, v.ruleName).toBeGreaterThan(60);
  });
});

describe('the summarizer role', () => {
  let s: Synthesized;
  let statements: Statement[];
  beforeAll(() => {
    s = synthesize();
    statements = statementsOfRole(s, logicalIdOf(s.stack.summarizer.role));
  });

  it('has no wildcard action, no s3:*, no Delete', () => {
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(actions.filter((a) => /delete/i.test(a))).toEqual([]);
    expect(statements.every((st) => st.Effect === 'Allow')).toBe(true);
  });

  it('uses no managed policy', () => {
    s.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
  });

  // Read: the article; the result and error report of the same key (duplicate and ordering checks); the glossary.
  const READ_KEYS = ['incoming/*', 'results/*', 'errors/*', 'config/glossary.csv'];

  it('reads articles, its own outputs and the glossary, nothing else', () => {
    const reads = statements.filter((st) => actionsOf(st).includes('s3:GetObject'));
    expect(reads).toHaveLength(1);
    expect(actionsOf(reads[0]!)).toEqual(['s3:GetObject']);
    expect([reads[0]!.Resource].flat()).toEqual(expect.arrayContaining(READ_KEYS.map((key) => objectArn(s, key))));
    expect([reads[0]!.Resource].flat()).toHaveLength(READ_KEYS.length);
  });

  it('lists the bucket only where it reads, so a missing key reads as 404, not 403', () => {
    const lists = statements.filter((st) => actionsOf(st).includes('s3:ListBucket'));
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ Action: 's3:ListBucket', Resource: arnOf(s.stack.buckets.dataBucket) });
    const prefixes = (lists[0]!.Condition as { StringLike: { 's3:prefix': string[] } }).StringLike['s3:prefix'];
    expect([...prefixes].sort()).toEqual([...READ_KEYS].sort());
  });

  it('writes results and error reports only', () => {
    const writes = statements.filter((st) => actionsOf(st).includes('s3:PutObject'));
    expect(writes).toHaveLength(1);
    expect(actionsOf(writes[0]!)).toEqual(['s3:PutObject']);
    expect([writes[0]!.Resource].flat().sort()).toEqual([objectArn(s, 'errors/*'), objectArn(s, 'results/*')].sort());
  });

  it('uses S3 only on the data bucket', () => {
    const s3Resources = statements.filter((st) => actionsOf(st).some((a) => a.startsWith('s3:'))).flatMap((st) => [st.Resource].flat());
    expect(JSON.stringify(s3Resources)).not.toContain(logicalIdOf(s.stack.buckets.logsBucket));
  });
});

describe('the backfill role', () => {
  let s: Synthesized;
  let statements: Statement[];
  beforeAll(() => {
    s = synthesize();
    statements = statementsOfRole(s, logicalIdOf(s.stack.backfill.role));
  });

  it('is assumed by S3 Batch Operations', () => {
    s.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'batchoperations.s3.amazonaws.com' } })] },
    });
  });

  it('invokes the function, reads manifests, writes reports', () => {
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Action: 'lambda:InvokeFunction', Resource: arnOf(s.stack.summarizer.function) }),
        expect.objectContaining({ Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: objectArn(s, 'batch-manifests/*') }),
        expect.objectContaining({ Action: 's3:PutObject', Resource: objectArn(s, 'batch-reports/*') }),
      ]),
    );
    expect(statements).toHaveLength(3);
  });
});

describe('buckets', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize();
  });

  it('all encrypt by default and block public access', () => {
    const buckets = Object.values(s.template.findResources('AWS::S3::Bucket'));
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const bucket of buckets) {
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ]);
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('all refuse requests without TLS', () => {
    for (const bucket of [s.stack.buckets.dataBucket, s.stack.buckets.logsBucket]) {
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalIdOf(bucket) },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('version the data bucket, log its access, expire error reports', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(s.stack.buckets.logsBucket) } },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'errors/', ExpirationInDays: 90, Status: 'Enabled' })]),
      },
    });
  });

  it('are kept when the stack is deleted', () => {
    for (const bucket of Object.values(s.template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
  });
});

describe('the function bundle', () => {
  let bundle: string;
  let size: number;
  beforeAll(() => {
    const s = synthesize();
    const fn = Object.values(s.template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x' } }))[0]!;
    const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
    const file = join(s.assembly.directory, `asset.${hash}`, 'index.mjs');
    bundle = readFileSync(file, 'utf8');
    size = statSync(file).size;
  });

  it('is ESM that gives CommonJS dependencies a require()', () => {
    expect(bundle.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
  });

  it('stays within 1 MB, without an inline source map', () => {
    // The budget read the strict way, 10^6 bytes: language data is about half of the bundle.
    expect(size).toBeLessThanOrEqual(1_000_000);
    expect(bundle).not.toContain('sourceMappingURL=data:');
  });

  it('carries the AWS SDK inside instead of importing the runtime one', () => {
    const specifiers = [...bundle.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["'](@aws-sdk\/[^"']+)["']/g)].map((m) => m[1]);
    // These two appear only as text, in the SDK's error message about optional SigV4a signers.
    const optional = new Set(['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a']);
    expect(specifiers.filter((name) => !optional.has(name!))).toEqual([]);
  });

  it('loads language data exactly as scripts/build.mjs does', async () => {
    // A computed specifier: build.mjs is plain JavaScript without type declarations.
    const build = (await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href)) as { DATA_LOADERS: unknown };
    expect(DATA_LOADERS).toEqual(build.DATA_LOADERS);
  });
});
