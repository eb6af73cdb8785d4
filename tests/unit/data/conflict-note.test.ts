import { describe, expect, it } from 'vitest';
import { conflictLines } from '../../../src/export/conflict-note';
import { buildFootnote } from '../../../src/export/footnote';
import { loadLocale } from '../../../src/domain/messages';
import type { Indicator, Observation } from '../../../src/domain/types';
import { valueFormatter } from '../../../src/charts/format';

type Row = Observation & { datasetId: string };
const row = (region: string, period: string, value: number, datasetId: string): Row => ({
  region,
  indicator: '保护性耕作面积',
  period,
  value,
  unit: '亩',
  displayUnit: '万亩',
  datasetId,
});
const names = new Map([
  ['newer', 'user-newer'],
  ['older', 'user-older'],
]);
const name = (id: string) => names.get(id) ?? id;

describe('conflictLines', () => {
  it('writes the values in the indicator\'s unit and decimals when given them', () => {
    const rows = [row('道外区', '2024', 43000, 'newer'), row('道外区', '2024', 42100, 'older')];
    const indicator: Indicator = { name: '保护性耕作面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] };
    const lines = conflictLines(rows, name, 'zh', valueFormatter(indicator, rows, 'zh'));
    expect(lines[1]).toBe('道外区 2024年：图表采用 4.30万亩（user-newer）；另有 4.21万亩（user-older）');
  });

  it.each([
    ['nothing disagrees', [row('道外区', '2024', 43000, 'newer'), row('道外区', '2024', 43000, 'older')], []],
    [
      'the value drawn (the first) and the other, with their datasets',
      [row('道外区', '2024', 43000, 'newer'), row('道外区', '2024', 42100, 'older')],
      ['注：有 1 处数值在不同数据集中不一致，图表采用最新导入的数据集的数值。', '道外区 2024年：图表采用 4.3万亩（user-newer）；另有 4.21万亩（user-older）'],
    ],
    [
      'beyond three, a count of the rest',
      ['2020', '2021', '2022', '2023', '2024'].flatMap((p) => [row('甲县', p, 1, 'newer'), row('甲县', p, 2, 'older')]),
      5,
    ],
  ])('%s', (_, rows, expected) => {
    const before = JSON.parse(JSON.stringify(rows));
    const lines = conflictLines(rows, name, 'zh');
    if (typeof expected === 'number') {
      expect(lines).toHaveLength(expected);
      expect(lines[0]).toContain('有 5 处');
      expect(lines[4]).toBe('另有 2 处未列出。');
    } else expect(lines).toEqual(expected);
    expect(rows).toEqual(before);
  });

  it('speaks the reader’s language', async () => {
    await loadLocale('en');
    const lines = conflictLines([row('Daowai', '2024', 43000, 'newer'), row('Daowai', '2024', 42100, 'older')], name, 'en');
    expect(lines[0]).toMatch(/^Note: 1 values differ/);
    expect(lines.join('')).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
  });

  it('goes into an image footnote as lines of their own, after the source', () => {
    const notes = ['注：有 1 处…', '道外区 2024年：…'];
    const lines = buildFootnote({ indicator: '面积', source: '市统计局', notes, exportedAt: '2026-11-24T02:00:00Z', locale: 'zh' });
    expect(lines.slice(-2)).toEqual(notes);
    expect(lines[lines.length - 3]).toContain('来源：市统计局');
  });
});
