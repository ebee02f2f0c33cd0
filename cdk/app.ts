/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy`. Settings come from context (cdk.json, `-c key=value`);
 * see cdk/config.ts for the keys and docs/DEPLOY.md for what they do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Tags } from 'aws-cdk-lib';
import { readConfig } from './config';
import { addSecurityChecks, summarizeValidationReport } from './security-checks';
import { SolieuStack } from './stack';

const app = new App();
const config = readConfig((key) => app.node.tryGetContext(key));
new SolieuStack(app, config.stackName, {
  config,
  description: `solieu: Vietnamese news articles in, key figures in English out (${config.queued ? 'queued' : 'direct'} mode)`,
});
Tags.of(app).add('project', 'solieu');
addSecurityChecks(app);

// Synthesis throws when a finding is open; otherwise say what passed and what was acknowledged.
const assembly = app.synth();
const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
process.stderr.write(`${summarizeValidationReport(report)}\n`);
