import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, WRITE_BLOCK_SIZE, decodeObservation, emptyDictionary, encodeBlocks, summarizeBlocks } from '../../../src/store/columns';
import { GRAINS, VALUE_KINDS, type Observation } from '../../../src/domain/types';
import { many, obs } from './fixtures';

describe('stored codes of grains and kinds', () => {
  it('keep their places: blocks written earlier code a grain or kind by its place in these lists', () => {
    expect(GRAINS).toEqual(['year', 'half', 'quarter', 'month', 'day', 'season', 'range']);
    expect(VALUE_KINDS).toEqual(['level', 'change']);
  });
});

describe('encodeBlocks: block sizes', () => {
  it('writes blocks smaller than the schema ceiling (each is one copy on the page thread)', () => {
    expect(WRITE_BLOCK_SIZE).toBe(12_500);
    expect(WRITE_BLOCK_SIZE).toBeLessThanOrEqual(BLOCK_SIZE);
  });

  it.each([
    [1, [1]],
    [12_500, [12_500]],
    [12_501, [12_500, 1]],
    [30_000, [12_500, 12_500, 5000]],
  ])('%i values of one indicator → blocks of %j', (n, sizes) => {
    const rows = Array.from({ length: n }, (_, i) => obs(`地区${i % 9}`, '压采量', String(2000 + (i % 20)), i));
    const blocks = encodeBlocks('ds', rows, emptyDictionary('ds'), 0);
    expect(blocks.map((b) => b.count)).toEqual(sizes);
    expect(blocks.map((b) => b.seq)).toEqual(sizes.map((_, i) => i));
  });

  it('splits each indicator on its own and every value decodes back at its position', () => {
    const rows = many(40_000);
    const dict = emptyDictionary('ds');
    const blocks = encodeBlocks('ds', rows, dict, 0);
    // 3 indicators of ~13,334 values each: two blocks apiece.
    expect(blocks.map((b) => [b.indicator, b.count])).toEqual([
      ['指标0', 12_500], ['指标0', 834],
      ['指标1', 12_500], ['指标1', 833],
      ['指标2', 12_500], ['指标2', 833],
    ]);
    const back = new Array(rows.length);
    for (const b of blocks) for (let k = 0; k < b.count; k++) back[b.pos[k]] = decodeObservation(b, k, dict.strings);
    expect(back).toEqual(rows);
    expect(dict.count).toBe(40_000);
  });

  it('does not mutate the observations', () => {
    const rows = many(13_000);
    const before = structuredClone(rows);
    encodeBlocks('ds', rows, emptyDictionary('ds'), 0);
    expect(rows).toEqual(before);
  });
});

describe('encodeBlocks: one buffer per block', () => {
  it.each([
    ['required columns only', many(100).map(({ source: _s, ...o }) => o)],
    ['with source rows', many(100)],
    ['with every optional column', many(100).map((o, i) => ({ ...o, regionCode: `23${i}`, periodLabel: `${o.period}年`, displayUnit: '万吨', sourceText: `${o.value}`, target: i, source: { row: i + 2, column: '数值' } }))],
  ])('%s: every column is a view into the same buffer, and decodes back', (_, rows) => {
    const dict = emptyDictionary('ds');
    const [block] = encodeBlocks('ds', rows.filter((o) => o.indicator === '指标0'), dict, 0);
    const views = Object.values(block).filter((v) => ArrayBuffer.isView(v));
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    expect(views.reduce((n, v) => n + v.byteLength, 0)).toBe(views[0].buffer.byteLength);
    const back = Array.from({ length: block.count }, (_, k) => decodeObservation(block, k, dict.strings));
    expect(back).toEqual(rows.filter((o) => o.indicator === '指标0'));
  });

  it('survives a structured clone (what IndexedDB stores) as views that still share one buffer', () => {
    const [block] = encodeBlocks('ds', many(30).filter((o) => o.indicator === '指标1'), emptyDictionary('ds'), 0);
    const copy = structuredClone(block);
    expect(copy.value.buffer).toBe(copy.region.buffer);
    expect(copy).toEqual(block);
  });
});

