/**
 * Documents that are broken or built to hurt: each comes back with an error (a code and a
 * sentence the UI shows) or a result, never a throw and never a hang.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/reports';
import { scannedPdfSource } from '../../fixtures/scanned-pdf';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The .docx fixture with its central directory claiming that word/document.xml inflates to 3.75 GB. */
function bombDocx(): Uint8Array {
  const bytes = fixture('daoli-000.docx').slice();
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode('word/document.xml');
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const entry = bytes.subarray(i + 46, i + 46 + nameLength);
    if (nameLength === name.length && entry.every((b, k) => b === name[k])) view.setUint32(i + 24, 0xf0000000, true);
  }
  return bytes;
}

describe('hostile and broken documents', () => {
  it('a .docx that is not a ZIP says so in a sentence', async () => {
    const r = await extractFigures({ name: '整改报告.docx', bytes: text('这不是 Word 文档，只是文字。12项') });
    expect(r).toMatchObject({ text: '', figures: [], error: { code: 'unreadable_docx' } });
    expect(r.error?.message).toContain('整改报告.docx');
  });

  it('a truncated .docx', async () => {
    const whole = fixture('daoli-000.docx');
    const r = await extractFigures({ name: 'cut.docx', bytes: whole.subarray(0, Math.floor(whole.length / 2)) });
    expect(r).toMatchObject({ text: '', figures: [], error: { code: 'unreadable_docx' } });
  });

  it('a .docx declaring gigabytes is refused before anything is inflated', async () => {
    const r = await extractFigures({ name: 'bomb.docx', bytes: bombDocx() }, { locale: 'en' });
    expect(r).toMatchObject({ text: '', figures: [], error: { code: 'too_large' } });
    expect(r.error?.message).toMatch(/too large/);
  });

  it('a file over the size limit is refused with the limit in the sentence', async () => {
    const r = await extractFigures({ name: 'big.txt', bytes: new Uint8Array(3 * 1048576) }, { maxBytes: 2 * 1048576 });
    expect(r.error).toEqual({ code: 'too_large', message: '文件太大（3.0 MB），无法读取：最多 2 MB。' });
  });

  it('a truncated PDF: an error or what could be read, never a throw', { timeout: 30_000 }, async () => {
    const whole = fixture('heilongjiang-003.pdf');
    const r = await extractFigures({ name: 'cut.pdf', bytes: whole.subarray(0, 4000) });
    expect(r.figures).toEqual([]);
    expect(r.error?.code ?? (r.scanned ? 'scanned' : 'empty')).toMatch(/unreadable_pdf|scanned|empty/);
  });

  it('a PDF that is only a header is unreadable', async () => {
    const r = await extractFigures({ name: 'x.pdf', bytes: text('%PDF-1.7\n%garbage') });
    expect(r).toMatchObject({ text: '', figures: [], error: { code: 'unreadable_pdf' } });
  });

  it('a scanned PDF (pages, no text layer) is marked, with a sentence for the UI', { timeout: 30_000 }, async () => {
    const { scannedMessage } = await import('../../../src/reports');
    const r = await extractFigures({ name: 'scan.pdf', bytes: text(scannedPdfSource()) });
    expect(r).toEqual({ text: '', figures: [], format: 'pdf', scanned: true });
    expect(scannedMessage('zh', 'scan.pdf')).toContain('扫描件');
  });

  it('a reader that takes too long is given up on', async () => {
    const r = await extractFigures({ name: 'slow.pdf', bytes: fixture('daoli-000.pdf') }, { timeoutMs: 1 });
    expect(r).toMatchObject({ text: '', figures: [], error: { code: 'timeout' } });
  });

  it('an old binary .doc is not guessed at', async () => {
    const r = await extractFigures({ name: 'old.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    expect(r.error?.code).toBe('unsupported');
  });

  it('HTML with scripts, an unclosed script and odd markup gives text only', async () => {
    const html = '<p>全年完成整改任务<b>12</b>项。</p><p onclick="alert(1)">印发倡议书500份。<img src=x onerror="window.__pwned=1"></p><!-- 99个 --><style>p{}</style><p>a < b 3个</p><script>document.write("<p>77个</p>")';
    const r = await extractFigures({ name: 'page.html', bytes: text(html) });
    expect(r.text).toBe('全年完成整改任务12项。\n印发倡议书500份。\na < b 3个');
    expect(r.figures.map((f) => f.raw)).toEqual(['12项', '500份', '3个']);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('deeply nested and unterminated tags end, in linear time', async () => {
    const html = `${'<div>'.repeat(20000)}完成12项${'<span a="'.repeat(1000)}`;
    const started = Date.now();
    const r = await extractFigures({ name: 'deep.html', bytes: text(html) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.figures.map((f) => f.value)).toEqual([12]);
  });

  it('the caller’s bytes are not changed', async () => {
    const bytes = fixture('daoli-000.docx');
    const copy = bytes.slice();
    await extractFigures({ name: 'r.docx', bytes });
    expect(bytes).toEqual(copy);
  });
});
