/**
 * Word segmentation: longest match over a lexicon made of the Vietnamese word list and the glossary,
 * walked as a trie of syllable keys, so each position costs about one map lookup per syllable matched.
 * Runs of capitalized syllables that no entry covers become one name ("Trần Việt Trường").
 */
import type { Glossary } from './glossary';
import { termKey } from './keys';
import type { Language } from './language';
import { tokenize, type AbbreviationSet, type Token } from './tokens';

/**
 * A word: one or more tokens. It has the shape of a Token (a one-token word is its token): `text`, `key`,
 * `start`, `end`, the type of its first token, the token index range [first, last) in its sentence,
 * parts of speech (`pos`: lexicon letters "N", "V", "A" …, "G" for a glossary term, "NP" for a name,
 * "" if unknown) and whether whitespace follows it (`spacedAfter`).
 */
export type Word = Token;

interface TrieNode {
  pos: string | undefined;
  next: Map<string, TrieNode> | undefined;
}

/** Every node is made with both fields, in one order, so that lookups see one object shape. */
function newNode(): TrieNode {
  return { pos: undefined, next: undefined };
}

/** Marks a first syllable that starts no word. */
const NO_WORD: TrieNode = newNode();

/**
 * The trie's first level, built lazily: the lexicon's words wait, grouped by first syllable, until a
 * text first uses that syllable, so a short article does not pay for 37,000 insertions.
 */
export class TrieRoot {
  private readonly nodes = new Map<string, TrieNode>();
  /** Words waiting, by first key: a key string (syllables split at spaces) or a function giving the keys. */
  private readonly waiting = new Map<string, Array<[string | (() => readonly string[] | null), string]>>();

  /** Queues a lexicon word (its key, spaces between syllables) for insertion on first use. */
  defer(key: string, pos: string): void {
    const space = key.indexOf(' ');
    this.wait(space < 0 ? key : key.slice(0, space), key, pos);
  }

  /** Queues a word whose keys are worked out only when its first key is first used. */
  deferKeys(first: string, keys: () => readonly string[] | null, pos: string): void {
    this.wait(first, keys, pos);
  }

  private wait(first: string, item: string | (() => readonly string[] | null), pos: string): void {
    let list = this.waiting.get(first);
    if (!list) this.waiting.set(first, (list = []));
    list.push([item, pos]);
  }

  get(first: string): TrieNode | undefined {
    // Nodes appear only when their first key is flushed, so a node found is complete.
    const node = this.nodes.get(first);
    if (node === undefined) return this.flush(first);
    return node === NO_WORD ? undefined : node;
  }

  private flush(first: string): TrieNode | undefined {
    const list = this.waiting.get(first);
    if (list) {
      this.waiting.delete(first);
      for (const [item, pos] of list) {
        const keys = typeof item === 'string' ? item.split(' ') : item();
        if (keys && keys.length > 0) insert(this.nodes, keys, pos);
      }
    }
    const node = this.nodes.get(first);
    // Remember a syllable that starts nothing, so that its next lookup costs one map access.
    if (node === undefined) this.nodes.set(first, NO_WORD);
    return node;
  }
}

/** The segmentation lexicon for one glossary. */
export interface Segmenter {
  readonly root: TrieRoot;
  readonly language: Language;
}

const segmenters = new WeakMap<Glossary, Segmenter>();

function insert(root: Map<string, TrieNode>, keys: readonly string[], pos: string): void {
  let level = root;
  let node: TrieNode | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    node = level.get(k);
    if (!node || node === NO_WORD) {
      node = newNode();
      level.set(k, node);
    }
    if (i < keys.length - 1) {
      node.next ??= new Map();
      level = node.next;
    }
  }
  if (node && node.pos === undefined) node.pos = pos;
  else if (node && pos === 'G' && !node.pos!.includes('G')) node.pos = `${node.pos}G`;
}

