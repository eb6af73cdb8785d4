import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest';
import { ingestStream, streamedFormat, type ByteSource } from '../../../src/ingest/ingest-stream';
import type { Observation } from '../../../src/domain/types';
import { toObservation, type ObservationFields } from '../../../src/ingest/normalize';
import { gbkBytes } from './gbk';

const dir = join(__dirname, '../../fixtures');

/** The bytes as a file read in pieces. */
function source(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

/**
 * Read `step` bytes at a time, so that pieces end anywhere: inside a character, a quote, a line.
 * `fields`: take each record as the walk's fields (as the import worker does), made into an
 * object here only to compare it.
 */
async function streamed(name: string, bytes: Uint8Array, step: number, fields = false) {
  const head = bytes.subarray(0, 4096);
  const format = streamedFormat(name, head);
  if (!format) return undefined;
  let records: Observation[] = [];
  const progress: number[] = [];
  const sink = {
    ...(fields ? { fields: (f: ObservationFields) => records.push(toObservation(f)) } : { records: (rs: Observation[]) => (records = records.concat(rs)) }),
    restart: () => {
      // Read again from the start as GB18030: what came before is dropped, progress starts over.
      records = [];
      progress.length = 0;
    },
  };
  const out = await ingestStream(name, format, source(bytes), { onProgress: (done) => progress.push(done) }, sink, step);
  return { ...out, records, progress };
}

const enc = (s: string) => new TextEncoder().encode(s);
const long = (rows: number, row: (i: number) => string, head = '地区,指标,年份,数值\n') => head + Array.from({ length: rows }, (_, i) => row(i)).join('\n') + '\n';

const CASES: [string, Uint8Array][] = [
  ...readdirSync(dir)
    .filter((f) => /\.(csv|txt|tsv)$/.test(f))
    .map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(join(dir, f)))]),
  ['quoted-multiline.csv', enc(long(3000, (i) => (i % 7 === 0 ? `"道里区\n（含新区）",面积,${2000 + (i % 20)},"1,${i}0.5"` : `南岗区${i},面积,${2000 + (i % 20)},${i}`)))],
  ['stray-quote-mid-field.csv', enc(long(2500, (i) => (i === 1500 ? `道"里区,面积,2024,5` : `区${i},面积,${2000 + (i % 20)},${i}`)))],
  ['unbalanced-late.csv', enc(long(2500, (i) => (i === 2200 ? `"道里区,面积,2024,5` : `区${i},面积,${2000 + (i % 20)},${i}`)))],
  ['crlf-duplicates.csv', enc(long(3000, (i) => `区${i % 50},面积,${2000 + (i % 20)},${i}`, '地区,指标,年份,数值\r\n').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n'))],
  ['gbk-late-chinese.csv', Uint8Array.from([...enc(long(2000, (i) => `r${i},a,${2000 + (i % 20)},${i}`, 'region,indicator,year,value\n')), ...gbkBytes('哈尔滨,面积,2024,5\n')])],
  ['sep-line.csv', enc('sep=;\n' + long(1500, (i) => `区${i};面积;2024;${i}`, '地区;指标;年份;数值\n'))],
  ['blank-start.csv', enc('\n'.repeat(1500) + long(10, (i) => `区${i},面积,2024,${i}`))],
  ['all-blank.csv', enc('\n\n,,\n')],
  ['empty.csv', new Uint8Array(0)],
  ['notes-and-wide.csv', enc('2024年主要指标\n单位：万元\n地区,2023年,2024年\n' + Array.from({ length: 1500 }, (_, i) => `区${i},${i},${i % 3 === 0 ? '—' : i + 1}`).join('\n') + '\n注：数据为初步统计。\n')],
];

describe('ingestStream reads a file in pieces as ingest reads it whole', () => {
  // Reads of 4,099 bytes hand the records on as the walk's fields, the others as objects.
  it.each(CASES.flatMap(([name, bytes]) => [7, 4099, 65_536].map((step): [string, number, Uint8Array] => [name, step, bytes])))(
    '%s in reads of %i bytes',
    async (name, step, bytes) => {
      const before = bytes.slice();
      const whole = await ingest({ name, bytes });
      const out = await streamed(name, bytes, step, step === 4099);
      expect(out).toBeDefined();
      expect(out!.records).toEqual(whole.records);
      expect(out!.count).toBe(whole.records.length);
      expect(out!.result).toEqual({ ...whole, records: whole.records.slice(0, 200) });
      // Progress only goes forward (since the last start) and ends at the file's size.
      expect(out!.progress).toEqual([...out!.progress].sort((a, b) => a - b));
      if (bytes.length > 0) expect(out!.progress[out!.progress.length - 1]).toBe(bytes.length);
      // The input is not mutated.
      expect(bytes).toEqual(before);
    },
    60_000,
  );
});

describe('streamedFormat', () => {
  it.each([
    ['a.csv', enc('地区,值\n'), 'csv'],
    ['a.txt', enc('地区\t值\n'), 'txt'],
    ['a.xls', enc('地区\t值\n'), 'tsv'],
    ['a.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), undefined],
    ['a.json', enc('[{"a":1}]'), undefined],
    ['a.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), undefined],
  ])('%s', (name, head, expected) => {
    expect(streamedFormat(name, head)).toBe(expected);
  });
});
