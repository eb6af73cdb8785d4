/**
 * The import wizard's state: file → parsed preview (in a worker) → the user corrects what was
 * inferred → confirm → stored atomically. Nothing is written before the user confirms.
 */
import { getContext, setContext } from 'svelte';
import type { Dataset } from '../domain/types';
import type { IngestOptions, IngestResult } from '../ingest/types';
import { MAX_BYTES } from '../ingest';
import { runFastImport, type FastImportJob } from './import-fast';
import { datasetMetaOf } from './dataset-meta';
import { decodeEncoded, putEncodedDataset } from '../store';
import * as store from '../store';
// Not re-exported by the store's index (yet): the page's half of a write done by the import worker.
import { appendFromWorker, putDatasetFromWorker, workerWritableDb } from '../store/worker-write';
import type { Workspace } from './workspace.svelte';
import type { I18n } from './i18n.svelte';

const CONTEXT = Symbol('importer');

export type ImportStage = 'idle' | 'parsing' | 'preview' | 'saving' | 'done';

/** Import into an existing dataset: as its new version (old one restorable) or appended rows. */
export interface ImportTarget {
  mode: 'replace' | 'append';
  dataset: Dataset;
}


export class Importer {
  stage = $state<ImportStage>('idle');
  fileName = $state('');
  options = $state.raw<Omit<IngestOptions, 'onProgress'>>({});
  result = $state.raw<IngestResult | undefined>();
  progress = $state({ done: 0, total: 0 });
  /** A message key for what went wrong, shown in the wizard. */
  error = $state.raw<{ key: string; params?: Record<string, string | number> } | undefined>();
  saved = $state.raw<Dataset | undefined>();
  /** Set when the import was started from a dataset's "new version" or "append" action. */
  target = $state.raw<ImportTarget | undefined>();
  /** A stored dataset from a file of the same name: offer to replace it. */
  readonly sameName: Dataset | undefined;

  /** The file (or pasted text) as a Blob: the worker reads it, the page never copies its bytes. */
  private source: Blob = new Blob();
  /** How many records the worker parsed; it keeps them, as column blocks, for `confirm` to store. */
  private count = $state(0);
  /** The import running in the worker. */
  private job: FastImportJob | undefined;
  /** The worker of the parsed import shown, which holds its records until stored or discarded. */
  private parsed: FastImportJob | undefined;
  /** A save whose workspace reload waits until the wizard closes (see `finish`). */
  private refreshDue = false;

  constructor(
    private readonly workspace: Workspace,
    private readonly i18n: I18n,
  ) {
    this.sameName = $derived(
      this.fileName ? workspace.datasets.find((d) => d.fileName === this.fileName && !d.isSample) : undefined,
    );
  }

  /** How many records the import will store (the preview holds only the first few). */
  get recordCount(): number {
    return this.count;
  }

  get open(): boolean {
    return this.stage !== 'idle';
  }

  async openFile(file: File, target?: ImportTarget): Promise<void> {
    this.reset();
    this.target = target;
    this.fileName = file.name;
    this.stage = 'parsing';
    if (file.size > MAX_BYTES) {
      this.fail('import.tooLarge', { size: Math.ceil(file.size / 1048576), max: MAX_BYTES / 1048576 });
      return;
    }
    this.source = file;
    await this.parse();
  }

  /** Pasted text (tab-separated from Excel/WPS) goes through the same importer as a file. */
  async openText(text: string): Promise<void> {
    this.reset();
    this.fileName = this.i18n.t('import.pastedName');
    this.source = new Blob([text]);
    this.stage = 'parsing';
    await this.parse();
  }

  /** Parse again with the user's corrections. */
  async reparse(patch: Omit<IngestOptions, 'onProgress'>): Promise<void> {
    this.options = { ...this.options, ...patch };
    this.stage = 'parsing';
    await this.parse();
  }

  private async parse(): Promise<void> {
    this.error = undefined;
    // A parse already running (the user corrected an option meanwhile) is superseded: end it.
    this.job?.cancel();
    this.discardParsed();
    this.progress = { done: 0, total: 0 };
    const name = this.fileName.includes('.') ? this.fileName : `${this.fileName}.txt`;
    // Permanent, cheap instrumentation: the benchmark (tests/bench) reads these measures; the
    // worker's own (read, decode, parse, normalize, encode) arrive with its result.
    const workerStart = performance.now();
    const job = runFastImport({ name, blob: this.source }, { ...this.options, locale: this.i18n.locale }, (done, total) => {
      this.progress = { done, total };
    });
    this.job = job;
    try {
      const { result, count } = await job.promise;
      if (this.job !== job) {
        job.cancel();
        return;
      }
      performance.measure('import:worker', { start: workerStart });
      this.parsed = job;
      this.count = count;
      // `result.records` is a preview; every record is in the worker, counted by `recordCount`.
      this.result = result;
      this.stage = 'preview';
    } catch (e) {
      if (this.job !== job) return;
      job.cancel();
      if (e instanceof Error && e.message === 'cancelled') return;
      this.fail('import.parseFailed', { reason: e instanceof Error ? e.message : String(e) });
    } finally {
      if (this.job === job) this.job = undefined;
    }
  }