/** Letters and marks only, as the tokenizer reads one word ("Cần", "ma"). */
const PLAIN_WORD = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}]+$/u;
const CAPITAL_FIRST = /^\p{Lu}/u;

/**
 * The key of a term's first token, up to its first space. A head of letters only is one word token,
 * whose key is its termKey: that skips the tokenizer for nearly every glossary term at start-up.
 */
export function headKeyOf(term: string, abbreviations: AbbreviationSet): string | undefined {
  const end = term.indexOf(' ') < 0 ? term.length : term.indexOf(' ');
  const head = term.slice(0, end);
  return PLAIN_WORD.test(head) ? termKey(head) : tokenize(term, 0, end, abbreviations)[0]?.key;
}

/** Builds (once per glossary) the trie of lexicon words and glossary terms. */
export function segmenterFor(language: Language, glossary: Glossary): Segmenter {
  const cached = segmenters.get(glossary);
  if (cached && cached.language === language) return cached;
  const root = new TrieRoot();
  for (const [key, pos] of language.lexicon) root.defer(key, pos);
  for (const entry of glossary.entries()) {
    // The first token decides where the term waits; the whole term is tokenized when it is needed.
    const headKey = headKeyOf(entry.vi, language.abbreviations);
    if (headKey === undefined) continue;
    root.deferKeys(headKey, () => {
      const keys = tokenize(entry.vi, 0, entry.vi.length, language.abbreviations).map((t) => t.key);
      // A glossary term that opens with a number word ("hai bên") must not hide the number,
      // unless it is a name ("Hai Bà Trưng") or a listed non-number ("một số").
      return CAPITAL_FIRST.test(entry.vi) || !language.opensWithNumber(keys.join(' ')) ? keys : null;
    }, 'G');
  }
  const segmenter = { root, language };
  segmenters.set(glossary, segmenter);
  return segmenter;
}

function isCapitalized(t: Token): boolean {
  return t.cap !== 0 && t.text.charCodeAt(0) !== t.key.charCodeAt(0);
}

function makeWord(tokens: readonly Token[], first: number, last: number, pos: string, text?: string, keys?: string | null): Word {
  const a = tokens[first]!;
  const b = tokens[last - 1]!;
  let wordText: string;
  let key: string;
  // Tokens one space apart: the word is a slice of the text (and of the keys).
  let length = 0;
  for (let i = first; i < last; i++) length += tokens[i]!.end - tokens[i]!.start + (i > first && tokens[i]!.spaced ? 1 : 0);
  if (text && length === b.end - a.start) {
    wordText = text.slice(a.start, b.end);
    key = keys ? keys.slice(a.start, b.end) : joinKeys(tokens, first, last);
  } else {
    key = joinKeys(tokens, first, last);
    wordText = text ? text.slice(a.start, b.end) : tokens.slice(first, last).map((t, i) => (i > 0 && t.spaced ? ` ${t.text}` : t.text)).join('');
  }
  const after = tokens[last];
  // The same shape as a Token (see Token.first), so that code reading words sees one object shape.
  const word: Token = {
    text: wordText,
    start: a.start,
    end: b.end,
    type: a.type,
    spaced: a.spaced,
    key,
    cap: a.cap,
    first,
    last,
    pos,
    spacedAfter: !after || after.spaced,
  };
  return word;
}

function joinKeys(tokens: readonly Token[], first: number, last: number): string {
  let key = tokens[first]!.key;
  for (let i = first + 1; i < last; i++) key += tokens[i]!.spaced ? ` ${tokens[i]!.key}` : tokens[i]!.key;
  return key;
}

/**
 * Segments the tokens of one sentence into words. `text` is the normalized text the tokens index;
 * a multi-token word's `text` is the exact slice when the tokens are adjacent or single-spaced.
 */
