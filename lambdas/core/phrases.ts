/**
 * The counted thing: the noun phrase after a number or unit ("vụ phạm tội về trật tự xã hội",
 * "tàu, thuyền, ghe máy và thúng"), read by part of speech and glossary, and put into English order:
 * modifiers before the head unless they are prepositional or postpositive, lists joined with "and".
 */
import { isPostpositive, joinList, PAST_TENSE, pluralize } from './english';
import type { ExtractContext, SentenceFigures } from './figures';
import { termKey } from './keys';
import type { Word } from './words';

interface Item {
  head: number;
  mods: number[];
  /** Coordinated modifier groups ("rất nghiêm trọng, đặc biệt nghiêm trọng"), each a list of word indexes. */
  coordinated: number[][];
}

export interface NounPhrase {
  first: number;
  last: number;
  items: Item[];
  /** "này" → these, "đó" → those. */
  determiner: string | null;
  /** "các loại đối tượng" → "… of all kinds". */
  ofAllKinds: boolean;
  /** Lent by a later number ("5 trên tổng số 8 cửa"): names the thing without joining the figure's span. */
  borrowed?: boolean;
}

const CAC = termKey('các');
const NHUNG = termKey('những');
const CAC_LOAI = termKey('các loại');
const LOAI = termKey('loại');
const VA = termKey('và');
const HOAC = termKey('hoặc');
const BI = termKey('bị');
const DETERMINERS = new Map([
  [termKey('này'), 'these'],
  [termKey('đó'), 'those'],
  [termKey('ấy'), 'those'],
  [termKey('kia'), 'those'],
]);
const OPEN_QUOTES = new Set(['“', '"', '‘', '«']);
const CLOSE_QUOTES = new Set(['”', '"', '’', '»']);
const MAX_WORDS = 8;
const TOI_SPACE = `${termKey('tội')} `;
const BI_SPACE = `${termKey('bị')} `;

function roleOf(ctx: ExtractContext, w: Word, role: 'stop' | 'determiner'): boolean {
  return ctx.lang.roles.get(w.key)?.has(role) ?? false;
}

/** Codes such as "CSGT12", and acronyms such as "UBND", "VN-Index". */
const LETTERS_THEN_DIGITS = /^\p{Lu}{2,}\d+$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}\d-]+$/u;

/** A word that can head a noun phrase; `strict` also turns away words read first as verbs. */
function isNounish(w: Word | undefined, ctx: ExtractContext, strict = false): boolean {
  if (!w || w.type !== 'word') return false;
  // Codes ("K59", "h1") are names of things, not things to count.
  if (/\d/.test(w.text) && !ctx.glossary.getByKey(w.key) && !LETTERS_THEN_DIGITS.test(w.text)) return false;
  if (ctx.lang.numberWords.has(w.key) || ctx.lang.qualifiersBefore.has(w.key)) return false;
  if (roleOf(ctx, w, 'stop') || roleOf(ctx, w, 'determiner')) return false;
  if (w.pos === 'NP' || ALL_CAPS.test(w.text)) return true;
  const pos = ctx.lang.lexicon.get(w.key) ?? (w.pos === 'G' ? '' : w.pos);
  // A word read first as a verb or adjective ("dừng", "nhóm") heads a phrase only as a glossary noun.
  if (strict && /^[VA]/.test(pos)) {
    // An adjective with no noun reading ("mới", "nhỏ") never heads; a verb heads only as a glossary noun.
    if (pos.startsWith('A') && !pos.includes('N')) return false;
    const entry = ctx.glossary.getByKey(w.key);
    return !!entry && !isVerbEnglish(entry.en);
  }
  if (pos.includes('N')) return true;
  // Words of the plain word list carry no part of speech ("X"): take them as nouns.
  return pos === '' || pos === 'X';
}

