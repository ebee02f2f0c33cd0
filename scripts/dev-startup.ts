export {};
// Debug aid: start-up costs of the language data.
const t0 = performance.now();
const { builtinGlossary, builtinLanguage, lexiconText, glossaryFiles } = await import('../lambdas/data');
const { segmenterFor } = await import('../lambdas/core/words');
const t1 = performance.now();
const lex = lexiconText();
const t2 = performance.now();
const files = glossaryFiles();
const t3 = performance.now();
const lang = builtinLanguage();
const t4 = performance.now();
const g = builtinGlossary();
const t5 = performance.now();
segmenterFor(lang, g);
const t6 = performance.now();
console.log(`import ${(t1 - t0).toFixed(0)} ms, gunzip lexicon ${(t2 - t1).toFixed(0)} (${lex.length} chars), gunzip+parse glossary json ${(t3 - t2).toFixed(0)} (${files.length} files), buildLanguage ${(t4 - t3).toFixed(0)}, buildGlossary ${(t5 - t4).toFixed(0)}, segmenter ${(t6 - t5).toFixed(0)}`);
