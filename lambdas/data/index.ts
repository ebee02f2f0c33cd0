/**
 * The one module that imports language data files. Everything is parsed on first use, never at import,
 * so a Lambda cold start pays only for what an invocation needs.
 */
import { gunzipSync } from 'node:zlib';
import { buildGlossary, type Glossary } from '../core/glossary';
import { buildLanguage, type Language } from '../core/language';
import abbreviations from './abbreviations.txt';
import contextWords from './context-words.csv';
import plurals from './english/plurals.csv';
import postpositive from './english/postpositive.txt';
import uncountable from './english/uncountable.txt';
import glossaryPack from './pack/glossary.json.gz';
import lexicon from './pack/lexicon.tsv.gz';
import lexiconAdd from './lexicon-add.txt';
import lexiconDrop from './lexicon-drop.txt';
import notNumbers from './not-numbers.txt';
import numberWords from './number-words.csv';
import qualifiers from './qualifiers.csv';
import unitTable from './units.csv';

/**
 * The built-in glossary files (lambdas/data/glossary/*.csv), by name. They travel gzipped
 * (scripts/pack-data.mjs) so that the Lambda bundle stays under 1 MB.
 */
export function glossaryFiles(): Array<{ source: string; text: string }> {
  return JSON.parse(gunzipSync(glossaryPack).toString('utf8')) as Array<{ source: string; text: string }>;
}

let glossary: Glossary | undefined;
let language: Language | undefined;

/** The built-in glossary, parsed and checked on first call. */
export function builtinGlossary(): Glossary {
  glossary ??= buildGlossary(glossaryFiles());
  return glossary;
}

/** The lexicon text (word<TAB>parts of speech), decompressed. */
export function lexiconText(): string {
  return gunzipSync(lexicon).toString('utf8');
}

/** The built-in language tables, parsed on first call. */
export function builtinLanguage(): Language {
  language ??= buildLanguage({
    lexicon: lexiconText(),
    numberWords,
    qualifiers,
    units: unitTable,
    abbreviations,
    notNumbers,
    lexiconDrop,
    lexiconAdd,
    uncountable,
    plurals,
    postpositive,
    contextWords,
  });
  return language;
}
