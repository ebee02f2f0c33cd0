// Debug aid: segmentation time alone over a big file (warm, 3 rounds).
import { readFileSync } from 'node:fs';
import { builtinGlossary, builtinLanguage } from '../lambdas/data';
import { parseArticle } from '../lambdas/core/article';
import { normalizeText, decodeBytes } from '../lambdas/core/decode';
import { tokenize } from '../lambdas/core/tokens';
import { splitSentences } from '../lambdas/core/sentences';
import { keyText } from '../lambdas/core/keys';
import { segmentWords, segmenterFor } from '../lambdas/core/words';
const lang = builtinLanguage();
const seg = segmenterFor(lang, builtinGlossary());
const text = normalizeText(decodeBytes(readFileSync(process.argv[2]!)));
const keys = keyText(text);
const { lines } = parseArticle(text);
const work: Array<[ReturnType<typeof tokenize>, number, number]> = [];
for (const line of lines) {
  const toks = tokenize(text, line.start, line.end, lang.abbreviations, keys);
  for (const [a, b] of splitSentences(toks)) work.push([toks, a, b]);
}
let n = 0;
for (const [, a, b] of work) n += b - a;
for (let r = 0; r < 4; r++) {
  const t0 = performance.now();
  let words = 0;
  for (const [toks, a, b] of work) words += segmentWords(toks, seg, text, a, b, keys).length;
  console.log(`segment ${(performance.now() - t0).toFixed(0)} ms, ${n} tokens → ${words} words`);
}