describe('encodeBlocks: width of the code columns', () => {
  const codeColumns = ['region', 'period', 'unit', 'regionCode', 'periodLabel', 'displayUnit', 'sourceColumn', 'sourceText'] as const;
  const full = (rows: Observation[]) => rows.map((o, i) => ({ ...o, regionCode: `23${i % 7}`, periodLabel: `${o.period}年`, displayUnit: '万吨', sourceText: `${o.value}`, source: { row: i + 2, column: '数值' } }));

  it('writes 16-bit codes while the dictionary is small: 8 + 4 + 4 + 8 × 2 + 2 bytes a value', () => {
    const rows = full(many(300)).filter((o) => o.indicator === '指标0');
    const dict = emptyDictionary('ds');
    const [block] = encodeBlocks('ds', rows, dict, 0);
    for (const c of codeColumns) expect(block[c]).toBeInstanceOf(Uint16Array);
    expect(block.value.buffer.byteLength).toBe(block.count * 34);
    expect(Array.from({ length: block.count }, (_, k) => decodeObservation(block, k, dict.strings))).toEqual(rows);
  });

  it('writes 32-bit codes once the dictionary passes 65,534 strings, and both kinds decode', () => {
    const dict = emptyDictionary('ds');
    const first = Array.from({ length: 100 }, (_, i) => obs('A', '指标', String(2000 + i), i));
    const [small] = encodeBlocks('ds', first, dict, 0);
    // Every value's own source text: 70,000 strings in the dictionary.
    const second = Array.from({ length: 70_000 }, (_, i) => ({ ...obs(`地区${i % 50}`, '指标', '2024', i), sourceText: `原文${i}` }));
    const large = encodeBlocks('ds', second, dict, 100);
    expect(small.region).toBeInstanceOf(Uint16Array);
    expect(large[0].region).toBeInstanceOf(Uint16Array);
    expect(large.at(-1)!.region).toBeInstanceOf(Uint32Array);
    const back = new Array<Observation>(70_100);
    for (const b of [small, ...large]) for (let k = 0; k < b.count; k++) back[b.pos[k]] = decodeObservation(b, k, dict.strings);
    expect(back).toEqual([...first, ...second]);
  }, 30_000);

  it('reads blocks written with 32-bit codes before 16-bit ones existed', () => {
    const rows = full(many(60)).filter((o) => o.indicator === '指标2');
    const dict = emptyDictionary('ds');
    const [block] = encodeBlocks('ds', rows, dict, 0);
    const old = { ...block };
    for (const c of codeColumns) old[c] = Uint32Array.from(block[c]!);
    expect(Array.from({ length: old.count }, (_, k) => decodeObservation(old, k, dict.strings))).toEqual(rows);
    expect(summarizeBlocks([old], dict.strings)).toEqual(summarizeBlocks([block], dict.strings));
  });
});

describe('summarizeBlocks', () => {
  const encoded = (rows: Observation[]) => {
    const dict = emptyDictionary('ds');
    return { blocks: encodeBlocks('ds', rows, dict, 0), strings: dict.strings };
  };
  const rows: Observation[] = [
    { ...obs('全省', '压采量', '2023', 10, '立方米'), isTotal: true, regionCode: '230000', target: 12 },
    { ...obs('道里区', '压采量', '2023', 4, '立方米'), regionCode: '230102' },
    { ...obs('道里区', '压采量', '2024', 5, '立方米'), regionCode: '230199', target: 6 },
    { ...obs('南岗区', '耕地面积', '2024', 7, '亩'), displayUnit: '万亩' },
    obs('__proto__', '耕地面积', '2024', 8, '亩'),
  ];

  it.each([
    ['全省', { name: '全省', code: '230000', isTotal: true }],
    // The first value of a region gives its code; a later, different one does not replace it.
    ['道里区', { name: '道里区', code: '230102' }],
    ['南岗区', { name: '南岗区' }],
    ['__proto__', { name: '__proto__' }],
  ])('region %s', (name, region) => {
    const { blocks, strings } = encoded(rows);
    expect(summarizeBlocks(blocks, strings).regions.get(name)).toEqual(region);
  });

  it('lists regions in first-seen order, across blocks', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => obs(`地区${i % 40}`, '压采量', String(2000 + (i % 20)), i));
    const { blocks, strings } = encoded(many);
    expect(blocks.length).toBe(3);
    expect([...summarizeBlocks(blocks, strings).regions.keys()]).toEqual(Array.from({ length: 40 }, (_, i) => `地区${i}`));
  });

  it('gives each indicator the unit and display unit of its first value, and its targets in order', () => {
    const { blocks, strings } = encoded(rows);
    const indicators = summarizeBlocks(blocks, strings).indicators;
    expect([...indicators]).toEqual([
      ['压采量', { unit: '立方米', targets: [{ region: '全省', period: '2023', value: 12 }, { region: '道里区', period: '2024', value: 6 }] }],
      ['耕地面积', { unit: '亩', displayUnit: '万亩', targets: [] }],
    ]);
  });

  it('does not mutate the blocks or the strings', () => {
    const { blocks, strings } = encoded(rows);
    const before = structuredClone({ blocks, strings });
    summarizeBlocks(blocks, strings);
    expect({ blocks, strings }).toEqual(before);
  });
});
