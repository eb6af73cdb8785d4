import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../src/ingest/parse-quantity';

type Row = [text: string, context: string, value: number, unit: string, displayUnit: string, extra?: Record<string, unknown>];

// Every example of domain.md's "Numbers and units", plus the forms the seeds use.
const LEVELS: Row[] = [
  ['6.04万亩', '', 60400, '亩', '万亩'],
  ['1.14亿立方米', '', 114000000, '立方米', '亿立方米'],
  ['2.1万名', '', 21000, '名', '万名'],
  ['65.73%', '', 65.73, '%', '%'],
  ['110%', '', 110, '%', '%'],
  ['１２．５％', '', 12.5, '%', '%'],
  ['67,183.02', '', 67183.02, '', ''],
  ['67183.02吨', '', 67183.02, '吨', '吨'],
  ['3万亿元', '', 3e12, '元', '万亿元'],
  ['1.5亿', '', 150000000, '', '亿'],
  ['12千克', '', 12, '千克', '千克'],
  ['3千米', '', 3, '千米', '千米'],
  ['5千瓦时', '', 5, '千瓦时', '千瓦时'],
  ['8201亩', '', 8201, '亩', '亩'],
  ['-3.5', '', -3.5, '', ''],
  ['6.04', '万亩', 60400, '亩', '万亩'],
  ['6.04万', '亩', 60400, '亩', '万亩'],
  ['65.73', '%', 65.73, '%', '%'],
  ['14.16亿立方米', '万亩', 1416000000, '立方米', '亿立方米'],
  ['583人次', '', 583, '人次', '人次'],
  ['2.5‰', '', 0.25, '%', '‰'],
  ['6.04*', '万亩', 60400, '亩', '万亩'],
  ['6.04①', '万亩', 60400, '亩', '万亩'],
  // A unit is compared as NFKC but shown as the file spelled it (issue 18): superscripts and µ stay.
  ['35μg/m³', '', 35, 'μg/m3', 'μg/m³'],
  ['35', 'μg/m³', 35, 'μg/m3', 'μg/m³'],
  ['35', 'μg/m3', 35, 'μg/m3', 'μg/m3'],
  ['1.2万km²', '', 12000, 'km2', '万km²'],
  ['0.8µS/cm', '', 0.8, 'μS/cm', 'µS/cm'],
  ['12ｋｍ', '', 12, 'km', 'km'],
  ['1.1亿千瓦时', '', 110000000, '千瓦时', '亿千瓦时'],
  ['3.2万人次', '', 32000, '人次', '万人次'],
];

const QUALIFIED: Row[] = [
  ['约5万', '', 50000, '', '万', { approximate: true }],
  ['近3000亩', '', 3000, '亩', '亩', { approximate: true }],
  ['150余次', '', 150, '次', '次', { approximate: true }],
  ['20多万亩', '', 200000, '亩', '万亩', { approximate: true }],
  ['6000万元以上', '', 60000000, '元', '万元', { approximate: true }],
  ['100人左右', '', 100, '人', '人', { approximate: true }],
  ['超过80%', '', 80, '%', '%', { approximate: true }],
  ['累计1.5万次', '', 15000, '次', '万次', { approximate: true }],
];

const CHANGES: Row[] = [
  ['同比下降30.1%', '', -30.1, '%', '%', { kind: 'change', changeType: 'relative' }],
  ['同比增加59天', '', 59, '天', '天', { kind: 'change', changeType: 'absolute' }],
  ['下降2.3个百分点', '', -2.3, '个百分点', '个百分点', { kind: 'change', changeType: 'points' }],
  ['增长1.5倍', '', 2.5, '倍', '倍', { kind: 'change', changeType: 'multiple' }],
  ['比上年减少1.2万吨', '', -12000, '吨', '万吨', { kind: 'change', changeType: 'absolute' }],
  ['环比增长5%', '', 5, '%', '%', { kind: 'change', changeType: 'relative' }],
];

describe('parseQuantity', () => {
  it.each([...LEVELS, ...QUALIFIED, ...CHANGES])('%s (context %s) → %d %s', (text, context, value, unit, displayUnit, extra) => {
    const q = parseQuantity(text, context);
    expect(q.status).toBe('ok');
    if (q.status !== 'ok') return;
    expect(q.value).toBeCloseTo(value, 9);
    expect(q.unit).toBe(unit);
    expect(q.displayUnit).toBe(displayUnit);
    expect(q.approximate).toBe(extra?.approximate ?? false);
    expect(q.kind).toBe(extra?.kind ?? 'level');
    expect(q.changeType).toBe(extra?.changeType);
  });

  it.each(['', '—', '－', '/', '-', '  ', '——', '…'])('%j is no data, not zero and not an error', (text) => {
    expect(parseQuantity(text)).toEqual({ status: 'empty' });
  });

  it.each(['abc', '=HYPERLINK("http://x","y")', '1,2', '五', '<img src=x>', '12<b>'])('%j is unreadable', (text) => {
    expect(parseQuantity(text)).toEqual({ status: 'error' });
  });

  it('reads 1.1亿万元 literally and flags it for a person to confirm', () => {
    const q = parseQuantity('1.1亿万元');
    expect(q).toMatchObject({ status: 'ok', value: 1.1e12, unit: '元', warning: 'double_multiplier' });
  });

  it('input is not mutated', () => {
    const text = '６．０４万亩';
    const copy = text.slice();
    parseQuantity(text, '亩');
    expect(text).toBe(copy);
  });
});
