import { describe, expect, it } from 'vitest';
import {
  buildEmbedUrl,
  buildIframeSnippet,
  makeResizeMessage,
  readEmbedFragment,
  readResizeMessage,
  RESIZE_MESSAGE_TYPE,
} from '../../../src/export/embed-snippet';

describe('buildEmbedUrl / readEmbedFragment', () => {
  it('puts the payload in the fragment and reads it back', () => {
    const url = buildEmbedUrl('https://stats.example.gov.cn/app/embed.html?x=1', 'd.ab-_c');
    expect(url).toBe('https://stats.example.gov.cn/app/embed.html?x=1#p=d.ab-_c');
    expect(readEmbedFragment(new URL(url).hash)).toBe('d.ab-_c');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url'])('refuses %s as the embed page', (page) => {
    expect(() => buildEmbedUrl(page, 'j.e30')).toThrow(TypeError);
  });

  it.each([
    { hash: '', out: undefined },
    { hash: '#', out: undefined },
    { hash: '#p=', out: undefined },
    { hash: '#q=1&p=j.e30', out: 'j.e30' },
  ])('reads $hash as $out', ({ hash, out }) => {
    expect(readEmbedFragment(hash)).toBe(out);
  });
});

describe('resize messages', () => {
  it.each([
    { height: 412.2, out: 413 },
    { height: -5, out: 0 },
    { height: 1e9, out: 20000 },
  ])('makes a message for $height', ({ height, out }) => {
    expect(makeResizeMessage(height)).toEqual({ type: RESIZE_MESSAGE_TYPE, height: out });
  });

  const origin = 'http://127.0.0.1:4173';
  it.each([
    { name: 'the exact origin', event: { origin, data: makeResizeMessage(400) }, out: 400 },
    { name: 'another port', event: { origin: 'http://127.0.0.1:4174', data: makeResizeMessage(400) }, out: undefined },
    { name: 'a prefix-matching origin', event: { origin: 'http://127.0.0.1:41730', data: makeResizeMessage(400) }, out: undefined },
    { name: 'the null origin', event: { origin: 'null', data: makeResizeMessage(400) }, out: undefined },
    { name: 'another type', event: { origin, data: { type: 'x', height: 400 } }, out: undefined },
    { name: 'a height given as text', event: { origin, data: { type: RESIZE_MESSAGE_TYPE, height: '400' } }, out: undefined },
    { name: 'a huge height', event: { origin, data: { type: RESIZE_MESSAGE_TYPE, height: 1e7 } }, out: undefined },
    { name: 'a string message', event: { origin, data: 'resize' }, out: undefined },
  ])('reads a message from $name', ({ event, out }) => {
    expect(readResizeMessage(event, origin)).toBe(out);
  });
});

describe('buildIframeSnippet', () => {
  const src = buildEmbedUrl('https://stats.example.gov.cn/embed.html', 'j.e30');

  it('writes one iframe and one listener bound to the exact origin', () => {
    const html = buildIframeSnippet({ src, title: '耕地面积', height: 360 });
    expect(html.match(/<iframe/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('src="https://stats.example.gov.cn/embed.html#p=j.e30"');
    expect(html).toContain('height="360"');
    expect(html).toContain('o="https://stats.example.gov.cn"');
    expect(html).toContain('e.origin!==o||e.source!==f.contentWindow');
    expect(html).not.toContain("'*'");
  });

  it('escapes a hostile title', () => {
    const html = buildIframeSnippet({ src, title: '"><script>alert(1)</script>' });
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('gives different charts different ids', () => {
    const a = buildIframeSnippet({ src, title: 'a' });
    const b = buildIframeSnippet({ src: buildEmbedUrl('https://stats.example.gov.cn/embed.html', 'j.e31'), title: 'a' });
    expect(/id="([^"]+)"/.exec(a)![1]).not.toBe(/id="([^"]+)"/.exec(b)![1]);
  });

  it('refuses a non-http source', () => {
    expect(() => buildIframeSnippet({ src: 'javascript:alert(1)', title: 'x' })).toThrow(TypeError);
  });

  it('does not mutate its input', () => {
    const input = { src, title: 't', height: 300 };
    const copy = structuredClone(input);
    buildIframeSnippet(input);
    expect(input).toEqual(copy);
  });
});
