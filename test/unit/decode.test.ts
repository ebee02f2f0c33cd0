import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../lambdas/core/decode';
import { EmptyInputError } from '../../lambdas/core/errors';

describe('decodeBytes', () => {
  it('rejects empty input', () => {
    expect(() => decodeBytes(new Uint8Array())).toThrow(EmptyInputError);
  });
});
