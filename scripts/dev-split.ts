// Debug aid: time split between tokenizing, segmenting and extracting on one big file.
import { readFileSync } from 'node:fs';
import { builtinGlossary, builtinLanguage } from '../lambdas/data';
import { parseArticle } from '../lambdas/core/article';
import { normalizeText, decodeBytes } from '../lambdas/core/decode';
import { tokenize } from '../lambdas/core/tokens';
import { splitSentences } from '../lambdas/core/sentences';
import { keyText } from '../lambdas/core/keys';
import { segmentWords, segmenterFor } from '../lambdas/core/words';
import { extractFigures } from '../lambdas/core/figures';
const lang = builtinLanguage();
const glossary = builtinGlossary();
const seg = segmenterFor(lang, glossary);
for (let round = 0; round < 2; round++) {
  let t = performance.now();
  const text = normalizeText(decodeBytes(readFileSync(process.argv[2]!)));
  const keys = keyText(text);
  const { lines } = parseArticle(text);
  const tDecode = performance.now() - t;
  let tTok = 0, tSeg = 0, tExt = 0, sentences = 0;
  const state = { tableUnit: null, lastCurrency: null };
  for (const line of lines) {
    t = performance.now();
    const toks = tokenize(text, line.start, line.end, lang.abbreviations, keys);
    const spans = splitSentences(toks);
    tTok += performance.now() - t;
    for (const [a, b] of spans) {
      sentences++;
      t = performance.now();
      const words = segmentWords(toks, seg, text, a, b);
      tSeg += performance.now() - t;
      t = performance.now();
      extractFigures(words, { lang, glossary, text, sentence: sentences, state });
      tExt += performance.now() - t;
    }
  }
  console.log(`decode+normalize+keys+article ${tDecode.toFixed(0)} ms, tokenize+split ${tTok.toFixed(0)}, segment ${tSeg.toFixed(0)}, extract ${tExt.toFixed(0)} (${sentences} sentences, all segmented)`);
}
