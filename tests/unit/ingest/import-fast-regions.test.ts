import { describe, expect, it } from 'vitest';
import { assignBlockCodes, RegionTally } from '../../../src/app/import/stream-import-regions';
import { assignRegionCodes, matchImportRegions, type RegionImportContext } from '../../../src/regions/import-matches';
import { decodeEncoded } from '../../../src/store/put-columns';
import { emptyDictionary, encodeBlocks } from '../../../src/store/columns';
import type { Observation } from '../../../src/domain/types';

const obs = (region: string, i: number, extra: Partial<Observation> = {}): Observation => ({
  region,
  indicator: i % 2 === 0 ? '面积' : '产量',
  period: String(2000 + i),
  value: i,
  unit: '亩',
  isTotal: false,
  ...extra,
});

const RECORDS: Observation[] = [
  obs('道里区', 0),
  obs('南岗区', 1),
  obs('合计', 2, { isTotal: true }),
  obs('道里区', 3),
  obs('香坊区', 4, { regionCode: '230110' }),
  obs('鼓楼区', 5),
  obs('不存在区', 6),
  obs('', 7, { regionCode: '230103' }),
];

/** What the worker did before: match all the records, give them their codes, then encode. */
function matchedFirst(records: Observation[], context: RegionImportContext) {
  const copy = records.map((o) => ({ ...o }));
  const matches = matchImportRegions(copy, context);
  assignRegionCodes(copy, matches.codes);
  const dictionary = emptyDictionary('');
  const blocks = encodeBlocks('', copy, dictionary, 0);
  return { rows: matches.rows, stored: decodeEncoded({ blocks, dictionary, count: copy.length }) };
}

/** What it does now: encode in batches as the records come, count regions, match, patch the blocks. */
function encodedFirst(records: Observation[], context: RegionImportContext, batch: number) {
  const dictionary = emptyDictionary('');
  const blocks = [];
  const tally = new RegionTally();
  for (let at = 0; at < records.length; at += batch) {
    const part = records.slice(at, at + batch);
    tally.add(part);
    blocks.push(...encodeBlocks('', part, dictionary, at));
  }
  const matches = tally.match(context);
  assignBlockCodes(blocks, dictionary, matches.codes);
  return { rows: matches.rows, stored: decodeEncoded({ blocks, dictionary, count: records.length }) };
}

describe('regions matched after encoding give what matching before encoding gave', () => {
  it.each([
    [{}, 1],
    [{}, 3],
    [{ within: '230100' }, 2],
    [{ within: '350000', choices: { 不存在区: '230102' } }, 8],
  ] as [RegionImportContext, number][])('context %j in batches of %i', (context, batch) => {
    const before = structuredClone(RECORDS);
    const expected = matchedFirst(RECORDS, context);
    expect(encodedFirst(RECORDS, context, batch)).toEqual(expected);
    // Something was matched at all, so the comparison means something.
    expect(expected.stored.some((o, i) => o.regionCode !== RECORDS[i].regionCode)).toBe(true);
    // The input is not mutated.
    expect(RECORDS).toEqual(before);
  });

  it('counts runs of one region, told apart by their code, as matching all at once counts them', () => {
    const runs = [obs('道里区', 0), obs('道里区', 1), obs('道里区', 2, { regionCode: '230102' }), obs('道里区', 3, { regionCode: '230102' }), obs('道里区', 4), obs('合计', 5, { isTotal: true }), obs('合计', 6, { isTotal: true }), obs('道里区', 7)];
    const tally = new RegionTally();
    for (const o of runs) tally.addOne(o);
    expect(tally.match({}).rows).toEqual(matchedFirst(runs, {}).rows);
    expect(tally.match({}).rows.map((r) => r.values)).toEqual([4, 2]);
  });

  it('widens a 16-bit code column when a new code does not fit it', () => {
    const dictionary = emptyDictionary('');
    const blocks = encodeBlocks('', [obs('道里区', 0, { regionCode: '1' })], dictionary, 0);
    expect(blocks[0].regionCode).toBeInstanceOf(Uint16Array);
    for (let i = dictionary.strings.length; i <= 0x10000; i++) dictionary.strings.push(`s${i}`);
    assignBlockCodes(blocks, dictionary, new Map([['道里区', new Map([['1', '230102']])]]));
    expect(blocks[0].regionCode).toBeInstanceOf(Uint32Array);
    expect(decodeEncoded({ blocks, dictionary, count: 1 })[0].regionCode).toBe('230102');
  });
});
