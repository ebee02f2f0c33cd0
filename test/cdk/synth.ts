/**
 * Synthesizes the solieu app the way `npx cdk synth` does (cdk.json's feature flags, the security
 * checks) into a temporary directory, once per variant per test process: bundling takes seconds.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { readConfig, type SolieuConfig } from '../../cdk/config';
import { addSecurityChecks, type ValidationReport } from '../../cdk/security-checks';
import { SolieuStack } from '../../cdk/stack';

export const ROOT = join(import.meta.dirname, '..', '..');

/** cdk.json's context: feature flags and the solieu defaults a deploy would see. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context;
}

export interface Synthesized {
  readonly config: SolieuConfig;
  readonly stack: SolieuStack;
  readonly template: Template;
  readonly assembly: CloudAssembly;
  /** cdk.out/validation-report.json, as CDK wrote it. */
  readonly report: ValidationReport;
}

const cache = new Map<string, Synthesized>();
// One output directory per test process: CDK reuses a bundle staged in the same directory.
let outdir: string | undefined;

/** The app synthesized with cdk.json's context plus `context` (as `-c key=value` would give it). */
export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const key = JSON.stringify(context);
  let result = cache.get(key);
  if (result === undefined) {
    outdir ??= mkdtempSync(join(tmpdir(), 'solieu-cdk-'));
    // A stack name per variant, so that no variant overwrites another's template file.
    const stackName = `SolieuTest${cache.size}`;
    const app = new App({ outdir, context: { ...cdkJsonContext(), stackName, ...context } });
    const config = readConfig((k) => app.node.tryGetContext(k));
    const stack = new SolieuStack(app, config.stackName, { config });
    addSecurityChecks(app);
    // Under vitest (NODE_ENV=test) CDK throws here, with the report, if a validation plugin fails.
    const assembly = app.synth();
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
    result = { config, stack, template: Template.fromStack(stack), assembly, report };
    cache.set(key, result);
  }
  return result;
}


/** The logical id CDK gave a construct's CloudFormation resource. */
export function logicalIdOf(construct: IConstruct): string {
  const cfn = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).resolve(cfn.logicalId) as string;
}

/** `{ "Fn::GetAtt": [id, "Arn"] }`, as the template refers to the construct's ARN. */
export const arnOf = (construct: IConstruct): unknown => ({ 'Fn::GetAtt': [logicalIdOf(construct), 'Arn'] });

/** `{ Ref: id }`. */
export const refOf = (construct: IConstruct): unknown => ({ Ref: logicalIdOf(construct) });
