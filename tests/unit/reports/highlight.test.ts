import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/reports/find-figures';
import { documentPieces, sentencePieces } from '../../../src/reports/highlight';

const TEXT = '标题\n\n全区面积6.04万亩。还田率65.73%。\n落款';

describe('documentPieces: paragraphs of text runs, figures apart', () => {
  const { figures } = findFigures(TEXT);

  it('cuts each paragraph at the figures; the text comes back whole', () => {
    const paragraphs = documentPieces(TEXT, figures, undefined);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(paragraphs[1].pieces).toEqual([
      { text: '全区面积' },
      { text: '6.04万亩', figure: 0 },
      { text: '。还田率' },
      { text: '65.73%', figure: 1 },
      { text: '。' },
    ]);
    expect(paragraphs.map((p) => p.pieces.map((x) => x.text).join('')).join('\n')).toBe('标题\n全区面积6.04万亩。还田率65.73%。\n落款');
  });

  it('marks the chosen figure’s sentence only', () => {
    const pieces = documentPieces(TEXT, figures, 1)[1].pieces;
    expect(pieces.filter((p) => p.chosen).map((p) => p.text).join('')).toBe(figures[1].sentence);
    expect(pieces.find((p) => p.figure === 0)?.chosen).toBeUndefined();
  });

  it('a figure whose text is not where it says is left plain', () => {
    const moved = [{ ...figures[0], rawStart: 0 }];
    expect(documentPieces(TEXT, moved, undefined)[1].pieces).toEqual([{ text: '全区面积6.04万亩。还田率65.73%。' }]);
  });

  it('input is not mutated', () => {
    const copy = structuredClone(figures);
    documentPieces(TEXT, figures, 0);
    expect(figures).toEqual(copy);
  });
});

describe('sentencePieces', () => {
  it('cuts the sentence around its figure', () => {
    const f = findFigures('前文。PM10平均浓度同比下降30.1%，好。').figures[0];
    expect(sentencePieces(f)).toEqual({ before: 'PM10平均浓度', figure: '同比下降30.1%', after: '，好。' });
  });

  it('keeps only `around` characters either side, and says where it cut', () => {
    const f = findFigures('前文。全区保护性耕作面积达到6.04万亩，比上年多了不少。').figures[0];
    expect(sentencePieces(f, 4)).toEqual({ before: '…面积达到', figure: '6.04万亩', after: '，比上年…' });
    expect(sentencePieces(f, 40).before).toBe('全区保护性耕作面积达到');
  });
});
