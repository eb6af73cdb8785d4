/**
 * The report worker: `extractFigures` off the page's thread, so a large or hostile document
 * (a ZIP bomb, a PDF that never ends) can be stopped by terminating the worker, as the import
 * worker is. pdf.js runs in a worker of its own, nested here (its URL bundled by Vite).
 */
import pdfWorkerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.js?url';
import { extractFigures } from '../../reports';
import type { ExtractResult } from '../../reports';

/** A request: the report's name and bytes (transferred), and the language of its messages. */
export interface ReportExtractRequest {
  name: string;
  bytes: ArrayBuffer;
  locale: 'zh' | 'en';
}

self.onmessage = async (e: MessageEvent<ReportExtractRequest>) => {
  const { name, bytes, locale } = e.data;
  const result: ExtractResult = await extractFigures({ name, bytes: new Uint8Array(bytes) }, { locale, pdfWorkerSrc });
  self.postMessage(result);
};
