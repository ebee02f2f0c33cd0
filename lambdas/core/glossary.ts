/**
 * The glossary: Vietnamese terms and their English, in Amazon Translate's custom-terminology CSV form
 * (first row `vi,en`, one term a row, UTF-8, NFC). One loader checks every file, built-in or the
 * user's: bad rows, empty cells, non-NFC text and duplicates are errors that name the line.
 */
import { GlossaryError } from './errors';
import { lowerKey, termKey } from './keys';

const ASCII = /^[\x20-\x7e]*$/;

/** One glossary row. */
export interface GlossaryEntry {
  /** The Vietnamese term as written in the file. */
  readonly vi: string;
  /** Its English rendering. */
  readonly en: string;
  /** Lookup key of `vi` (see termKey). */
  readonly key: string;
  /** File name or label the entry came from. */
  readonly source: string;
  /** 1-based line in that file. */
  readonly line: number;
}

/** Splits one CSV record into fields (RFC 4180 quoting); returns null when a quote is left open. */
function splitCsvRecord(record: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (record[i] === '"') {
      i++;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q < 0) return null;
        field += record.slice(i, q);
        if (record[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < record.length && record[i] !== ',') return null;
    } else {
      const comma = record.indexOf(',', i);
      field = comma < 0 ? record.slice(i) : record.slice(i, comma);
      i = comma < 0 ? record.length : comma;
    }
    fields.push(field);
    if (i >= record.length) return fields;
    i++; // past the comma
    if (i === record.length) {
      fields.push('');
      return fields;
    }
  }
}

/**
 * Parses and checks a terminology CSV. Throws GlossaryError naming `source` and the line for: a header
 * other than `vi,en`, a row without exactly two cells, an empty cell, a cell with leading or trailing
 * spaces, text that is not NFC, and a term whose key (case and tone placement aside) appeared before.
 */
export function parseGlossaryCsv(text: string, source: string): GlossaryEntry[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  const header = (lines[0] ?? '').trim();
  if (header !== 'vi,en') {
    throw new GlossaryError(source, 1, `the first row must be "vi,en" (Amazon Translate terminology form), found "${header.slice(0, 40)}"`);
  }
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n] ?? '';
    const line = n + 1;
    if (raw.trim() === '') continue;
    const cells = splitCsvRecord(raw);
    if (cells === null) throw new GlossaryError(source, line, 'a quoted cell is not closed properly');
    if (cells.length !== 2) throw new GlossaryError(source, line, `expected 2 cells (vi,en), found ${cells.length}; quote cells that contain commas`);
    const [vi, en] = cells as [string, string];
    if (vi === '' || en === '') throw new GlossaryError(source, line, `empty ${vi === '' ? 'vi' : 'en'} cell`);
    for (const cell of [vi, en]) {
      if (cell !== cell.trim()) throw new GlossaryError(source, line, `"${cell}" has leading or trailing spaces`);
      if (!ASCII.test(cell) && cell !== cell.normalize('NFC')) throw new GlossaryError(source, line, `"${cell}" is not NFC: save the file with composed Unicode characters`);
    }
    // vi is NFC and trimmed now: its key needs only lower case, tone placement and single spaces.
    const lowered = lowerKey(vi.toLowerCase());
    const key = /\s\s|[\t\n]/.test(lowered) ? termKey(vi) : lowered;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new GlossaryError(source, line, `duplicate term "${vi}" (same as line ${previous}, ignoring case and tone-mark placement)`);
    }
    seen.set(key, line);
    entries.push({ vi, en, key, source, line });
  }
  return entries;
}

/** Longest-match term lookup over a phrase given as word keys. */
export class Glossary {
  private readonly byKey: Map<string, GlossaryEntry>;
  /** Largest number of space-separated words in a term. */
  readonly maxWords: number;

  constructor(entries: Iterable<GlossaryEntry>) {
    this.byKey = new Map();
    let maxWords = 1;
    for (const entry of entries) {
      this.byKey.set(entry.key, entry);
      maxWords = Math.max(maxWords, entry.key.split(' ').length);
    }
    this.maxWords = maxWords;
  }

  /** Number of terms. */
  get size(): number {
    return this.byKey.size;
  }

  /** The entry for an exact term (any case or tone placement), if any. */
  get(term: string): GlossaryEntry | undefined {
    return this.byKey.get(termKey(term));
  }

  /** The entry for a key made by termKey. */
  getByKey(key: string): GlossaryEntry | undefined {
    return this.byKey.get(key);
  }

  /**
   * The longest term that starts at `keys[start]`, reading at most `limit` words.
   * Returns the entry and the number of words it covers.
   */
  longestAt(keys: readonly string[], start: number, limit = keys.length): { entry: GlossaryEntry; words: number } | undefined {
    const end = Math.min(limit, start + this.maxWords, keys.length);
    let phrase = '';
    let best: { entry: GlossaryEntry; words: number } | undefined;
    for (let i = start; i < end; i++) {
      phrase = i === start ? (keys[i] ?? '') : `${phrase} ${keys[i]}`;
      const entry = this.byKey.get(phrase);
      if (entry) best = { entry, words: i - start + 1 };
    }
    return best;
  }

  /** All entries, in insertion order. */
  entries(): IterableIterator<GlossaryEntry> {
    return this.byKey.values();
  }

  /**
   * This glossary with `overlay` merged over it: a term in both takes the overlay's English.
   * Used for `--glossary FILE` and GLOSSARY_KEY.
   */
  merge(overlay: Iterable<GlossaryEntry>): Glossary {
    const merged = new Map(this.byKey);
    for (const entry of overlay) merged.set(entry.key, entry);
    return new Glossary(merged.values());
  }
}

/**
 * Builds one glossary from several files. A term that appears in two files is an error, since the
 * built-in files must not contradict each other; user files go through `Glossary.merge` instead.
 */
export function buildGlossary(files: ReadonlyArray<{ source: string; text: string }>): Glossary {
  const all = new Map<string, GlossaryEntry>();
  for (const file of files) {
    for (const entry of parseGlossaryCsv(file.text, file.source)) {
      const other = all.get(entry.key);
      if (other) {
        throw new GlossaryError(
          entry.source,
          entry.line,
          `duplicate term "${entry.vi}": already in ${other.source}:${other.line} as "${other.en}"`,
        );
      }
      all.set(entry.key, entry);
    }
  }
  return new Glossary(all.values());
}
