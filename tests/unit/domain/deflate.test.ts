import { describe, expect, it } from 'vitest';
import { crc32, deflateRawSync } from 'node:zlib';
import { asGzip, inflateRawStream } from '../../../src/domain/deflate';

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream as ReadableStream<Uint8Array<ArrayBuffer>>).text();
}

describe('raw DEFLATE on kernels without deflate-raw streams', () => {
  const original = Buffer.from('地区,指标,2024年\n道里区,保护性耕作面积,6.04万亩\n'.repeat(50));
  const body = new Uint8Array(deflateRawSync(original));

  it('a raw body wrapped as a gzip member inflates with the gzip stream (Chromium 80–102)', async () => {
    const member = asGzip(body, crc32(original), original.length);
    const out = await text(new Blob([member]).stream().pipeThrough(new DecompressionStream('gzip')));
    expect(out).toBe(original.toString());
  });

  it('a wrong CRC fails the gzip stream instead of passing damaged bytes', async () => {
    const member = asGzip(body, crc32(original) ^ 1, original.length);
    await expect(text(new Blob([member]).stream().pipeThrough(new DecompressionStream('gzip')))).rejects.toThrow();
  });

  it('inflateRawStream inflates natively where deflate-raw streams, leaving its input as it was', async () => {
    const copy = body.slice();
    expect(await text(inflateRawStream(body, { crc32: crc32(original), size: original.length }))).toBe(original.toString());
    expect(body).toEqual(copy);
  });
});
