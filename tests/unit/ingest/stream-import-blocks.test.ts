import { describe, expect, it } from 'vitest';
import { BlockBuilder } from '../../../src/app/import/stream-import-blocks';
import { decodeObservation, emptyDictionary, encodeBlocks, WRITE_BLOCK_SIZE } from '../../../src/store/columns';
import type { BlockRecord, DictionaryRecord } from '../../../src/store/db';
import type { Observation } from '../../../src/domain/types';

const base = (i: number, extra: Partial<Observation> = {}): Observation => ({
  region: `区${i % 7}`,
  indicator: i % 3 === 0 ? '面积' : '产量',
  period: String(2000 + (i % 11)),
  value: i * 1.5,
  unit: '亩',
  ...extra,
});

/** Every optional field, present and absent, in one list. */
const VARIED: Observation[] = [
  base(0),
  base(1, { regionCode: '230102', periodLabel: '2001年', grain: 'year', displayUnit: '万亩', kind: 'level', approximate: false, isTotal: false }),
  base(2, { approximate: true, isTotal: true, kind: 'change', changeType: 'relative', unit: '%' }),
  base(3, { target: 12.5, source: { row: 4 } }),
  base(4, { source: { row: 5, column: '数值' }, sourceText: '某报告' }),
  base(5, { citations: [{ label: '报告', text: '通报' }, { label: '原文', text: '增长5%' }], sourceText: '通报' }),
  base(6, { grain: 'month', changeType: 'points', kind: 'change' }),
  base(7, { value: -0, regionCode: '230103' }),
  base(8, { value: Number.NaN }),
];

/** Every value of the blocks, decoded, in dataset order. */
function stored(blocks: BlockRecord[], dict: DictionaryRecord): Observation[] {
  const out: { pos: number; o: Observation }[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push({ pos: b.pos[k], o: decodeObservation(b, k, dict.strings) });
  return out.sort((a, b) => a.pos - b.pos).map((x) => x.o);
}

/** Periods per indicator as sets of strings (the codes' order may differ between the two ways). */
function periodsOf(dict: DictionaryRecord): Record<string, string[]> {
  return Object.fromEntries(dict.indicatorPeriods.map(([name, codes]) => [name, codes.map((c) => dict.strings[c]).sort()]));
}

function built(records: Observation[], batch: number) {
  const builder = new BlockBuilder(emptyDictionary(''));
  for (let at = 0; at < records.length; at += batch) builder.addAll(records.slice(at, at + batch));
  return builder.finish();
}

const many = Array.from({ length: WRITE_BLOCK_SIZE * 2 + 300 }, (_, i) => base(i, i % 5 === 0 ? { regionCode: `23${i % 13}` } : {}));

describe('BlockBuilder stores what encodeBlocks stores', () => {
  it.each([
    ['every optional field, one at a time', VARIED, 1],
    ['every optional field, all at once', VARIED, 100],
    ['more values than a block holds, interleaved indicators', many, 4096],
    ['no values', [] as Observation[], 1],
  ])('%s', (_name, records, batch) => {
    const dict = emptyDictionary('');
    const expected = stored(encodeBlocks('', records, dict, 0), dict);
    const encoded = built(records, batch);
    expect(stored(encoded.blocks, encoded.dictionary)).toEqual(expected);
    expect(Object.is(stored(encoded.blocks, encoded.dictionary)[7]?.value, records[7]?.value)).toBe(true);
    expect(encoded.count).toBe(records.length);
    expect(encoded.dictionary.count).toBe(records.length);
    expect(periodsOf(encoded.dictionary)).toEqual(periodsOf(dict));
    expect(encoded.blocks.every((b) => b.count <= WRITE_BLOCK_SIZE)).toBe(true);
  });

  it('fills an indicator’s block across batches and numbers blocks from the dictionary', () => {
    const { blocks, dictionary } = built(many, 100);
    // 产量 has two thirds of the values: one full block, then the rest (not a block per batch).
    const output = many.filter((o) => o.indicator === '产量').length;
    expect(blocks.filter((b) => b.indicator === '产量').map((b) => b.count)).toEqual([WRITE_BLOCK_SIZE, output - WRITE_BLOCK_SIZE]);
    expect(blocks.map((b) => b.seq).sort((a, b) => a - b)).toEqual(blocks.map((_, i) => i));
    expect(dictionary.nextSeq).toBe(blocks.length);
  });

  it('keeps every column in one buffer, 16-bit codes while the dictionary is small', () => {
    const block = built(VARIED, 3).blocks.find((b) => b.indicator === '产量')!;
    expect(block.region).toBeInstanceOf(Uint16Array);
    expect(block.regionCode).toBeDefined();
    const columns = Object.values(block).filter((v) => ArrayBuffer.isView(v));
    expect(columns.length).toBeGreaterThanOrEqual(11);
    for (const column of columns) expect(column.buffer).toBe(block.value.buffer);
  });

  it('continues a dictionary: positions after its count, its strings kept', () => {
    const dict = emptyDictionary('');
    encodeBlocks('', VARIED.slice(0, 4), dict, 0);
    const strings = [...dict.strings];
    const encoded = new BlockBuilder(dict);
    encoded.addAll(VARIED.slice(4));
    const out = encoded.finish();
    expect(out.count).toBe(VARIED.length - 4);
    expect(out.dictionary.count).toBe(VARIED.length);
    expect(out.dictionary.strings.slice(0, strings.length)).toEqual(strings);
    expect(Math.min(...out.blocks.flatMap((b) => [...b.pos]))).toBe(4);
  });

  it('refuses a kind it cannot store, as encodeBlocks does', () => {
    const builder = new BlockBuilder(emptyDictionary(''));
    expect(() => builder.addAll([base(0, { grain: 'fortnight' as never })])).toThrow(TypeError);
  });

  it('does not change the records it is given', () => {
    const copy = structuredClone(VARIED);
    built(VARIED, 2);
    expect(VARIED).toEqual(copy);
  });
});
