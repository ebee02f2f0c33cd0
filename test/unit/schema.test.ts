import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../lambdas/core';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'summary-document.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('schema/summary-document.schema.json', () => {
  it.each(readdirSync(join(root, 'test', 'golden')).filter((f) => f.endsWith('.txt')))('describes the document of %s', (file) => {
    expectValid(JSON.parse(JSON.stringify(summarize(readFileSync(join(root, 'test', 'golden', file)), { source: file }))));
  });

  it('describes documents of arbitrary text', () => {
    const words = fc.constantFrom('hơn', '1.100', 'vụ', 'một', 'người', '2,5', 'tỷ', 'đồng', '%', 'từ', '-', 'đến', 'ngày', '29-4', ',', '.', '\n', 'Điều', '134', 'hàng', 'trăm');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 40 }).map((w) => w.join(' ')), (text) => {
        if (text.trim() === '') return;
        expectValid(JSON.parse(JSON.stringify(summarize(text))));
      }),
      { numRuns: 200 },
    );
  });
});
