// Debug aid: prints the words (with parts of speech) and figures of a sentence given on the command line.
import { builtinGlossary, builtinLanguage } from '../lambdas/data';
import { tokenize } from '../lambdas/core/tokens';
import { segmentWords, segmenterFor } from '../lambdas/core/words';
import { summarize } from '../lambdas/core';

const text = process.argv.slice(2).join(' ');
const lang = builtinLanguage();
const seg = segmenterFor(lang, builtinGlossary());
const words = segmentWords(tokenize(text, 0, text.length, lang.abbreviations), seg, text);
console.log(words.map((w) => `${w.text}/${w.pos || '?'}`).join('  '));
const doc = summarize(text);
for (const f of doc.figures) console.log(JSON.stringify([f.vi, f.value, f.valueMax, f.approx, f.kind, f.unit, f.en, f.action?.vi, f.action?.en]));
console.log(doc.numbers.map((n) => `${n.text}:${n.kind}`).join(' | '));