/**
 * English that reads as a verb phrase: one past-tense word, a phrasal verb ("broke up", "dealt with"),
 * or a list of them ("arrested and dealt with"). "smuggled goods" or "wanted person" are nouns.
 */
export function isVerbEnglish(en: string): boolean {
  return en.split(/,? and |, /).every((part) => PAST_TENSE.test(part) && /^\S+(?: (?:up|down|out|off|with|over|into|away|back|on|in))?$/.test(part));
}

/** A word whose first reading is a verb or adjective: its English reads as a past tense, or the lexicon says so. */
function readsAsVerb(w: Word, ctx: ExtractContext): boolean {
  const entry = ctx.glossary.getByKey(w.key);
  if (entry) return isVerbEnglish(entry.en);
  return /^[VA]/.test(ctx.lang.lexicon.get(w.key) ?? '');
}

/**
 * A personal name or a one-syllable capitalized word inside the sentence ("Nga", "Dũng", "Trần Ngọc Minh"):
 * it names who is counted, it is not part of what is counted. Multi-syllable place names the glossary
 * knows ("Quảng Ngãi") may still modify ("tàu cá Quảng Ngãi").
 */
function isName(w: Word, ctx: ExtractContext): boolean {
  if (w.type !== 'word') return false;
  const c = w.text.charAt(0);
  if (c === c.toLowerCase() || ALL_CAPS.test(w.text)) return false;
  if (w.pos === 'NP') return true;
  return !(ctx.glossary.getByKey(w.key) && w.key.includes(' '));
}

/** A word that can modify a noun: noun, adjective, glossary term, not a plain verb. */
function isModifier(w: Word | undefined, ctx: ExtractContext): boolean {
  if (!w || w.type !== 'word') return false;
  if (w.first > 0 && isName(w, ctx)) return false;
  if (ctx.lang.numberWords.has(w.key) || ctx.lang.qualifiersBefore.has(w.key)) return false;
  if (roleOf(ctx, w, 'stop') || roleOf(ctx, w, 'determiner')) return false;
  if (ctx.lang.units.get(w.key)?.role === 'time') return false;
  const pos = ctx.lang.lexicon.get(w.key) ?? '';
  const entry = ctx.glossary.getByKey(w.key);
  // A verb only modifies when its English follows nouns ("chết" = dead), never as a verb phrase
  // ("3 người chạy" is not "3 ran people").
  // A passive ("bị sập" = collapsed, "bị hư hỏng" = damaged) is a participle that may modify.
  if (entry && isVerbEnglish(entry.en) && !isPostpositive(entry.en, ctx.lang) && !w.key.startsWith(BI_SPACE)) return false;
  if (/^[VR]/.test(pos) && !pos.includes('N') && !pos.includes('A')) {
    return !!entry && isPostpositive(entry.en, ctx.lang);
  }
  return pos !== '' || !!entry || w.pos === 'NP';
}

function isAdjective(w: Word | undefined, ctx: ExtractContext): boolean {
  if (!w || w.type !== 'word') return false;
  const pos = ctx.lang.lexicon.get(w.key) ?? '';
  return /^[AR]/.test(pos) && !pos.startsWith('N');
}

/**
 * Reads the noun phrase starting at words[k], or null when no noun starts there. `strict` (after
 * number words, which are often not numbers) wants a word whose first reading is a noun.
 */
