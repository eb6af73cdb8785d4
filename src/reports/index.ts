/**
 * Figures straight from a report. `extractFigures` reads a .txt, .html, .docx or .pdf and finds
 * every figure with its sentence; it never throws and never renders the document. Pure: runs in
 * Node (tests) and in the browser (a page or a Web Worker). See docs/reports.md.
 */
import { translate } from '../domain/messages';
import '../domain/messages/reports-part';
import { decodeBytes } from '../ingest/decode';
import { findFigures } from './find-figures';
import { htmlToText } from './html-text';
import { DocxError, readDocx } from './read-docx';
import { PdfPasswordError, PdfTimeoutError, readPdf } from './read-pdf';
import type { ExtractError, ExtractOptions, ExtractResult } from './types';

export type { ExtractError, ExtractOptions, ExtractResult, Figure, FigurePeriod, FigureRegion, FigureTarget } from './types';

/** Documents over this many bytes are refused (a report is rarely over 10 MB). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

type Format = ExtractResult['format'];

function startsWith(bytes: Uint8Array, text: string, at = 0): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * What a file is, by its first bytes, else by its name: a PDF may have junk before `%PDF-`
 * (pdf.js looks in the first 1024 bytes), a .docx is a ZIP; text that starts with a tag is HTML.
 * @example formatOf('a.txt', new TextEncoder().encode('%PDF-1.7')) // 'pdf'
 */
export function formatOf(name: string, bytes: Uint8Array): Format {
  const lower = name.toLowerCase();
  for (let i = 0; i + 5 <= Math.min(bytes.length, 1024); i++) if (bytes[i] === 0x25 && startsWith(bytes, '%PDF-', i)) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) return 'docx';
  if (/\.pdf$/.test(lower)) return 'pdf';
  if (/\.(docx|docm|wps)$/.test(lower)) return 'docx';
  if (/\.(html?|xhtml|mht)$/.test(lower)) return 'html';
  if (/\.(txt|text|md|csv)$/.test(lower) || lower.indexOf('.') < 0) return sniffHtml(bytes) ? 'html' : 'txt';
  // An old binary .doc (OLE2) or anything else with NUL bytes is not text.
  if (startsWith(bytes, '\u00d0\u00cf\u0011\u00e0')) return 'unknown';
  return sniffHtml(bytes) ? 'html' : 'txt';
}

function sniffHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|meta|div|p[ >]|table|\?xml[^>]*>\s*<html)/.test(head);
}

function failure(format: Format, code: ExtractError['code'], locale: 'zh' | 'en', params: Record<string, string | number>): ExtractResult {
  return { text: '', figures: [], format, error: { code, message: translate(locale, `reports.extract.${code}`, params) } };
}

/** Resolves with `fallback` after `ms`, so that a stuck reader never hangs the caller. */
function timeout<T>(ms: number, fallback: () => T): { promise: Promise<T>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function readText(format: Format, bytes: Uint8Array, options: ExtractOptions, deadline: number): Promise<{ text: string; scanned?: boolean }> {
  if (format === 'pdf') {
    const pdf = await readPdf(bytes, { workerSrc: options.pdfWorkerSrc, maxPages: options.maxPages, deadline });
    return pdf.scanned ? { text: '', scanned: true } : { text: pdf.text };
  }
  if (format === 'docx') return { text: await readDocx(bytes) };
  const decoded = decodeBytes(bytes).text;
  // Text as the lines say: CR LF and lone CR (old Mac, some exports) are line breaks too.
  const text = decoded.replace(/\r\n?/g, '\n');
  return { text: format === 'html' ? htmlToText(text) : text };
}

/**
 * Read a report and find its figures. Never throws: an unreadable document comes back with
 * `error` (a code and a sentence the UI shows as it is), text '' and no figures; a scanned PDF
 * with `scanned: true`.
 * @example
 * const { text, figures } = await extractFigures({ name: '整改.txt', bytes });
 * figures[0] // { value: 60400, unit: '亩', displayUnit: '万亩', kind: 'level', indicator: '保护性耕作面积', sentence, start, … }
 */
export async function extractFigures(input: { name: string; bytes: Uint8Array }, options: ExtractOptions = {}): Promise<ExtractResult> {
  const locale = options.locale ?? 'zh';
  const { name, bytes } = input;
  const max = options.maxBytes ?? MAX_REPORT_BYTES;
  const format = formatOf(name, bytes);
  if (bytes.length > max) {
    return failure(format, 'too_large', locale, { size: (bytes.length / 1048576).toFixed(1), max: Math.round(max / 1048576) });
  }
  if (format === 'unknown') return failure(format, 'unsupported', locale, { name });

  const ms = options.timeoutMs ?? TIMEOUT_MS;
  const deadline = Date.now() + ms;
  const limit = timeout(ms, () => failure(format, 'timeout', locale, { name, seconds: Math.round(ms / 1000) }));
  const work = (async (): Promise<ExtractResult> => {
    try {
      const read = await readText(format, bytes, options, deadline);
      if (read.scanned) return { text: '', figures: [], format, scanned: true };
      const found = findFigures(read.text);
      const result: ExtractResult = { text: read.text, figures: found.figures, format };
      if (found.documentRegion) result.documentRegion = found.documentRegion;
      if (found.documentPeriod) result.documentPeriod = found.documentPeriod;
      return result;
    } catch (e) {
      if (e instanceof PdfPasswordError) return failure(format, 'encrypted_pdf', locale, { name });
      if (e instanceof PdfTimeoutError) return failure(format, 'timeout', locale, { name, seconds: Math.round(ms / 1000) });
      if (e instanceof DocxError && e.reason === 'too_large') return failure(format, 'too_large', locale, { size: '>200', max: 200 });
      if (e instanceof RangeError && /^pages:/.test(e.message)) return failure(format, 'too_many_pages', locale, { pages: e.message.slice(6), max: options.maxPages ?? 500 });
      return failure(format, format === 'pdf' ? 'unreadable_pdf' : format === 'docx' ? 'unreadable_docx' : 'unsupported', locale, { name });
    }
  })();
  try {
    return await Promise.race([work, limit.promise]);
  } finally {
    limit.cancel();
  }
}

/**
 * The sentence a UI shows for a scanned PDF (`scanned: true`), in the chosen language.
 * @example scannedMessage('zh', '报告.pdf') // '“报告.pdf”是扫描件，没有文字层…'
 */
export function scannedMessage(locale: 'zh' | 'en', name: string): string {
  return translate(locale, 'reports.extract.scanned', { name });
}
