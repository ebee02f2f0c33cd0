/**
 * `solieu glossary gaps`: the terms the glossary lacked across a corpus, most frequent first, each with
 * one example sentence. This is how the glossary grows: add the top terms, run it again.
 */
import { summarize, termKey, type Glossary } from '../core';

export interface Gap {
  vi: string;
  count: number;
  /** Articles it came up in. */
  articles: number;
  /** One sentence where it came up, with the article's name. */
  example: { source: string; sentence: string };
}

export interface GapReport {
  gaps: Gap[];
  articles: number;
  failed: Array<{ name: string; message: string }>;
}

/** Summarizes each text and collects its untranslated terms. */
export function findGaps(texts: ReadonlyArray<{ name: string; bytes: Uint8Array }>, glossary: Glossary): GapReport {
  const byKey = new Map<string, Gap>();
  const failed: GapReport['failed'] = [];
  let articles = 0;
  for (const { name, bytes } of texts) {
    let doc;
    try {
      doc = summarize(bytes, { glossary, source: name });
    } catch (error) {
      failed.push({ name, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    articles++;
    for (const u of doc.untranslated) {
      const key = termKey(u.vi);
      const gap = byKey.get(key);
      if (gap) {
        gap.count += u.count;
        gap.articles++;
      } else {
        byKey.set(key, { vi: u.vi, count: u.count, articles: 1, example: { source: name, sentence: doc.sentences[u.sentence]?.text ?? '' } });
      }
    }
  }
  const gaps = [...byKey.values()].sort((a, b) => b.count - a.count || b.articles - a.articles || (a.vi < b.vi ? -1 : 1));
  return { gaps, articles, failed };
}

/** The report as text: one line per term, then its example indented. */
export function formatGaps(report: GapReport, top: number): string {
  const lines = [`${report.gaps.length} untranslated terms in ${report.articles} articles; the ${Math.min(top, report.gaps.length)} most frequent:`];
  for (const g of report.gaps.slice(0, top)) {
    const example = g.example.sentence.length > 160 ? `${g.example.sentence.slice(0, 157)}...` : g.example.sentence;
    lines.push(`${String(g.count).padStart(5)}  ${g.vi}  (${g.articles} article${g.articles === 1 ? '' : 's'})`, `       ${g.example.source}: ${example}`);
  }
  return `${lines.join('\n')}\n`;
}
