import { describe, expect, it } from 'vitest';
import { pickerRows, type PickerRow, type TreeRegion } from '../../../src/analysis/region-tree';

/** Rows as short strings: `  # 230100` a heading, `  道里区` a region, `  * 230100: 道里区,南岗区` an all-counties choice. */
const show = (rows: PickerRow[]) =>
  rows.map((r) => {
    const pad = '  '.repeat(r.depth);
    if (r.kind === 'heading') return `${pad}# ${r.code ?? '-'}`;
    if (r.kind === 'all') return `${pad}* ${r.code}: ${r.regions.join(',')}`;
    return `${pad}${r.name}`;
  });

// 北京's districts hang from 110000 in the division table (no 市辖区 level).
const table: Record<string, string> = { '110101': '110000', '110102': '110000' };
const parentOf = (code: string) => table[code] ?? (code.endsWith('0000') ? undefined : code.endsWith('00') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`);

describe('pickerRows', () => {
  it.each<[string, TreeRegion[], string[]]>([
    [
      'counties under their city and province, with the city itself and all its counties as one choice',
      [
        { name: '南岗区', code: '230103' },
        { name: '哈尔滨市', code: '230100' },
        { name: '道里区', code: '230102' },
        { name: '全省' },
      ],
      ['# 230000', '  * 230000: 道里区,南岗区', '  # 230100', '    哈尔滨市', '    * 230100: 道里区,南岗区', '    道里区', '    南岗区', '# -', '  全省'],
    ],
    [
      'a city without counties in the view is one row under its province; provinces in code order',
      [
        { name: '乌海市', code: '150300' },
        { name: '黑龙江省', code: '230000' },
        { name: '齐齐哈尔市', code: '230200' },
      ],
      ['# 150000', '  乌海市', '# 230000', '  黑龙江省', '  齐齐哈尔市'],
    ],
    [
      'municipality districts directly under the municipality (the table says so)',
      [
        { name: '东城区', code: '110101' },
        { name: '西城区', code: '110102' },
      ],
      ['# 110000', '  * 110000: 东城区,西城区', '  东城区', '  西城区'],
    ],
    ['no coded region: the regions as given, no headings', [{ name: '甲' }, { name: '乙' }], ['甲', '乙']],
    [
      'one county: no all-counties choice',
      [{ name: '道里区', code: '230102' }],
      ['# 230000', '  # 230100', '    道里区'],
    ],
    [
      'two labels with one code: the second is listed apart',
      [
        { name: '鼓楼区', code: '350102' },
        { name: '鼓楼区（福州）', code: '350102' },
      ],
      ['# 350000', '  # 350100', '    鼓楼区', '# -', '  鼓楼区（福州）'],
    ],
  ])('%s', (_, regions, expected) => {
    expect(show(pickerRows(regions, parentOf))).toEqual(expected);
  });

  it('leaves the all-counties choices out when asked (a search)', () => {
    const rows = pickerRows(
      [
        { name: '道里区', code: '230102' },
        { name: '南岗区', code: '230103' },
      ],
      parentOf,
      { all: false },
    );
    expect(rows.some((r) => r.kind === 'all')).toBe(false);
  });

  it('lists ~2,900 counties in one pass', () => {
    const regions: TreeRegion[] = [];
    for (let p = 11; p < 40; p++) for (let c = 1; c <= 10; c++) for (let k = 1; k <= 10; k++) regions.push({ name: `县${p}${c}${k}`, code: `${p}${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}` });
    const rows = pickerRows(regions, parentOf);
    expect(rows.filter((r) => r.kind === 'region')).toHaveLength(2900);
    expect(rows.filter((r) => r.kind === 'all')).toHaveLength(29 + 290);
  });

  it('does not change its input', () => {
    const regions = [{ name: '道里区', code: '230102' }, { name: '全省' }];
    const before = JSON.stringify(regions);
    pickerRows(regions, parentOf);
    expect(JSON.stringify(regions)).toBe(before);
  });
});
