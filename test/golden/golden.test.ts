import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type Approx, type Figure } from '../../lambdas/core';
import { goldenView } from './view';

const dir = import.meta.dirname;
const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const VI = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const QUALIFIER: Partial<Record<Approx, string[]>> = {
  more_than: ['more than', 'over'], less_than: ['less than', 'fewer than', 'under'], nearly: ['nearly', 'almost'],
  about: ['about', 'approximately', 'estimated'], at_least: ['at least', 'no less than', 'or more'], at_most: ['at most', 'up to', 'no more than'],
  range: [' to ', ' or '], multiples: ['dozens', 'tens', 'hundreds', 'thousands', 'millions', 'billions', 'a few'],
};

interface GoldFigure {
  vi: string;
  value: number;
  valueMax?: number;
  approx: Approx;
}

/** English numbers in a phrase: "1,100" → 1100, "2.3 billion" → 2.3e9. */
function englishNumbers(s: string): number[] {
  const scale: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
  return [...s.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(thousand|million|billion|trillion)?/g)].map(
    (m) => Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`) * (m[3] ? scale[m[3]]! : 1),
  );
}

describe.each(articles)('%s', (file) => {
  const doc = summarize(readFileSync(join(dir, file)), { source: file });

  it('matches its expected output (npm run golden:update rewrites it)', () => {
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.expected.json')), 'utf8'));
    expect(goldenView(doc)).toEqual(expected);
  });

  it('finds every gold figure with its value and approx, in English, and few extras', () => {
    const gold: GoldFigure[] = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.gold.json')), 'utf8')).articles[0].figures;
    const used = new Set<number>();
    const missed: string[] = [];
    for (const g of gold) {
      const i = doc.figures.findIndex((f, k) => !used.has(k) && Math.abs(f.value - g.value) < 1e-9 * Math.max(1, g.value));
      if (i < 0) {
        missed.push(g.vi);
        continue;
      }
      used.add(i);
      const f: Figure = doc.figures[i]!;
      expect(f.approx, g.vi).toBe(g.approx);
      expect(f.en, g.vi).not.toMatch(VI);
      if (g.approx !== 'multiples') {
        expect(englishNumbers(f.en).some((v) => Math.abs(v - g.value) < 1e-6 * Math.max(1, g.value) || (g.valueMax !== undefined && Math.abs(v - g.valueMax) < 1e-6 * g.valueMax)), `${g.vi} → ${f.en}`).toBe(true);
      }
      const words = QUALIFIER[g.approx];
      if (words) expect(words.some((w) => f.en.includes(w)), `${g.vi} → ${f.en}`).toBe(true);
    }
    expect(missed).toEqual([]);
    expect(used.size / doc.figures.length).toBeGreaterThanOrEqual(0.9);
  });

  it('quotes every figure exactly from the text', () => {
    for (const f of doc.figures) expect(doc.text.slice(f.start, f.end)).toBe(f.vi);
  });
});
