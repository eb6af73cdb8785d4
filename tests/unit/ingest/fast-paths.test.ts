import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../src/ingest/parse-quantity';
import { DuplicateGuard, normalizeEntry, type NormalizeContext } from '../../../src/ingest/normalize';
import { noteText } from '../../../src/ingest/find-header';
import type { Observation } from '../../../src/domain/types';
import type { RawEntry } from '../../../src/ingest/unpivot';

// The fast paths added for large files must give exactly what the general paths give.
describe('parseQuantity: plain decimals', () => {
  it.each([
    ['6.04', '万亩', { status: 'ok', value: 60400, unit: '亩', displayUnit: '万亩', kind: 'level', approximate: false }],
    ['-3.5', '', { status: 'ok', value: -3.5, unit: '', displayUnit: '', kind: 'level', approximate: false }],
    ['010101', '', { status: 'ok', value: 10101, unit: '', displayUnit: '', kind: 'level', approximate: false }],
    ['1.1', '亿万元', { status: 'ok', value: 1.1e12, unit: '元', displayUnit: '亿万元', kind: 'level', approximate: false, warning: 'double_multiplier' }],
    ['12', '%', { status: 'ok', value: 12, unit: '%', displayUnit: '%', kind: 'level', approximate: false }],
  ])('%s with context %s', (text, unit, expected) => {
    expect(parseQuantity(text, unit)).toEqual(expected);
    // The same text with a space goes through the general path: both paths agree.
    expect(parseQuantity(` ${text}`, unit)).toEqual(expected);
  });

  it('a repeated context unit gives equal, separate results', () => {
    const a = parseQuantity('1', '万元');
    const b = parseQuantity('2', '万元');
    expect([a, b].map((q) => (q.status === 'ok' ? q.value : NaN))).toEqual([10000, 20000]);
    expect(a).not.toBe(b);
  });
});

describe('DuplicateGuard', () => {
  const obs = (region: string, indicator: string, period: string, row: number): Observation => ({ region, indicator, period, value: 1, unit: '', source: { row } });
  it.each([
    [[obs('道里区', '面积', '2024', 2), obs('道里区', '面积', '2024', 3)], [undefined, 2]],
    [[obs('道里区', '面积', '2024', 2), obs('道里区', '产量', '2024', 3)], [undefined, undefined]],
    [[obs('道里区', '面积', '2024', 2), obs('南岗区', '面积', '2024', 3)], [undefined, undefined]],
  ])('reports the first row of a repeated key (%#)', (rows, expected) => {
    const guard = new DuplicateGuard();
    expect(rows.map((o) => guard.firstRow(o))).toEqual(expected);
  });

  it('does not mutate the observation', () => {
    const o = obs('道里区', '面积', '2024', 2);
    const copy = structuredClone(o);
    new DuplicateGuard().firstRow(o);
    expect(o).toEqual(copy);
  });
});

describe('normalizeEntry caches regions and indicators per import', () => {
  const entry = (regionText: string, indicatorText: string): RawEntry => ({
    row: 2,
    column: { index: 4, header: '数值', role: 'value', unit: '' },
    valueText: '6.04',
    indicatorText,
    regionText,
    regionCodeText: '',
    periodText: '2024',
    periodColumn: '年份',
    unitText: '',
    kindText: '',
    sourceText: '',
    targetText: '',
    targetColumn: '',
  });
  it('a cached region keeps its code and total flag on every row', () => {
    const ctx: NormalizeContext = { locale: 'zh', defaults: {} };
    const first = normalizeEntry(entry('230102 道里区', '面积（万亩）'), ctx).observation;
    const again = normalizeEntry(entry('230102 道里区', '面积（万亩）'), ctx).observation;
    const total = normalizeEntry(entry('全市', '面积（万亩）'), ctx).observation;
    expect([first?.region, first?.regionCode, first?.indicator, first?.unit, first?.value]).toEqual(['道里区', '230102', '面积', '亩', 60400]);
    expect(again).toEqual(first);
    expect(total?.isTotal).toBe(true);
    expect(ctx.regionCache?.size).toBe(2);
  });
});

describe('noteText fast path', () => {
  it.each([
    [['注：2024年为快报数', ''], '注：2024年为快报数'],
    [['', ' 单位：万元 '], '单位：万元'],
    [['道里区', '6.04'], undefined],
    [['', '', ''], undefined],
  ])('%j → %s', (row, expected) => {
    const copy = [...row];
    expect(noteText(row)).toBe(expected);
    expect(row).toEqual(copy);
  });
});
