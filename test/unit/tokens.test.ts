import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawTokens } from '../../lambdas/core/tokens';

const golden = join(import.meta.dirname, '..', 'golden');

describe('the fast scanner reads the same tokens as the reference regular expression', () => {
  it.each(readdirSync(golden).filter((f) => f.endsWith('.txt')))('on %s', (file) => {
    const text = readFileSync(join(golden, file), 'utf8');
    expect(rawTokens(text, false)).toEqual(rawTokens(text, true));
  });

  it('on arbitrary text', () => {
    const pieces = fc.constantFrom(
      'USD1,23', 'VN$1000', 'Rs20', '12/02/2018', '7/2002', '100/2019/NĐ-CP', '51A1-0495', '15h30', '22:06:26', '1.100', '2,5',
      'v.v...', 'T.T.M.', 'TP.HCM', 'cát-tút', 'Covid-19', "o'clock", 'x’y', '…', '...', '.', '-', '“', '”', 'Đà Nẵng', 'ʺ', '😀',
      'm2', '1.600m-2.000m', 'x', 'A', '0', ' ', '\n', '\t', '\u00a0', '\u3000', 'e\u0301', 'ﬁ', 'ª', 'µ',
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
        expect(rawTokens(text, false)).toEqual(rawTokens(text, true));
      }),
      { numRuns: 3000 },
    );
  });
});
