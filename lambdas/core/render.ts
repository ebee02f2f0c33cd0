/**
 * The English summary: one bullet per sentence that has figures, in Markdown and as JSON bullets.
 * Every figure is shown with the Vietnamese it came from, so a reader can check it.
 */
import type { Figure, SummaryBullet, SummaryDocument } from './types';

/** The figure with its action: "broke up more than 1,100 cases". */
export function figurePhrase(f: Figure): string {
  const action = f.action ? (f.action.en ?? f.action.vi) : null;
  return action ? `${action} ${f.en}` : f.en;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Bullets grouped by sentence, in text order. */
export function summaryBullets(figures: readonly Figure[]): SummaryBullet[] {
  const bullets: SummaryBullet[] = [];
  figures.forEach((f, index) => {
    let bullet = bullets[bullets.length - 1];
    if (!bullet || bullet.sentence !== f.sentence) {
      bullet = { sentence: f.sentence, text: '', figures: [] };
      bullets.push(bullet);
    }
    bullet.figures.push(index);
  });
  for (const b of bullets) b.text = capitalize(b.figures.map((i) => figurePhrase(figures[i]!)).join('; ')) + '.';
  return bullets;
}

/** Escapes text for Markdown inline use. */
function md(s: string): string {
  return MD_SPECIAL.test(s) ? s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\n/g, ' ') : s;
}

/** Characters of a sentence quoted above its figures. */
const QUOTE_CHARS = 160;

const MD_SPECIAL = /[\\`*_[\]<>|\n]/;

/** The Markdown summary of a document (without the summary itself). */
export function renderMarkdown(doc: Omit<SummaryDocument, 'summary'>, bullets: readonly SummaryBullet[]): string {
  const lines: string[] = [];
  const name = doc.article.title?.text ?? doc.source ?? 'article';
  lines.push(`# Key figures: ${md(name)}`, '');
  const meta: string[] = [];
  if (doc.source) meta.push(`Source: \`${doc.source.replace(/`/g, "'")}\``);
  if (doc.article.dateline) meta.push(`Dateline: ${doc.article.dateline}`);
  if (doc.article.outlet) meta.push(`Outlet: ${md(doc.article.outlet)}`);
  meta.push(`${doc.figures.length} figure${doc.figures.length === 1 ? '' : 's'} in ${bullets.length} sentence${bullets.length === 1 ? '' : 's'}`);
  lines.push(meta.join(' · '), '');
  if (bullets.length === 0) lines.push('_No key figures found._', '');
  for (const b of bullets) {
    const s = doc.sentences[b.sentence]!;
    // The sentence for context (its start, when long); each figure below quotes its own span in full.
    const context = s.text.length > QUOTE_CHARS ? `${s.text.slice(0, QUOTE_CHARS).replace(/\s+\S*$/, '')} …` : s.text;
    lines.push(`## Sentence ${b.sentence + 1}`, '', `> ${md(context)}`, '');
    for (const i of b.figures) {
      const f = doc.figures[i]!;
      lines.push(`- ${md(capitalize(figurePhrase(f)))} — _${md(f.vi)}_ [${f.start}–${f.end}]`);
    }
    lines.push('');
  }
  if (doc.untranslated.length > 0) {
    lines.push('## Terms without a glossary entry', '', '| term | count |', '| --- | --- |');
    for (const u of doc.untranslated) lines.push(`| ${md(u.vi)} | ${u.count} |`);
    lines.push('');
  }
  return lines.join('\n');
}
