import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/ingest/decode';
import { gbkBytes } from './gbk';

/** 200 000 rows over 3000 regions: 67 distinct months, each region once per month. */
const month = (n: number): string => `${2000 + Math.floor(n / 12)}年${(n % 12) + 1}月`;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('decodeBytes', () => {
  const text = '地区,2024年\n道里区,6.04万亩\n';
  it.each([
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8'],
    ['UTF-8 without BOM', utf8(text), 'utf-8'],
    ['UTF-16LE with BOM', utf16(text, true, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(text, false, true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(text, true, false), 'utf-16le'],
    ['GBK (no BOM, not valid UTF-8)', gbkBytes(text), 'gb18030'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });

  it('follows an encoding the user chose', () => {
    expect(decodeBytes(gbkBytes(text), 'GBK')).toEqual({ text, encoding: 'gb18030' });
  });

  it('decodes a large Chinese CSV in small slices without corrupting characters split across slices', () => {
    const regions = Array.from({ length: 3000 }, (_, i) => `测试区${String(i).padStart(4, '0')}镇`);
    const lines = ['地区,指标,年份,数值'];
    for (let i = 0; i < 200_000; i++) lines.push(`${regions[i % 3000]},保护性耕作面积,${month(Math.floor(i / 3000))},${i % 97}.5万亩`);
    const source = lines.join('\n');
    for (const bytes of [utf8(source), gbkBytes(source)]) {
      // 4099 bytes: an odd size, so most slice ends fall inside a multi-byte character.
      const { text: decoded } = decodeBytes(bytes, undefined, 4099);
      expect(decoded.includes('\uFFFD')).toBe(false);
      const rows = decoded.split('\n').slice(1).map((l) => l.split(','));
      expect(new Set(rows.map((r) => r[0])).size).toBe(3000);
      expect(new Set(rows.map((r) => r[2])).size).toBe(67);
      expect(decoded).toBe(source);
    }
  }, 60_000);

  it('input is not mutated', () => {
    const bytes = utf16(text, true, true);
    const copy = bytes.slice();
    decodeBytes(bytes);
    expect(bytes).toEqual(copy);
  });
});
