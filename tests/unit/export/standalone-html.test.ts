import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildStandaloneHtml,
  escapeHtml,
  jsonForScript,
  readStandalonePayload,
  type StandaloneHtmlInput,
} from '../../../src/export/standalone-html';

const hostile = '</script><img src=x onerror=alert(1)>';
const payload = {
  spec: { version: 1, kind: 'trend', indicator: hostile, title: '<!-- <script>alert(1)</script>' },
  observations: [{ region: 'a&b "c" \u2028\u2029 </SCRIPT >', period: '2024', value: -3.5, unit: '亩' }],
};
const input: StandaloneHtmlInput = {
  title: `耕地 ${hostile}`,
  lang: 'zh-CN',
  scriptText: 'const p = JSON.parse(document.getElementById("payload").textContent); document.title = "</script>" + p;',
  payload,
};

/** Per the HTML tokenizer, script data ends at `</script` followed by white space, `/` or `>`, in any case. */
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('buildStandaloneHtml', () => {
  it('round-trips a payload that tries to break out of its element', async () => {
    const html = await buildStandaloneHtml(input);
    expect(readStandalonePayload(html)).toEqual(payload);
  });

  it('has exactly the payload element and the module script, and nothing else', async () => {
    const html = await buildStandaloneHtml(input);
    expect(count(html, /<script/gi)).toBe(2);
    expect(count(html, /<\/script[\s/>]/gi)).toBe(2);
    expect(count(html, /<img/gi)).toBe(0);
    expect(count(html, /<!--/g)).toBe(0);
    expect(html).toContain('<script type="application/json" id="payload">');
    expect(html).toContain('<script type="module">');
    expect(html.indexOf('id="payload"')).toBeLessThan(html.indexOf('type="module"'));
  });

  it('allows only the inline script, by its SHA-256 hash, and no network', async () => {
    const html = await buildStandaloneHtml(input);
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1];
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('escapes </script inside the code so it stays one element', async () => {
    const html = await buildStandaloneHtml(input);
    expect(html).toContain('document.title = "\\x3C/script>" + p;');
  });

  it('escapes the title', async () => {
    const html = await buildStandaloneHtml(input);
    expect(html).toContain('<title>耕地 &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</title>');
  });

  it.each([
    { lang: 'en', out: 'en' },
    { lang: 'zh-Hans-CN', out: 'zh-Hans-CN' },
    { lang: '"><script>', out: 'zh-CN' },
  ])('writes lang $lang as $out', async ({ lang, out }) => {
    expect(await buildStandaloneHtml({ ...input, lang })).toContain(`<html lang="${out}">`);
  });

  it('embeds a stylesheet that cannot end its element early', async () => {
    const html = await buildStandaloneHtml({ ...input, styleText: 'body{margin:0}</style><script>' });
    expect(count(html, /<\/style/gi)).toBe(1);
    // The payload, the module, and the literal text "<script>" inside the style, which is raw text there.
    expect(count(html, /<script/gi)).toBe(3);
    expect(html).toContain('<style>body{margin:0}<\\/style><script></style>');
  });

  it('refuses a payload that is not JSON', async () => {
    await expect(buildStandaloneHtml({ ...input, payload: undefined })).rejects.toThrow(TypeError);
  });

  it('does not mutate its input', async () => {
    const copy = structuredClone(input);
    await buildStandaloneHtml(input);
    expect(input).toEqual(copy);
  });
});

describe('jsonForScript and escapeHtml', () => {
  it('escapes < > & U+2028 U+2029 and still parses to the same value', () => {
    const value = { s: '<&>\u2028\u2029' };
    const json = jsonForScript(value);
    expect(json).toBe('{"s":"\\u003c\\u0026\\u003e\\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
