import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from '../../../src/export/payload';

const sample = {
  spec: { version: 1, kind: 'trend', indicator: '保护性耕作面积', title: '</script><img src=x onerror=alert(1)>' },
  observations: [
    { region: '哈尔滨市道里区', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩' },
    { region: 'javascript:alert(1)', period: '2023', value: -3.5, unit: '%' },
  ],
  emoji: '😀\u2028\u2029',
};

describe('encodePayload / decodePayload', () => {
  it.each([true, false])('round-trips exactly (compress: %s)', async (compress) => {
    const text = await encodePayload(sample, { compress });
    expect(text.startsWith(compress ? 'g.' : 'j.')).toBe(true);
    expect(text).toMatch(/^[gj]\.[A-Za-z0-9_-]*$/);
    expect(await decodePayload(text)).toEqual({ ok: true, value: sample });
  });

  it('still reads a deflate-raw (d.) link made before gzip', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const text = 'd.' + deflateRawSync(Buffer.from(JSON.stringify(sample))).toString('base64url');
    expect(await decodePayload(text)).toEqual({ ok: true, value: sample });
  });

  it('compresses repetitive data', async () => {
    const big = { rows: Array.from({ length: 2000 }, (_, i) => ({ region: '哈尔滨市道里区', period: '2024', value: i })) };
    const plain = await encodePayload(big, { compress: false });
    const packed = await encodePayload(big);
    expect(packed.length * 5).toBeLessThan(plain.length);
    expect(await decodePayload(packed)).toEqual({ ok: true, value: big });
  });

  it('keeps __proto__ a plain key and pollutes nothing', async () => {
    const text = 'j.' + Buffer.from('{"__proto__":{"polluted":1},"a":1}').toString('base64url');
    const result = await decodePayload(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const bad: { name: string; text: string }[] = [
    { name: 'an empty string', text: '' },
    { name: 'an unknown prefix', text: 'x.eyJhIjoxfQ' },
    { name: 'characters outside base64url', text: 'j.eyJhIjox fQ==' },
    { name: 'bytes that are not JSON', text: 'j.' + Buffer.from('{oops').toString('base64url') },
    { name: 'bytes that are not UTF-8', text: 'j.' + Buffer.from([0x22, 0xff, 0x22]).toString('base64url') },
    { name: 'compressed garbage', text: 'g.AAAA' },
    { name: 'deflate-raw garbage', text: 'd.AAAA' },
  ];
  it.each(bad)('says $name is invalid without throwing', async ({ text }) => {
    expect(await decodePayload(text)).toEqual({ ok: false, errors: ['嵌入数据无法读取，可能已损坏或被截断。'] });
  });

  it('rejects a truncated compressed payload', async () => {
    const text = await encodePayload(sample);
    const result = await decodePayload(text.slice(0, text.length - 8), { locale: 'en' });
    expect(result.ok).toBe(false);
  });

  it('stops inflating a deflate bomb at the size limit', async () => {
    const bomb = await encodePayload({ s: '0'.repeat(5_000_000) });
    expect(bomb.length).toBeLessThan(20_000);
    const result = await decodePayload(bomb, { maxBytes: 1_000_000 });
    expect(result).toEqual({ ok: false, errors: ['嵌入数据过大（超过 1000000 字节）。'] });
  });

  it('refuses an oversized plain payload before decoding it', async () => {
    const text = await encodePayload({ s: 'x'.repeat(2000) }, { compress: false });
    expect((await decodePayload(text, { maxBytes: 1000 })).ok).toBe(false);
  });

  it('does not mutate its input', async () => {
    const copy = structuredClone(sample);
    await encodePayload(sample);
    expect(sample).toEqual(copy);
  });
});
