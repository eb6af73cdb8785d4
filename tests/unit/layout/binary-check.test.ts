import { describe, expect, it } from 'vitest';
import { binaryKind } from '../../../src/ingest/binary-check';
import { ingest } from '../../../src/ingest/index';
import type { IngestFormat } from '../../../src/ingest/types';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const noise = Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256);
const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);

describe('binaryKind', () => {
  const cases: [string, Uint8Array, IngestFormat, string | undefined][] = [
    ['a CSV', bytes('地区,时期,数值\n道里区,2024,6.04\n'), 'csv', undefined],
    ['GB18030 text (high bytes are not control bytes)', bytes([0xb5, 0xc0, 0xc0, 0xef, 0xc7, 0xf8, 0x2c, 0x31, 0x0d, 0x0a]), 'csv', undefined],
    ['UTF-16 with a BOM', bytes([0xff, 0xfe], utf16le('a,b\n1,2\n')), 'csv', undefined],
    ['UTF-16 without a BOM', bytes(utf16le('地区,数值\nabc,1\nabd,2\n')), 'csv', undefined],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], noise), 'csv', 'PNG'],
    ['a PDF', bytes('%PDF-1.7\n', noise), 'txt', 'PDF'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], noise), 'json', 'JPEG'],
    ['a Windows program', bytes('MZ', [0x90, 0, 3, 0, 0, 0], noise), 'csv', 'EXE'],
    ['text starting with MZ', bytes('MZ地区,数值\n道里区,1\n'), 'csv', undefined],
    ['zeros anywhere', bytes('a,b\n', [0, 0, 0, 7, 0, 1], noise), 'csv', 'binary'],
    ['many control bytes', bytes(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 1 : 0x41))), 'csv', 'binary'],
    ['a workbook is not checked', bytes([0x50, 0x4b, 0x03, 0x04], noise), 'xlsx', undefined],
  ];
  it.each(cases)('%s', (_name, input, format, expected) => {
    expect(binaryKind(input, format)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const input = bytes([0x89, 0x50, 0x4e, 0x47], noise);
    const copy = input.slice();
    binaryKind(input, 'csv');
    expect(input).toEqual(copy);
  });
});

describe('ingest of a binary file named .csv', () => {
  it('gives one file-level issue that names the kind and quotes no bytes', async () => {
    const result = await ingest({ name: '图表.csv', bytes: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], noise) });
    expect(result.records).toHaveLength(0);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.code).toBe('not_text');
    expect(result.issues[0]!.message).toContain('PNG');
    // eslint-disable-next-line no-control-regex -- control characters are what must not show
    expect(result.issues[0]!.message).not.toMatch(/[\uFFFD\u0000-\u0008]/);
  });
});