export function readNounPhrase(words: readonly Word[], k: number, ctx: ExtractContext, strict = false, known = false): NounPhrase | null {
  const start = k;
  let ofAllKinds = false;
  if (words[k]?.key === CAC_LOAI) {
    ofAllKinds = true;
    k++;
  } else if (words[k]?.key === CAC && words[k + 1]?.key === LOAI) {
    ofAllKinds = true;
    k += 2;
  } else if (words[k]?.key === CAC || words[k]?.key === NHUNG) {
    k++;
  }
  // A quoted noun: 4 "nữ quái". Only when the glossary knows it: quotes in news often hold slang.
  if (words[k] && OPEN_QUOTES.has(words[k]!.text)) {
    const close = words.findIndex((w, j) => j > k && j <= k + 6 && CLOSE_QUOTES.has(w.text));
    if (close > k + 1 && !known && ctx.glossary.getByKey(words[k + 1]!.key)) {
      return { first: start, last: close + 1, items: [{ head: k + 1, mods: range(k + 2, close), coordinated: [] }], determiner: null, ofAllKinds };
    }
    return null;
  }
  if (!isNounish(words[k], ctx, strict)) return null;
  if (strict && readsAsVerb(words[k]!, ctx)) return null;
  // After a length of time only a noun the glossary knows is the thing measured ("3 năm triển khai").
  if (known && (!ctx.glossary.getByKey(words[k]!.key) || readsAsVerb(words[k]!, ctx) || /^[VAR]/.test(ctx.lang.lexicon.get(words[k]!.key) ?? ''))) return null;
  const items: Item[] = [{ head: k, mods: [], coordinated: [] }];
  let determiner: string | null = null;
  let last = k + 1;
  let j = k + 1;
  while (j < words.length && j - start < MAX_WORDS) {
    const w = words[j]!;
    const item = items[items.length - 1]!;
    const det = DETERMINERS.get(w.key);
    if (det) {
      determiner = det;
      last = j + 1;
      break;
    }
    if (w.text === ',' || w.key === VA || w.key === HOAC) {
      const nextW = words[j + 1];
      if (w.text === ',' && words[j + 2] && (words[j + 2]!.type === 'num' || ctx.lang.numberWords.has(words[j + 2]!.key))) break;
      if (isAdjective(nextW, ctx) && (item.mods.length > 0 || item.coordinated.length > 0)) {
        // "rất nghiêm trọng, đặc biệt nghiêm trọng": a second modifier of the same noun.
        const group: number[] = [];
        let m = j + 1;
        while (m < words.length && isAdjective(words[m], ctx) && group.length < 3) group.push(m++);
        if (group.length === 0) break;
        if (item.coordinated.length === 0) item.coordinated.push(item.mods.splice(0));
        item.coordinated.push(group);
        j = m;
        last = m;
        continue;
      }
      if (nextW && isNounish(nextW, ctx, true) && !isAdjective(nextW, ctx) && !isName(nextW, ctx) && !readsAsVerb(nextW, ctx) && /^(N|X|$)/.test(ctx.lang.lexicon.get(nextW.key) ?? '')) {
        items.push({ head: j + 1, mods: [], coordinated: [] });
        j += 2;
        last = j;
        continue;
      }
      break;
    }
    if (w.key === BI && words[j + 1]) {
      // "căn nhà bị sập": a passive participle the glossary knows ("bị sập" or "sập").
      const both = ctx.glossary.get(`${w.text} ${words[j + 1]!.text}`);
      if (both || ctx.glossary.getByKey(words[j + 1]!.key)) {
        item.mods.push(j + 1);
        j += 2;
        last = j;
        continue;
      }
      break;
    }
    // A qualifier after the noun ends it: "50 con gia cầm trở lên".
    if (ctx.lang.qualifiersAfter.has(w.key) || (words[j + 1] && ctx.lang.qualifiersAfter.has(`${w.key} ${words[j + 1]!.key}`))) break;
    if (!isModifier(w, ctx)) break;
    if (isAdjective(w, ctx) && !ctx.glossary.getByKey(w.key) && isAdjective(words[j + 1], ctx) === false && w.pos.startsWith('R')) break;
    item.mods.push(j);
    j++;
    last = j;
  }
  return { first: start, last, items, determiner, ofAllKinds };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

export interface RenderedThing {
  vi: string;
  en: string;
  start: number;
  end: number;
  uncountable: boolean;
}

/** English for a noun phrase; `plural` for counts other than one. Unknown words go to `untranslated`. */
export function renderNounPhrase(
  np: NounPhrase,
  words: readonly Word[],
  ctx: ExtractContext,
  plural: boolean,
  out: SentenceFigures,
): RenderedThing {
  const { glossary, lang } = ctx;
  const en = (k: number): string | null => glossary.getByKey(words[k]!.key)?.en ?? null;
  const itemsEn: string[] = [];
  let uncountable = false;
  for (const item of np.items) {
    let head = item.head;
    let mods = item.mods.slice();
    // A classifier before a noun is not translated: "chiếc điện thoại" → phones, "vụ cướp" → robberies.
    const unitRole = lang.units.get(words[head]!.key)?.role;
    if (unitRole === 'classifier' && mods.length > 0 && isNounish(words[mods[0]!], ctx)) {
      head = mods.shift()!;
    }
    // Merge modifier words into the longest glossary terms.
    const modTexts: Array<{ en: string | null; vi: string }> = [];
    const keys = mods.map((m) => words[m]!.key);
    for (let m = 0; m < mods.length; ) {
      const hit = glossary.longestAt(keys, m);
      if (hit && hit.words > 1) {
        modTexts.push({ en: hit.entry.en, vi: hit.entry.vi });
        m += hit.words;
      } else {
        modTexts.push({ en: en(mods[m]!), vi: words[mods[m]!]!.text });
        m++;
      }
    }
    let headEn = en(head);
    const headWord = words[head]!;
    // "Năm nước Pháp, Đức…", "3 tỉnh Quảng Nam, …": more than one of a named place counts the kind of place.
    if (plural && headEn !== null && /^\p{Lu}/u.test(headEn) && headWord.key.includes(' ')) {
      const kind = glossary.getByKey(headWord.key.slice(0, headWord.key.indexOf(' ')))?.en;
      if (kind && /^[a-z]/.test(kind)) headEn = kind;
    }
    // "12.760 BBT" in a stock report: a ticker counts shares.
    if (headEn === null && ctx.state.stocks && /^\p{Lu}[\p{Lu}\d]{1,4}$/u.test(headWord.text)) headEn = `${headWord.text} share`;
    if (headEn === null) {
      const vi = words[head]!.text;
      // An acronym or a name stays as written; an unknown Vietnamese noun is reported.
      if (!/^[\p{Lu}\d][\p{Lu}\d-]*$/u.test(vi) || /[^\x00-\x7f]/.test(vi)) out.untranslated.push(vi);
      headEn = vi;
    }
    uncountable = lang.uncountable.has(headEn.toLowerCase());
    const pre: string[] = [];
    const post: string[] = [];
    for (const mod of modTexts) {
      if (mod.en === null) {
        out.untranslated.push(mod.vi);
        continue;
      }
      if (isPostpositive(mod.en, lang)) post.push(mod.en);
      else pre.unshift(mod.en);
    }
    if (item.coordinated.length > 0) {
      const groups = item.coordinated
        .map((g) => g.map((k) => en(k) ?? (out.untranslated.push(words[k]!.text), null)).filter((e): e is string => e !== null).join(' '))
        .filter((g) => g !== '');
      if (groups.length) pre.unshift(joinList(groups));
    }
    // "hai tội giết người": the name of a crime is counted in charges ("2 charges of murder").
    const isCharge = words[head]!.key.startsWith(TOI_SPACE) && !/^(?:offen[cs]e|charge|crime)/.test(headEn);
    const headText = isCharge ? `${plural ? 'charges' : 'charge'} of ${headEn}` : plural ? pluralize(headEn, lang) : headEn;
    itemsEn.push([...pre, headText, ...post].join(' '));
  }
  let text = joinList(itemsEn);
  if (np.ofAllKinds) text += ' of all kinds';
  const a = words[np.first]!;
  const b = words[np.last - 1]!;
  return { vi: ctx.text.slice(a.start, b.end), en: text, start: a.start, end: b.end, uncountable };
}
