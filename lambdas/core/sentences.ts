/**
 * Sentence splitting over tokens. A sentence ends at ".", "!", "?" or an ellipsis (with any closing
 * quotes or brackets after it) when what follows starts a sentence: a capital letter, a digit, an
 * opening quote or bracket, a dash. Abbreviations keep their period inside the token ("TP.", "ThS."),
 * and numbers keep their separators ("1.100", "24.10"), so neither can end a sentence. A line is
 * always at least one sentence, final punctuation or not.
 */
import type { Token } from './tokens';

const ENDERS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»', '」']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '-', '–', '—', '•', '*']);

function isEnder(t: Token): boolean {
  return t.type === 'punct' && (ENDERS.has(t.text) || /^\.{2,}$/.test(t.text));
}

function startsSentence(t: Token): boolean {
  if (t.type === 'num' || t.type === 'date' || t.type === 'time' || t.type === 'code') return true;
  if (t.type === 'punct') return OPENERS.has(t.text);
  const first = t.text.charAt(0);
  return first !== first.toLowerCase();
}

/** Splits one line's tokens into sentences, as [first, last) token index pairs. */
export function splitSentences(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isEnder(t)) continue;
    let j = i + 1;
    // "?!", "!!!", "?." run together.
    while (j < tokens.length && isEnder(tokens[j]!) && !tokens[j]!.spaced) j++;
    while (j < tokens.length && tokens[j]!.type === 'punct' && CLOSERS.has(tokens[j]!.text) && !tokens[j]!.spaced) j++;
    if (j >= tokens.length) break;
    const next = tokens[j]!;
    if (!next.spaced && next.type !== 'punct') continue;
    if (!startsSentence(next)) continue;
    out.push([from, j]);
    from = j;
    i = j - 1;
  }
  if (from < tokens.length) out.push([from, tokens.length]);
  return out;
}
