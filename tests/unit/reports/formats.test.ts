/**
 * The same report as text in every encoding, as HTML saved from a website, as Word and as PDF
 * gives the same figures. The .docx and .pdf are made from the seed text by
 * tests/fixtures/reports/make-report-fixtures.mjs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures, formatOf, type ExtractResult } from '../../../src/reports';
import { gbkBytes } from '../ingest/gbk';
import { seedText } from './seed-corpus';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url)));
const key = (r: ExtractResult): string[] => r.figures.map((f) => `${f.value} ${f.unit} ${f.kind}`);
const FIXTURES = [
  ['daoli-000', '000_a9b7e2dc52ccbf64.txt'],
  ['heilongjiang-003', '003_858e54f338d6e44c.txt'],
] as const;

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('a report in every encoding', () => {
  const text = seedText('003_858e54f338d6e44c.txt');
  const utf8 = new TextEncoder().encode(text);
  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
    ['GB18030', gbkBytes(text)],
    ['UTF-16LE with BOM', utf16(text, true)],
    ['UTF-16BE with BOM', utf16(text, false)],
  ])('%s reads as the UTF-8 text does', async (_name, bytes) => {
    const plain = await extractFigures({ name: 'r.txt', bytes: utf8 });
    const other = await extractFigures({ name: 'r.txt', bytes });
    expect(other.text).toBe(plain.text);
    expect(key(other)).toEqual(key(plain));
    expect(plain.figures.length).toBeGreaterThan(40);
  });
});

describe('a report saved from a website (.html)', () => {
  it('gives the text’s figures; scripts, styles and tags never reach the text', async () => {
    const text = seedText('000_a9b7e2dc52ccbf64.txt');
    const paragraphs = text.split('\n').filter((l) => l.trim() !== '');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>道里区巡察整改进展</title>
      <style>p { color: red } .x:before { content: "99个" }</style>
      <script>var figures = "<p>12345个</p>"; window.__pwned = 1;</script></head>
      <body><div class="nav">首页 &gt; 通知公告</div>
      ${paragraphs.map((p) => `<p style="text-indent:2em">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
      <script type="text/javascript">document.write('<p>888个</p>')</script></body></html>`;
    const plain = await extractFigures({ name: 'r.txt', bytes: new TextEncoder().encode(text) });
    const page = await extractFigures({ name: 'r.html', bytes: new TextEncoder().encode(html) });
    expect(page.format).toBe('html');
    expect(key(page)).toEqual(key(plain));
    expect(page.text).not.toMatch(/<|window|figures|color/);
    expect(page.text.split('\n').slice(0, 2)).toEqual(['道里区巡察整改进展', '首页 > 通知公告']);
  });
});

describe('the same reports as Word and as PDF', () => {
  it.each(FIXTURES)('%s.docx gives the text’s figures, its table as a row', async (name, seed) => {
    const plain = await extractFigures({ name: seed, bytes: new TextEncoder().encode(seedText(seed)) });
    const docx = await extractFigures({ name: `${name}.docx`, bytes: fixture(`${name}.docx`) });
    expect(docx.error).toBeUndefined();
    expect(docx.format).toBe('docx');
    expect(key(docx)).toEqual(key(plain));
    // The indicators too: the words around each figure survive the trip.
    expect(docx.figures.map((f) => f.indicator)).toEqual(plain.figures.map((f) => f.indicator));
    expect(docx.text).toMatch(/\n发文单位\t/);
  });

  it.each(FIXTURES)('%s.pdf gives the text’s figures', { timeout: 30_000 }, async (name, seed) => {
    const plain = await extractFigures({ name: seed, bytes: new TextEncoder().encode(seedText(seed)) });
    const bytes = fixture(`${name}.pdf`);
    const before = bytes.slice();
    const pdf = await extractFigures({ name: `${name}.pdf`, bytes });
    expect(pdf.error).toBeUndefined();
    expect(pdf.scanned).toBeUndefined();
    expect(key(pdf)).toEqual(key(plain));
    expect(pdf.figures.map((f) => f.indicator)).toEqual(plain.figures.map((f) => f.indicator));
    // Lines of a paragraph are joined without spaces between CJK characters, and the
    // radicals some PDF writers put for 龙 and 长 are read as those characters.
    expect(pdf.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(pdf.text).not.toMatch(/[\u2e80-\u2eff]/);
    // The caller's bytes are untouched (pdf.js is given a copy to transfer).
    expect(bytes).toEqual(before);
  });

  it('the fixtures stay small enough to commit', () => {
    for (const [name] of FIXTURES) {
      expect(fixture(`${name}.docx`).length).toBeLessThan(50_000);
      expect(fixture(`${name}.pdf`).length).toBeLessThan(700_000);
    }
  });
});

describe('formatOf', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
  it.each([
    ['report.pdf', '%PDF-1.7\n', 'pdf'],
    ['report.txt', '%PDF-1.4\n', 'pdf'],
    ['report.docx', 'PK\u0003\u0004', 'docx'],
    ['report.bin', 'PK\u0003\u0004', 'docx'],
    ['report.html', '全年完成12项', 'html'],
    ['report.txt', '<!DOCTYPE html><p>全年完成12项</p>', 'html'],
    ['report.txt', '全年完成12项', 'txt'],
    ['report.docx', 'not a zip', 'docx'],
  ])('%s starting %j → %s', (name, head, format) => {
    expect(formatOf(name, bytes(head))).toBe(format);
  });
});
