import { describe, expect, it } from 'vitest';
import { inflateEntry, listZipEntries, ZipEntryTooLarge } from '../../../src/ingest/zip-entries';
import { zipParts } from '../../fixtures/zip-parts.mjs';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('zip entries', () => {
  it('lists entries and inflates deflated and stored ones', async () => {
    const big = '<row>道里区</row>'.repeat(5000);
    const bytes = zipParts({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': big }, ['xl/workbook.xml']);
    const entries = listZipEntries(bytes);
    expect([...(entries?.keys() ?? [])]).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(entries?.get('xl/workbook.xml')?.method).toBe(0);
    const sheet = entries?.get('xl/worksheets/sheet1.xml');
    expect(sheet?.method).toBe(8);
    expect(text(await inflateEntry(bytes, entries!.get('xl/workbook.xml')!))).toBe('<workbook/>');
    expect(text(await inflateEntry(bytes, sheet!))).toBe(big);
  });

  it('reports progress while a large entry inflates, rising, in bytes out of the declared size', async () => {
    const big = '<row r="1"><c><v>6.04</v></c></row>'.repeat(400_000); // ~14 MB
    const bytes = zipParts({ 'xl/worksheets/sheet1.xml': big });
    const sheet = listZipEntries(bytes)!.get('xl/worksheets/sheet1.xml')!;
    const seen: [number, number][] = [];
    expect(text(await inflateEntry(bytes, sheet, undefined, (done, total) => seen.push([done, total])))).toBe(big);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < seen.length; i++) {
      expect(seen[i][1]).toBe(big.length);
      expect(seen[i][0]).toBeLessThanOrEqual(big.length);
      if (i > 0) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
    }
  });

  it('finds the end record behind a comment', () => {
    const bytes = zipParts({ a: 'x' });
    const withComment = new Uint8Array(bytes.length + 5);
    withComment.set(bytes);
    new DataView(withComment.buffer).setUint16(bytes.length - 2, 5, true);
    expect(listZipEntries(withComment)?.has('a')).toBe(true);
  });

  it('declines what is not a plain zip: no end record, encrypted entries, ZIP64 markers', () => {
    expect(listZipEntries(new TextEncoder().encode('地区,2024'))).toBeUndefined();
    const encrypted = zipParts({ a: 'x' });
    const cd = encrypted.length - 22 - 47;
    new DataView(encrypted.buffer).setUint16(cd + 8, 1, true);
    expect(listZipEntries(encrypted)).toBeUndefined();
    const zip64 = zipParts({ a: 'x' });
    new DataView(zip64.buffer).setUint32(zip64.length - 22 + 16, 0xffffffff, true);
    expect(listZipEntries(zip64)).toBeUndefined();
  });

  it('a damaged entry throws (the caller falls back to SheetJS)', async () => {
    const bytes = zipParts({ a: 'x'.repeat(1000) });
    const entry = listZipEntries(bytes)!.get('a')!;
    bytes[0] = 0;
    await expect(inflateEntry(bytes, entry)).rejects.toThrow(/local header/);
  });

  it('input is not mutated', async () => {
    const bytes = zipParts({ a: 'x'.repeat(100) });
    const copy = bytes.slice();
    await inflateEntry(bytes, listZipEntries(bytes)!.get('a')!);
    expect(bytes).toEqual(copy);
  });
});

describe('inflate limit', () => {
  it('stops an entry that inflates past the limit, even when its declared size says less', async () => {
    const bytes = zipParts({ bomb: '0'.repeat(2_000_000) });
    const entry = listZipEntries(bytes)!.get('bomb')!;
    await expect(inflateEntry(bytes, entry, 1_000_000)).rejects.toBeInstanceOf(ZipEntryTooLarge);
    await expect(inflateEntry(bytes, { ...entry, size: 10 }, 1_000_000)).rejects.toBeInstanceOf(ZipEntryTooLarge);
    const stored = zipParts({ s: '0'.repeat(100) }, ['s']);
    await expect(inflateEntry(stored, listZipEntries(stored)!.get('s')!, 10)).rejects.toBeInstanceOf(ZipEntryTooLarge);
  });

  it('reads an entry whose declared size is short or long', async () => {
    const text = '道里区'.repeat(30_000);
    const bytes = zipParts({ a: text });
    const entry = listZipEntries(bytes)!.get('a')!;
    expect(new TextDecoder().decode(await inflateEntry(bytes, { ...entry, size: 7 }))).toBe(text);
    expect(new TextDecoder().decode(await inflateEntry(bytes, { ...entry, size: entry.size + 1000 }))).toBe(text);
  });
});
