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
import economy from './glossary/economy.csv';
import government from './glossary/government.csv';
import law from './glossary/law.csv';
import life from './glossary/life.csv';
import places from './glossary/places.csv';
import society from './glossary/society.csv';
import units from './glossary/units.csv';
import lexicon from './lexicon.tsv.gz';
import lexiconDrop from './lexicon-drop.txt';
import notNumbers from './not-numbers.txt';
import numberWords from './number-words.csv';
import qualifiers from './qualifiers.csv';
import unitTable from './units.csv';

/** The built-in glossary files, by name. */
export const GLOSSARY_FILES: ReadonlyArray<{ source: string; text: string }> = [
  { source: 'economy.csv', text: economy },
  { source: 'government.csv', text: government },
  { source: 'law.csv', text: law },
  { source: 'life.csv', text: life },
  { source: 'places.csv', text: places },
  { source: 'society.csv', text: society },
  { source: 'units.csv', text: units },
];

let glossary: Glossary | undefined;
let language: Language | undefined;

/** The built-in glossary, parsed and checked on first call. */
export function builtinGlossary(): Glossary {
  glossary ??= buildGlossary(GLOSSARY_FILES);
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
    uncountable,
    plurals,
    postpositive,
    contextWords,
  });
  return language;
}
