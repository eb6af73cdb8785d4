import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestStream, streamedFormat, type ByteSource } from '../../../src/ingest/ingest-stream';
import type { ObservationFields } from '../../../src/ingest/normalize';
import { emptyDictionary, decodeObservation } from '../../../src/store/columns';
import { BlockBuilder } from '../../../src/app/import/stream-import-blocks';
import { RegionTally } from '../../../src/app/import/stream-import-regions';
import { SecondPart, joinBlocks, readPartBlocks } from '../../../src/app/import/stream-import-split';
import { gbkBytes } from './gbk';

const dir = join(__dirname, '../../fixtures');

function source(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

/**
 * The import worker's read of a file (stream-import-worker.ts `run`): in one part, or in two with
 * the second part's search starting at byte `from`, read in-process as the second worker reads it.
 */
async function importOf(name: string, bytes: Uint8Array, step: number, from?: number) {
  const format = streamedFormat(name, bytes.subarray(0, 4096));
  if (!format) return undefined;
  let builder = new BlockBuilder(emptyDictionary(''));
  let tally = new RegionTally();
  const progress: number[] = [];
  const sink = {
    fields: (f: Readonly<ObservationFields>) => {
      tally.addOne(f);
      builder.add(f);
    },
    restart: () => {
      builder = new BlockBuilder(emptyDictionary(''));
      tally = new RegionTally();
      // Read again from the start: progress starts over.
      progress.length = 0;
    },
  };
  const part =
    from === undefined
      ? undefined
      : new SecondPart((job) => readPartBlocks(job, source(bytes), undefined, undefined, step), undefined, from);
  const out = await ingestStream(name, format, source(bytes), { onProgress: (done) => progress.push(done) }, sink, step, part);
  const encoded = builder.finish();
  const second = part?.taken();
  if (second) {
    joinBlocks(encoded, second.read.encoded, second.rowsBefore);
    tally.merge(second.read.regions);
  }
  const strings = encoded.dictionary.strings;
  const values = encoded.blocks.flatMap((b) =>
    Array.from({ length: b.count }, (_, k) => ({ pos: b.pos[k], o: decodeObservation(b, k, strings) })),
  );
  values.sort((a, b) => a.pos - b.pos);
  return {
    result: out.result,
    count: out.count,
    split: second !== undefined,
    positions: values.map((v) => v.pos),
    records: values.map((v) => v.o),
    strings,
    indicatorPeriods: encoded.dictionary.indicatorPeriods,
    dictionaryCount: encoded.dictionary.count,
    regions: tally.match(undefined).rows,
    progress,
  };
}

const enc = (s: string) => new TextEncoder().encode(s);
const long = (rows: number, row: (i: number) => string, head = '地区,指标,年份,数值\n') =>
  head + Array.from({ length: rows }, (_, i) => row(i)).join('\n') + '\n';
/** Rows per case: the plan is made from the first 64 KB of text, so a part can start only after it. */
const N = 6000;
const regionOf = (i: number) => ['道里区', '南岗区', '香坊区', '平房区', '松北区'][i % 5];

/**
 * Each case (6,000 rows where made here), and whether a split in it is joined: always somewhere (true), never (false: it is
 * read again in one part), or where it falls (undefined: the forward fill).
 */
const CASES: [string, Uint8Array, boolean | undefined][] = [
  ...readdirSync(dir)
    .filter((f) => /\.(csv|txt|tsv)$/.test(f))
    .map((f): [string, Uint8Array, boolean | undefined] => [f, new Uint8Array(readFileSync(join(dir, f))), false]),
  ['plain.csv', enc(long(N, (i) => `${regionOf(i)}${Math.floor(i / 5)},面积,${2000 + (i % 20)},${i}.5`)), true],
  [
    'indicators-units.csv',
    enc(
      long(
        N,
        (i) =>
          `${regionOf(i)}${Math.floor(i / 1000)},${['GDP（亿元）', '人口', '面积'][Math.floor(i / 3000)]},${2000 + Math.floor((i % 1000) / 12)}年${(i % 12) + 1}月,${i % 17 === 0 ? '约' : ''}${i}`,
      ),
    ),
    true,
  ],
  [
    'unit-column.csv',
    enc(long(N, (i) => `${regionOf(i)}${i},产值,${2024 - (i % 3)},${i},${i % 2 ? '万元' : '亿元'}`, '地区,指标,年份,数值,单位\n')),
    true,
  ],
  ['duplicates-across.csv', enc(long(N, (i) => `区${i % 50},面积,${2000 + (i % 20)},${i}`)), false],
  ['duplicates-within-second.csv', enc(long(N, (i) => `区${i < N - 400 ? i : N - 400 + (i % 30)},面积,2024,${i}`)), true],
  ['forward-fill.csv', enc(long(N, (i) => `${i % 4 === 0 ? `区${i}` : ''},面积,${2000 + (i % 4)},${i}`)), undefined],
  ['forward-fill-period.csv', enc(long(N, (i) => `区${i},面积,${i === 0 ? 2024 : ''},${i}`)), false],
  [
    'quoted-multiline.csv',
    enc(
      long(N, (i) =>
        i % 7 === 0 ? `"道里区\n（含新区）",面积,${2000 + (i % 20)},"1,${i}0.5"` : `南岗区${i},面积,${2000 + (i % 20)},${i}`,
      ),
    ),
    false,
  ],
  ['quote-late.csv', enc(long(N, (i) => (i === N - 200 ? `"道里区",面积,2024,5` : `区${i},面积,${2000 + (i % 20)},${i}`))), false],
  ['crlf.csv', enc(long(N, (i) => `区${i},面积,${2000 + (i % 20)},${i}`).replace(/\n/g, '\r\n')), true],
  ['cr-only.csv', enc(long(N, (i) => `区${i},面积,${2000 + (i % 20)},${i}`).replace(/\n/g, '\r')), false],
  ['bom-utf8.csv', enc('\uFEFF' + long(N, (i) => `区${i},面积,${2000 + (i % 20)},${i}`)), true],
  ['bom-inside.csv', enc(long(N, (i) => `${i === 2000 ? '\uFEFF' : ''}区${i},面积,${2000 + (i % 20)},${i}`)), true],
  ['gb18030.csv', gbkBytes(long(N, (i) => `哈尔滨${i},面积,${2000 + (i % 20)},${i}`)), true],
  [
    'gbk-late-chinese.csv',
    Uint8Array.from([
      ...enc(long(N, (i) => `r${i},a,${2000 + (i % 20)},${i}`, 'region,indicator,year,value\n')),
      ...gbkBytes('哈尔滨,面积,2024,5\n'),
    ]),
    true,
  ],
  [
    'bad-bytes-late.csv',
    Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(long(N, (i) => `区${i},面积,${2000 + (i % 20)},${i}`)), 0xff, ...enc(',面积,2024,5\n')]),
    true,
  ],
  [
    'utf16.csv',
    Uint8Array.from([
      0xff,
      0xfe,
      ...Array.from(long(2000, (i) => `区${i},面积,2024,${i}`)).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]),
    false,
  ],
  ['sep-line.csv', enc('sep=;\n' + long(N, (i) => `区${i};面积;2024;${i}`, '地区;指标;年份;数值\n')), true],
  ['tabs.tsv', enc(long(N, (i) => `区${i}\t面积\t2024\t${i}`, '地区\t指标\t年份\t数值\n')), true],
  [
    'notes-wide-issues.csv',
    enc(
      '2024年主要指标\n单位：万元\n地区,2023年,2024年\n' +
        Array.from({ length: N }, (_, i) =>
          i === N - 500
            ? '注：以下为估计数。'
            : i % 400 === 0
              ? ''
              : `区${i},${i % 9 === 0 ? 'abc' : i},${i % 3 === 0 ? '—' : i + 1}${i % 700 === 0 ? ',多余' : ''}`,
        ).join('\n') +
        '\n注：数据为初步统计。\n资料来源：统计局\n',
    ),
    true,
  ],
  [
    'totals-codes.csv',
    enc(
      long(
        N,
        (i) => (i % 100 === 0 ? `合计,,面积,${1950 + i / 100},${i}` : `区${i},${230102 + (i % 10)},面积,${2000 + (i % 20)},${i}`),
        '地区,区划代码,指标,年份,数值\n',
      ),
    ),
    true,
  ],
  [
    'periods.csv',
    enc(long(N, (i) => `区${i % 300},增速,${2020 + Math.floor(i / 300)}年${(i % 12) + 1}月,${i % 5 === 0 ? '-' : ''}${i}%`)),
    true,
  ],
];

