/**
 * The document pane's pieces: the report's text cut into paragraphs and, within each, runs of
 * plain text and figures, so the page renders every piece as a text node (never as HTML) and
 * marks the figures and the chosen figure's sentence.
 */
import type { Figure } from './types';

/** A run of a paragraph: plain text, or a figure (its id), possibly inside the chosen sentence. */
export interface Piece {
  text: string;
  /** The id (index) of the figure this run is, when it is one. */
  figure?: number;
  /** Inside the chosen figure's sentence. */
  chosen?: boolean;
}

/** A paragraph of the text (a non-empty line) and its pieces. */
export interface ParagraphPieces {
  /** Index among non-empty lines, as `Figure.paragraph` counts. */
  index: number;
  pieces: Piece[];
}

/**
 * Cut `text` into paragraphs and pieces: each figure's `raw` is a piece of its own, and the
 * chosen figure's sentence is marked. Figures whose text is not where they say are left plain.
 * @example documentPieces('面积6万亩。', [fig], undefined)[0].pieces // [{ text: '面积' }, { text: '6万亩', figure: 0 }, { text: '。' }]
 */
export function documentPieces(text: string, figures: readonly Figure[], chosen: number | undefined): ParagraphPieces[] {
  const out: ParagraphPieces[] = [];
  const sorted = figures.map((f, id) => ({ f, id })).filter(({ f }) => text.startsWith(f.raw, f.rawStart)).sort((a, b) => a.f.rawStart - b.f.rawStart);
  const pick = chosen === undefined ? undefined : figures[chosen];
  const sentence = pick ? { from: pick.start, to: pick.start + pick.sentence.length } : undefined;
  let k = 0;
  let offset = 0;
  let index = 0;
  for (const line of text.split('\n')) {
    const from = offset;
    const to = offset + line.length;
    offset = to + 1;
    if (line.trim() === '') continue;
    // Cut points: each figure's edges and the chosen sentence's edges, within this line.
    const cuts = new Set<number>([from, to]);
    const here: { f: Figure; id: number }[] = [];
    while (k < sorted.length && sorted[k].f.rawStart < to) {
      const item = sorted[k++];
      if (item.f.rawStart < from) continue;
      here.push(item);
      cuts.add(item.f.rawStart);
      cuts.add(Math.min(to, item.f.rawStart + item.f.raw.length));
    }
    if (sentence && sentence.to > from && sentence.from < to) {
      cuts.add(Math.max(from, sentence.from));
      cuts.add(Math.min(to, sentence.to));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (a === b) continue;
      const piece: Piece = { text: text.slice(a, b) };
      const fig = here.find(({ f }) => a >= f.rawStart && a < f.rawStart + f.raw.length);
      if (fig) piece.figure = fig.id;
      if (sentence && a >= sentence.from && a < sentence.to) piece.chosen = true;
      pieces.push(piece);
    }
    out.push({ index: index++, pieces });
  }
  return out;
}

/**
 * A sentence cut around its figure, to show the figure marked in the review table; with `around`,
 * only that many characters either side are kept (an ellipsis says where it was cut), so a long
 * sentence does not make a row a paragraph tall. The whole sentence is the row's tooltip.
 * @example sentencePieces(fig) // { before: '全区保护性耕作面积', figure: '6.04万亩', after: '。' }
 */
export function sentencePieces(f: Figure, around = Infinity): { before: string; figure: string; after: string } {
  const at = f.rawStart - f.start;
  if (at < 0 || f.sentence.slice(at, at + f.raw.length) !== f.raw) return { before: f.sentence, figure: '', after: '' };
  const before = f.sentence.slice(0, at);
  const after = f.sentence.slice(at + f.raw.length);
  return {
    before: before.length > around ? `…${before.slice(before.length - around)}` : before,
    figure: f.raw,
    after: after.length > around ? `${after.slice(0, around)}…` : after,
  };
}
