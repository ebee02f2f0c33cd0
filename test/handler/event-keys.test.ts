import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSequencers, decodeEventKey, encodeEventKey } from '../../lambdas/adapters/s3-event-key';

describe('event keys, as S3 encodes them in notifications', () => {
  it.each([
    ['a b+c.txt', 'a+b%2Bc.txt'],
    ['red flower.jpg', 'red+flower.jpg'],
    ['incoming/Tin (mới).txt', 'incoming/Tin+%28m%E1%BB%9Bi%29.txt'],
    ['dt=2018-05-04/_SUCCESS', 'dt%3D2018-05-04/_SUCCESS'],
    ['test/10:47:07.log', 'test/10%3A47%3A07.log'],
    ['100% & más~*', '100%25+%26+m%C3%A1s%7E*'],
  ])('%s -> %s', (key, encoded) => {
    expect(encodeEventKey(key)).toBe(encoded);
    expect(decodeEventKey(encoded)).toBe(key);
  });

  it('decodes "+" before percent escapes, so an encoded plus stays a plus', () => {
    expect(decodeEventKey('a+b%2Bc.txt')).toBe('a b+c.txt');
  });

  it('decodes what any encoder sends (%20 for a space, as some S3-compatible servers do)', () => {
    expect(decodeEventKey('incoming/a%20b%2Fc.txt')).toBe('incoming/a b/c.txt');
  });

  it('throws URIError on a malformed escape', () => {
    expect(() => decodeEventKey('bad%E0%A4%A.txt')).toThrow(URIError);
  });

  it('round-trips any key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (key) => {
        expect(decodeEventKey(encodeEventKey(key))).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compareSequencers', () => {
  it.each([
    ['0055AED6DCD90281E5', '0055AED6DCD90281E6', -1],
    ['0055AED6DCD90281E6', '0055AED6DCD90281E5', 1],
    ['0055AED6DCD90281E5', '0055aed6dcd90281e5', 0],
    // Different lengths: the shorter is right-padded with zeros before comparing.
    ['0055AED6DCD90281E5', '0055AED6DCD90281E500', 0],
    ['0055AED6DCD90281E5', '0055AED6DCD90281E501', -1],
    ['0055AED6DCD90281F', '0055AED6DCD90281E5', 1],
  ])('%s vs %s -> %i', (a, b, sign) => {
    expect(Math.sign(compareSequencers(a, b))).toBe(sign);
  });
});