/** Where the second part's search starts: across the file, and before the plan is made. */
const FROMS = [0.02, 0.33, 0.5, 0.77, 0.95];

describe('a file read in two parts gives what one read gives', () => {
  it.each(
    CASES.flatMap(([name, bytes, joins]) =>
      [997, 4099].map((step): [string, number, Uint8Array, boolean | undefined] => [name, step, bytes, joins]),
    ),
  )(
    '%s in reads of %i bytes',
    async (name, step, bytes, joins) => {
      const before = bytes.slice();
      const one = await importOf(name, bytes, step);
      if (!one) return;
      expect(one.split).toBe(false);
      let joined = 0;
      for (const f of FROMS) {
        const two = await importOf(name, bytes, step, Math.floor(bytes.length * f));
        expect(two).toBeDefined();
        const { split, progress, ...same } = two!;
        const { split: _s, progress: _p, ...expected } = one;
        expect(same).toEqual(expected);
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
        if (split) joined++;
      }
      // The cases meant to be joined are, somewhere past the plan; the others never are.
      if (joins === true) expect(joined).toBeGreaterThan(0);
      if (joins === false) expect(joined).toBe(0);
      expect(bytes).toEqual(before);
    },
    60_000,
  );

  it('numbers the second part’s issues and source rows after the first part’s rows', async () => {
    const bytes = enc(long(N, (i) => (i === N - 100 ? `区${i},面积,2024,abc` : `区${i},面积,2024,${i}`)));
    const two = await importOf('rows.csv', bytes, 4099, bytes.length / 2);
    expect(two!.split).toBe(true);
    const issue = two!.result.issues.find((x) => x.code === 'not_a_number')!;
    expect(issue.row).toBe(N - 98);
    expect(issue.message).toContain(String(N - 98));
    expect(two!.records[N - 101].source?.row).toBe(N - 99);
    expect(two!.records[N - 100].source?.row).toBe(N - 97);
  });
});
