import { describe, expect, it } from 'vitest';
import { buildChartDocument, readChartDocument } from '../../../src/standalone/document';
import { buildDocumentItems } from '../../../src/standalone/build-charts';
import { indicator, rows } from '../standalone/fixtures';

const spec = { version: 1 as const, kind: 'trend' as const, indicator: indicator.name };
const NOTE = ['注：有 1 处数值在不同数据集中不一致，图表采用最新导入的数据集的数值。', '甲县 2024年：图表采用 3.6万亩（新表）；另有 3.5万亩（旧表）'];

describe('notes of a saved page', () => {
  it.each([
    ['carried and read back as text', NOTE, NOTE],
    ['absent when there is nothing to say', [], undefined],
    ['hostile text stays text', ['<img src=x onerror=alert(1)>'], ['<img src=x onerror=alert(1)>']],
  ])('%s', (_, notes, expected) => {
    const input = { spec, observations: rows, indicator, notes };
    const doc = buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', charts: [input] });
    const read = readChartDocument(JSON.parse(JSON.stringify(doc)));
    expect(read.ok).toBe(true);
    const item = read.ok ? read.document.charts[0] : undefined;
    expect(item && 'notes' in item ? item.notes : undefined).toEqual(expected);
    expect(read.ok && buildDocumentItems(read.document)[0].notes).toEqual(expected ?? undefined);
    expect(input.notes).toEqual(notes);
  });

  it.each([
    ['not a list', 'a note'],
    ['not text', [1]],
    ['too many lines', Array(13).fill('x')],
  ])('a document whose notes are %s is refused', (_, notes) => {
    const doc = JSON.parse(JSON.stringify(buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', charts: [{ spec, observations: rows, indicator }] })));
    doc.charts[0].notes = notes;
    expect(readChartDocument(doc).ok).toBe(false);
  });

  it('a page saved before notes existed still reads', () => {
    const doc = JSON.parse(JSON.stringify(buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', charts: [{ spec, observations: rows, indicator }] })));
    expect('notes' in doc.charts[0]).toBe(false);
    expect(readChartDocument(doc).ok).toBe(true);
  });
});
