import { builtinGlossary } from '../lambdas/data';
const g = builtinGlossary();
for (const w of process.argv.slice(2)) console.log(w, '=>', g.get(w)?.en ?? '(none)', g.get(w)?.source ?? '');