export function segmentWords(all: readonly Token[], segmenter: Segmenter, text?: string, from = 0, to = all.length, keys?: string | null): Word[] {
  const { root, language } = segmenter;
  const tokens = from === 0 && to === all.length ? all : all.slice(from, to);
  const n = tokens.length;
  // The token after the sentence decides the last word's spacedAfter.
  const following = all[to];
  const words: Word[] = [];
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    let best = 0;
    let bestPos = '';
    if (t.type === 'word') {
      let node = root.get(t.key);
      if (node) {
        bestPos = node.pos ?? '';
        if (node.next && i + 1 < n) {
          // Right after a number, a unit stays a word of its own: "20 năm nay" is 20 + năm + nay, not
          // 20 + "năm nay" (this year); "2 triệu đồng tiền lãi" keeps "đồng" apart from "đồng tiền".
          // A glossary term still wins ("5.400 ngày công" = workdays); and "đồng" is the currency only
          // after a scale word or a large amount ("20 triệu đồng tiền lãi"), not in "4 đồng nghiệp".
          const role = language.units.get(t.key)?.role;
          let unitRole: typeof role;
          let unitHere = false;
          if (role === 'time' || role === 'currency') {
            const prev = tokens[i - 1];
            if (prev !== undefined && (prev.type === 'num' || language.numberWords.has(prev.key))) {
              unitRole = role;
              const bigAmount = language.numberWords.get(prev.key)?.role === 'scale' || (prev.type === 'num' && (/[.,]/.test(prev.text) || Number(prev.text) >= 100));
              unitHere = role === 'time' || bigAmount;
            }
          }
          const lowerFirst = t.type === 'word' && !isCapitalized(t);
          let j = i;
          let joined = unitHere ? t.key : '';
          while (node.next && j + 1 < n) {
            j++;
            const next = tokens[j]!;
            node = node.next.get(next.key);
            if (!node) break;
            if (unitHere) joined += ` ${next.key}`;
            if (node.pos === undefined) continue;
            // A dictionary word is lower case: "có điều" must not swallow the "Điều" of "Điều 134".
            if (lowerFirst && isCapitalized(next) && !node.pos.includes('G')) continue;
            if (unitHere && !language.units.has(joined) && !(unitRole === 'time' && node.pos.includes('G'))) continue;
            best = j - i + 1;
            bestPos = node.pos;
          }
        }
      }
    }
    if (best > 1) {
      words.push(makeWord(tokens, i, i + best, bestPos, text, keys));
      i += best;
      continue;
    }
    // A run of capitalized syllables that no entry covers is a name; number words and honorifics
    // ("Ông", "Bà") never start one.
    if (t.cap === 1 && i + 1 < n && tokens[i + 1]!.cap === 1 && !language.numberWords.has(t.key) && !language.roles.get(t.key)?.has('honorific')) {
      let j = i + 1;
      while (
        j < n &&
        tokens[j]!.spaced &&
        tokens[j]!.cap === 1 &&
        !language.numberWords.has(tokens[j]!.key) &&
        !(root.get(tokens[j]!.key)?.next && multiAt(root, tokens, j) > 1)
      ) {
        j++;
      }
      if (j - i > 1) {
        words.push(makeWord(tokens, i, j, 'NP', text, keys));
        i = j;
        continue;
      }
    }
    // A one-token word is its token (see Token.first).
    const after = i + 1 < n ? tokens[i + 1] : following;
    t.first = i;
    t.last = i + 1;
    t.pos = bestPos;
    t.spacedAfter = !after || after.spaced;
    words.push(t);
    i++;
  }
  return words;
}

/** Length in tokens of the longest multi-token entry at `i` (1 if none). */
function multiAt(root: TrieRoot, tokens: readonly Token[], i: number): number {
  let node = root.get(tokens[i]!.key);
  let j = i;
  let best = 1;
  while (node) {
    if (node.pos !== undefined && j > i) best = j - i + 1;
    if (!node.next || j + 1 >= tokens.length) break;
    j++;
    node = node.next.get(tokens[j]!.key);
  }
  return best;
}
