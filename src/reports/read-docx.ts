/**
 * A Word (.docx) report → text, with mammoth (loaded only when a .docx is opened): converted to
 * HTML so that headings stay paragraphs and tables stay rows, then read by our own tokenizer.
 * The archive is checked first, from its central directory, so that what is not a .docx, or a
 * .docx that would inflate to gigabytes, is refused before anything is inflated.
 */
import { listZipEntries } from '../ingest/zip-entries';
import { htmlToText } from './html-text';

/** Why a .docx could not be read. */
export class DocxError extends Error {
  constructor(readonly reason: 'not_zip' | 'not_docx' | 'too_large') {
    super(reason);
  }
}

/** The most a .docx may inflate to (all entries together, as the archive declares them). */
export const MAX_INFLATED = 200 * 1024 * 1024;

/**
 * Text of a .docx: paragraphs one a line, table rows one a line with tab-separated cells.
 * @example await readDocx(bytes) // '一、总体情况\n全年完成整改任务12项。\n地区\t面积'
 */
export async function readDocx(bytes: Uint8Array, maxInflated = MAX_INFLATED): Promise<string> {
  const entries = listZipEntries(bytes);
  // listZipEntries answers undefined for ZIP64 and other archives it does not read; mammoth's
  // own reader gets those, and says so if it cannot.
  if (entries) {
    if (!entries.has('word/document.xml') && ![...entries.keys()].some((k) => /document\d*\.xml$/.test(k))) throw new DocxError('not_docx');
    let total = 0;
    for (const e of entries.values()) total += e.size;
    if (total > maxInflated) throw new DocxError('too_large');
  } else if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DocxError('not_zip');
  const mod = (await import('mammoth')) as unknown as { default?: Mammoth } & Mammoth;
  const mammoth: Mammoth = typeof mod.default?.convertToHtml === 'function' ? mod.default : mod;
  const copy = new Uint8Array(bytes);
  // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: give both.
  const result = await mammoth.convertToHtml({ arrayBuffer: copy.buffer, buffer: copy } as never, { ignoreEmptyParagraphs: true });
  return htmlToText(result.value);
}

interface Mammoth {
  convertToHtml(input: never, options?: { ignoreEmptyParagraphs?: boolean }): Promise<{ value: string }>;
}
