import type { SummaryDocument } from '../../lambdas/core';

/** The part of a document the golden files pin: each figure's reading and English, and the summary lines. */
export function goldenView(doc: SummaryDocument): unknown {
  return {
    figures: doc.figures.map((f) => ({
      vi: f.vi,
      value: f.value,
      ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
      approx: f.approx,
      kind: f.kind,
      unit: f.unit,
      thing: f.thing ? `${f.thing.vi} = ${f.thing.en ?? '?'}` : null,
      action: f.action ? `${f.action.vi} = ${f.action.en ?? '?'}` : null,
      en: f.en,
      start: f.start,
    })),
    bullets: doc.summary.bullets.map((b) => b.text),
    untranslated: doc.untranslated.map((u) => `${u.vi} ×${u.count}`),
  };
}
