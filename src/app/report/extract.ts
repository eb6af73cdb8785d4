/**
 * Read a report in the report worker (`report/extract-worker.ts`): the page never parses a
 * document itself, and `cancel` ends the worker, and any pdf.js worker it started, at once.
 */
import type { ExtractResult } from '../../reports';
import type { ReportExtractRequest } from './extract-worker';

/** A report being read: its result, and a way to stop reading it. */
export interface ReportExtractJob {
  promise: Promise<ExtractResult>;
  cancel(): void;
}

/**
 * Start reading `file`. The promise rejects with `Error('cancelled')` after `cancel`, or with the
 * worker's error if the worker itself failed (extractFigures never throws).
 * @example const { promise } = runReportExtract(file, 'zh'); const { figures } = await promise;
 */
export function runReportExtract(file: Blob & { name: string }, locale: 'zh' | 'en'): ReportExtractJob {
  const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module' });
  let fail: (reason: Error) => void = () => undefined;
  const promise = new Promise<ExtractResult>((resolve, reject) => {
    fail = reject;
    worker.onmessage = (e: MessageEvent<ExtractResult>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'report worker failed'));
    };
    void file.arrayBuffer().then(
      (bytes) => {
        const request: ReportExtractRequest = { name: file.name, bytes, locale };
        worker.postMessage(request, [bytes]);
      },
      (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
    );
  });
  return {
    promise,
    cancel: () => {
      worker.terminate();
      fail(new Error('cancelled'));
    },
  };
}