  /**
   * Store the records: as a new dataset, as a new version of the same-named (or chosen) one, or
   * appended to the chosen one. The worker that parsed them writes them into the database (the
   * page's thread never copies a block); only a store in the page's memory gets them here.
   */
  async confirm(mode: 'new' | 'replace' | 'append'): Promise<void> {
    const result = this.result;
    const job = this.parsed;
    if (!result || !job || this.count === 0) return;
    this.stage = 'saving';
    const storeStart = performance.now();
    const meta = datasetMetaOf(result, this.fileName, this.fileName.replace(/\.[^.]+$/, '') || this.fileName);
    try {
      const existing = this.target?.dataset ?? this.sameName;
      const saved = workerWritableDb() === undefined ? await this.storeHere(job, mode, meta, existing) : await storeFromWorker(job, mode, meta, this.count, existing);
      // Closed while saving: `cancel` has taken care of the store and the reload.
      if (this.parsed !== job) return;
      this.saved = saved;
      performance.measure('import:store', { start: storeStart });
      // The stored records are no longer needed in the worker.
      this.discardParsed();
      // The dashboard behind the dialog is reloaded when the dialog closes (`finish`): redrawing
      // it now would freeze the page while the user reads what was stored, for nothing to see.
      this.refreshDue = true;
      this.stage = 'done';
    } catch (e) {
      if (this.parsed !== job) return;
      this.stage = 'preview';
      if (e instanceof store.StoreError) this.error = { key: `store.error.${e.code}`, params: e.params };
      else this.error = { key: 'import.saveFailed', params: { reason: e instanceof Error ? e.message : String(e) } };
    }
  }

  /**
   * After a save: reload the workspace's lists (the new dataset, its indicators) so the app shows
   * them. Called by the wizard before showing the charts, and by `close`/`cancel`.
   * @example await importer.finish(); importer.close(); showIndicator(first)
   */
  async finish(): Promise<void> {
    if (!this.refreshDue) return;
    this.refreshDue = false;
    const refreshStart = performance.now();
    await this.workspace.afterImport();
    performance.measure('import:refresh', { start: refreshStart });
  }

  cancel(): void {
    const saving = this.stage === 'saving';
    this.job?.cancel();
    this.job = undefined;
    this.reset();
    // A write stopped half-way rolled back, or left a pending dataset (never shown) to remove now;
    // one that had just committed is shown by the reload.
    if (saving) void store.cleanupIncomplete().then(() => this.workspace.afterImport()).catch(() => undefined);
  }

  close(): void {
    this.reset();
  }

  /** The page's own copy of the blocks, stored on this thread (the store is in memory). */
  private async storeHere(
    job: FastImportJob,
    mode: 'new' | 'replace' | 'append',
    meta: store.DatasetMeta,
    existing: Dataset | undefined,
  ): Promise<Dataset> {
    const encoded = await job.takeBlocks();
    const onProgress = (p: { written: number; total: number }) => {
      this.progress = { done: p.written, total: p.total };
    };
    if (mode === 'append' && existing) return store.appendToDataset(existing.id, decodeEncoded(encoded));
    if (mode === 'replace' && existing) return putEncodedDataset({ ...meta, name: existing.name }, encoded, { onProgress, replaces: existing.id });
    return putEncodedDataset(meta, encoded, { onProgress });
  }

  private fail(key: string, params?: Record<string, string | number>): void {
    this.error = { key, params };
    this.stage = 'preview';
  }

  /** End the worker holding the shown import's records. */
  private discardParsed(): void {
    this.parsed?.cancel();
    this.parsed = undefined;
  }

  private reset(): void {
    // A save not yet followed by a reload (the dialog closed another way than "show"): reload now.
    void this.finish();
    this.discardParsed();
    this.stage = 'idle';
    this.result = undefined;
    this.count = 0;
    this.error = undefined;
    this.saved = undefined;
    this.target = undefined;
    this.options = {};
    this.progress = { done: 0, total: 0 };
  }
}

/** A new dataset, a new version or an append, written by the worker that holds the records. */
function storeFromWorker(
  job: FastImportJob,
  mode: 'new' | 'replace' | 'append',
  meta: store.DatasetMeta,
  count: number,
  existing: Dataset | undefined,
): Promise<Dataset> {
  if (mode === 'append' && existing) return appendFromWorker(existing.id, job.write);
  if (mode === 'replace' && existing) return putDatasetFromWorker({ ...meta, name: existing.name }, count, job.write, { replaces: existing.id });
  return putDatasetFromWorker(meta, count, job.write);
}

export function provideImporter(workspace: Workspace, i18n: I18n): Importer {
  return setContext(CONTEXT, new Importer(workspace, i18n));
}

export function useImporter(): Importer {
  return getContext<Importer>(CONTEXT);
}
