/**
 * Article structure: the optional header the seed format starts with (" date 2023-02 (PLO)- lead..."),
 * then the headline when the first line reads as one, then one paragraph per non-empty line.
 */
import type { Article, Span } from './types';

/** " date 2023-02 (PLO)- " at the very start of the text. */
const HEADER = /^[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)[ \t]*(?:\(([^()\n]{1,40})\))?[ \t]*[-–—:]*[ \t]*/i;

/** A lead opens with its dateline ("Sáng 29/10,", "Ngày 19/4,"): such a line is not a headline. */
const LEAD_OPENING = /^(?:(?:sáng|chiều|tối|trưa|đêm|khuya|rạng sáng|hôm|ngày|tối qua|sáng qua)[ \t]+(?:nay|qua|\d))/iu;

function isHeadline(line: string, hasNext: boolean): boolean {
  if (!hasNext) return false;
  const text = line.trim();
  if (LEAD_OPENING.test(text)) return false;
  const words = text.split(/\s+/).length;
  // A period inside the line means it holds more than one sentence (caption, lead ...).
  if (/[.!?…]\s+\p{Lu}/u.test(text)) return false;
  if (/[^?!.]\.$/.test(text)) return words <= 16;
  return words <= 25 && text.length <= 200;
}

export interface ArticleLayout {
  article: Article;
  /** Title (paragraph -1) and paragraphs, in order. */
  lines: Array<Span & { paragraph: number }>;
}

/** Finds header, title and paragraphs in normalized text. */
export function parseArticle(text: string): ArticleLayout {
  let dateline: string | null = null;
  let outlet: string | null = null;
  let bodyStart = 0;
  const header = HEADER.exec(text);
  if (header) {
    dateline = header[1] ?? null;
    outlet = header[2]?.trim() || null;
    bodyStart = header[0].length;
  }
  const spans: Span[] = [];
  const lineRe = /[^\n]+/g;
  lineRe.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (raw.trim() === '') continue;
    spans.push({ start: m.index + lead, end: m.index + raw.length - trail });
  }
  let title: Article['title'] = null;
  const first = spans[0];
  if (!header && first && isHeadline(text.slice(first.start, first.end), spans.length > 1)) {
    title = { text: text.slice(first.start, first.end), start: first.start, end: first.end };
    spans.shift();
  }
  const lines: ArticleLayout['lines'] = [];
  if (title) lines.push({ start: title.start, end: title.end, paragraph: -1 });
  spans.forEach((s, i) => lines.push({ ...s, paragraph: i }));
  return { article: { dateline, outlet, title, paragraphs: spans }, lines };
}
