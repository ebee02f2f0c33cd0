// Debug aid: cost of the trie lookups alone over a big file's tokens.
import { readFileSync } from 'node:fs';
import { builtinGlossary, builtinLanguage } from '../lambdas/data';
import { normalizeText, decodeBytes } from '../lambdas/core/decode';
import { tokenize } from '../lambdas/core/tokens';
import { keyText } from '../lambdas/core/keys';
import { segmenterFor } from '../lambdas/core/words';
const lang = builtinLanguage();
const seg = segmenterFor(lang, builtinGlossary());
const text = normalizeText(decodeBytes(readFileSync(process.argv[2]!)));
const keys = keyText(text);
const toks = tokenize(text, 0, text.length, lang.abbreviations, keys);
console.log(toks.length, 'tokens, root size', seg.root.size);
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  let hits = 0;
  for (const tk of toks) if (seg.root.get(tk.key)) hits++;
  console.log('root.get', (performance.now() - t).toFixed(0), 'ms', hits);
  t = performance.now();
  let walks = 0;
  for (let i = 0; i < toks.length; i++) {
    let node = seg.root.get(toks[i]!.key);
    let j = i;
    while (node && node.next && j + 1 < toks.length) { j++; node = node.next.get(toks[j]!.key); walks++; }
  }
  console.log('walk', (performance.now() - t).toFixed(0), 'ms', walks);
}
