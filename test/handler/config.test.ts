import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MAX_BYTES, parseConfig } from '../../lambdas/adapters/config';
import { alreadyDone, isOwnOutput, isStale, outputState, type OutputRecord } from '../../lambdas/handlers/output-layout';

describe('parseConfig', () => {
  it('has the deployed defaults', () => {
    expect(parseConfig({})).toEqual({
      outputBucket: undefined,
      outputPrefix: 'results/',
      errorPrefix: 'errors/',
      maxBytes: DEFAULT_MAX_BYTES,
      glossaryKey: undefined,
      endpoint: undefined,
      region: undefined,
    });
    expect(DEFAULT_MAX_BYTES).toBe(5_242_880);
  });

  it('reads every variable', () => {
    expect(
      parseConfig({
        OUTPUT_BUCKET: 'out',
        OUTPUT_PREFIX: '/summaries',
        ERROR_PREFIX: 'rejects//',
        MAX_BYTES: '1000',
        GLOSSARY_KEY: 'config/glossary.csv',
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000',
        AWS_REGION: 'ap-southeast-1',
      }),
    ).toEqual({
      outputBucket: 'out',
      outputPrefix: 'summaries/',
      errorPrefix: 'rejects/',
      maxBytes: 1000,
      glossaryKey: 'config/glossary.csv',
      endpoint: 'http://127.0.0.1:9000',
      region: 'ap-southeast-1',
    });
  });

  it.each([
    [{ OUTPUT_PREFIX: '' }, /OUTPUT_PREFIX must not be empty/],
    [{ ERROR_PREFIX: '/' }, /ERROR_PREFIX must not be empty/],
    [{ MAX_BYTES: '5MB' }, /MAX_BYTES must be a positive whole number/],
    [{ MAX_BYTES: '0' }, /MAX_BYTES/],
  ])('refuses %o', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('output layout', () => {
  const config = parseConfig({});
  it.each([
    ['results/incoming/a.txt.json', true],
    ['errors/incoming/a.txt.error.json', true],
    ['incoming/results/a.txt', false],
    ['incoming/a.txt', false],
  ])('isOwnOutput(%s) = %s', (key, own) => expect(isOwnOutput(config, key)).toBe(own));

  const rec = (over: Partial<OutputRecord>): OutputRecord => ({
    kind: 'result',
    eTag: 'e1',
    versionId: undefined,
    sequencer: '0A',
    glossary: 'builtin',
    lastModified: new Date(1000),
    ...over,
  });

  it('treats the output with the greater sequencer as the latest', () => {
    const state = outputState(rec({ sequencer: '0A' }), rec({ kind: 'error-report', eTag: 'e2', sequencer: '0B' }));
    expect(state.latest?.eTag).toBe('e2');
    expect(state.sequencer).toBe('0B');
    expect(isStale(state, '0A')).toBe(true);
    expect(isStale(state, '0B')).toBe(false);
    expect(isStale(state, undefined)).toBe(false);
  });

  it('is done only when the latest output has the ETag, version and glossary', () => {
    const state = outputState(rec({}), undefined);
    expect(alreadyDone(state, 'e1', undefined, 'builtin')).toBe(true);
    expect(alreadyDone(state, 'e2', undefined, 'builtin')).toBe(false);
    expect(alreadyDone(state, 'e1', undefined, 'user:abc')).toBe(false);
    expect(alreadyDone(outputState(rec({ versionId: 'v1' }), undefined), 'e1', 'v2', 'builtin')).toBe(false);
    expect(alreadyDone(state, undefined, undefined, 'builtin')).toBe(false);
    expect(alreadyDone(outputState(rec({ eTag: undefined }), undefined), 'e1', undefined, 'builtin')).toBe(false);
  });
});
