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
 * Report workers that have finished a read, kept for the next one rather than terminated. In
 * Chromium 86 (360安全浏览器 13's kernel) terminating the report worker just after its nested
 * pdf.js worker was ended crashed the whole page now and then (a SEGV in a worker thread, the
 * legacy suite's PDF test: 4 runs in 12); a worker left alive never did (12 in 12). Only
 * `cancel` and a failed worker terminate one.
 */
const idle: Worker[] = [];

/**
 * Start reading `file`. The promise rejects with `Error('cancelled')` after `cancel`, or with the
 * worker's error if the worker itself failed (extractFigures never throws).
 * @example const { promise } = runReportExtract(file, 'zh'); const { figures } = await promise;
 */
export function runReportExtract(file: Blob & { name: string }, locale: 'zh' | 'en'): ReportExtractJob {
  const worker = idle.pop() ?? new Worker(new URL('./extract-worker.ts', import.meta.url), { type: 'module' });
  let fail: (reason: Error) => void = () => undefined;
  let settled = false;
  const promise = new Promise<ExtractResult>((resolve, reject) => {
    fail = reject;
    worker.onmessage = (e: MessageEvent<ExtractResult>) => {
      worker.onmessage = worker.onerror = null;
      settled = true;
      idle.push(worker);
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
      // Done already: the worker is kept, and may be reading the next report by now.
      if (settled) return;
      worker.terminate();
      fail(new Error('cancelled'));
    },
  };
}
