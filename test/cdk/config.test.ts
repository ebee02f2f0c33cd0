import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, DEFAULT_CONFIG, readConfig, type SolieuConfig } from '../../cdk/config';
import { cdkJsonContext } from './synth';

const fromContext = (context: Record<string, unknown>): SolieuConfig => readConfig((key) => context[key]);

describe('readConfig', () => {
  it('uses the defaults when context says nothing', () => {
    expect(fromContext({})).toEqual(DEFAULT_CONFIG);
  });

  // `-c key=value` gives strings, cdk.json gives JSON values: both must work.
  it.each<[string, Record<string, unknown>, Partial<SolieuConfig>]>([
    ['queued from -c', { queued: 'true' }, { queued: true }],
    ['queued from cdk.json', { queued: true }, { queued: true }],
    ['direct from -c', { queued: 'false' }, { queued: false }],
    ['numbers from -c', { memorySize: '1024', timeoutSeconds: '120' }, { memorySize: 1024, timeoutSeconds: 120 }],
    ['numbers from cdk.json', { batchSize: 5, maxConcurrency: 2 }, { batchSize: 5, maxConcurrency: 2 }],
    ['another trigger prefix', { inputPrefix: 'archive/2024/' }, { inputPrefix: 'archive/2024/' }],
    ['any suffix', { inputSuffix: '' }, { inputSuffix: '' }],
    ['no user glossary', { glossaryKey: 'none' }, { glossaryKey: undefined }],
    ['no user glossary (empty)', { glossaryKey: '' }, { glossaryKey: undefined }],
    ['another glossary key', { glossaryKey: 'settings/terms.csv' }, { glossaryKey: 'settings/terms.csv' }],
    ['log retention in days', { logRetentionDays: '365' }, { logRetentionDays: 365 }],
    ['reserved concurrency', { reservedConcurrency: '20' }, { reservedConcurrency: 20 }],
    ['no e-mail (cdk.json default)', { alarmEmail: '' }, { alarmEmail: undefined }],
    ['an e-mail', { alarmEmail: 'ops@example.org' }, { alarmEmail: 'ops@example.org' }],
  ])('accepts %s', (_name, context, expected) => {
    expect(fromContext(context)).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a non-boolean mode', { queued: 'yes' }, /"queued" is "yes"; expected true or false/],
    ['memory out of range', { memorySize: '64' }, /"memorySize".*from 128 to 10240/],
    ['a fractional timeout', { timeoutSeconds: '1.5' }, /"timeoutSeconds"/],
    ['too many retries', { retryAttempts: 3 }, /"retryAttempts".*from 0 to 2/],
    ['a batch above 10', { batchSize: '11' }, /"batchSize"/],
    ['max concurrency below 2', { maxConcurrency: '1' }, /"maxConcurrency".*from 2 to 1000/],
    ['a retention CloudWatch does not offer', { logRetentionDays: '10' }, /"logRetentionDays".*one of 1, 3, 5/],
    ['a prefix without "/"', { inputPrefix: 'incoming' }, /"inputPrefix".*ending in "\/"/],
    ['a prefix starting with "/"', { outputPrefix: '/results/' }, /"outputPrefix"/],
    ['a wildcard in a prefix', { errorPrefix: 'err*/' }, /"errorPrefix"/],
    // Results or error reports inside the trigger prefix would trigger new runs, forever.
    ['results inside the trigger prefix', { outputPrefix: 'incoming/results/' }, /"outputPrefix".*outside inputPrefix/],
    ['errors inside the trigger prefix', { errorPrefix: 'incoming/errors/' }, /"errorPrefix".*outside inputPrefix/],
    ['the trigger inside results', { inputPrefix: 'results/in/' }, /"inputPrefix".*outside outputPrefix/],
    ['one prefix for two uses', { errorPrefix: 'results/' }, /"errorPrefix"/],
    // The function may write under results/ and errors/: it must not be able to overwrite the glossary.
    ['the glossary under results', { glossaryKey: 'results/glossary.csv' }, /"glossaryKey".*outside outputPrefix/],
    ['the glossary under the trigger', { glossaryKey: 'incoming/glossary.csv' }, /"glossaryKey".*outside inputPrefix/],
    ['a bad e-mail', { alarmEmail: 'ops' }, /"alarmEmail"/],
    ['a bad stack name', { stackName: '1solieu' }, /"stackName"/],
  ])('rejects %s, naming the key', (_name, context, message) => {
    expect(() => fromContext(context)).toThrow(ConfigError);
    expect(() => fromContext(context)).toThrow(message);
  });
});

describe('cdk.json', () => {
  const context = cdkJsonContext();

  it('sets only keys the app reads, besides CDK feature flags', () => {
    const ours = Object.keys(context).filter((key) => !key.startsWith('@aws-cdk'));
    expect(ours.filter((key) => !(CONFIG_KEYS as readonly string[]).includes(key))).toEqual([]);
  });

  it('holds a valid configuration', () => {
    expect(() => fromContext(context)).not.toThrow();
  });
});
