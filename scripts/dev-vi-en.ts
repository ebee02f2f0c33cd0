// Debug aid: lists figures whose English still holds Vietnamese letters, across a folder of articles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../lambdas/core';

const VI = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
for (const dir of process.argv.slice(2)) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = summarize(readFileSync(join(dir, name)));
    for (const f of doc.figures) if (VI.test(f.en)) console.log(`${name}\t${f.vi}\t=> ${f.en}`);
  }
}
