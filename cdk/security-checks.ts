import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The cdk-nag rule pack that every synthesis runs. */
export const NAG_PACK = 'AwsSolutions';

/**
 * Registers cdk-nag's AwsSolutions pack as a validation plugin: synthesis fails on any finding
 * that is not acknowledged with {@link acknowledgeFinding}.
 */
export function addSecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/**
 * Acknowledges one cdk-nag finding on a construct and its children, with the reason.
 *
 * The id carries the plugin's namespace (`AwsSolutions::AwsSolutions-SQS3`), so cdk-nag still
 * reports the finding and CDK's validation marks it suppressed: each acknowledgement and its reason
 * appear in the validation report that `cdk synth` prints and writes to cdk.out/validation-report.json.
 *
 * @param ruleId the rule, with the finding for rules that report several (`AwsSolutions-IAM5[Resource::...]`)
 */
export function acknowledgeFinding(scope: IConstruct, ruleId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `${NAG_PACK}::${ruleId}`, reason });
}

/** What CDK writes to `<assembly>/validation-report.json` (the parts read here). */
export interface ValidationReport {
  readonly pluginReports: ReadonlyArray<{
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: ReadonlyArray<{ readonly ruleName: string }>;
    readonly suppressedViolations?: ReadonlyArray<{ readonly ruleName: string; readonly reason: string; readonly acknowledgedAt: string }>;
  }>;
}

/**
 * A few lines on the AwsSolutions report CDK wrote to `<assembly>/validation-report.json`: its
 * conclusion, open findings, and every acknowledgement with where it applies and why. The CDK CLI
 * prints a report only when something fails; app.ts prints this one on every synthesis.
 */
export function summarizeValidationReport(report: ValidationReport): string {
  const nag = report.pluginReports.find((r) => r.pluginName === NAG_PACK);
  if (nag === undefined) return `${NAG_PACK} validation report: success, no findings.`;
  const acknowledged = nag.suppressedViolations ?? [];
  return [
    `${NAG_PACK} validation report: ${nag.conclusion}, ${nag.violations.length} open finding(s), ${acknowledged.length} acknowledged:`,
    ...nag.violations.map((v) => `  OPEN ${v.ruleName}`),
    ...acknowledged.map((v) => `  ${v.ruleName} at ${v.acknowledgedAt}: ${v.reason}`),
  ].join('\n');
}
