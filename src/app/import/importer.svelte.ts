/**
 * The import wizard's state: file → parsed preview (in a worker) → the user corrects what was
 * inferred → confirm → stored atomically. Nothing is written before the user confirms.
 */
import type { Dataset } from '../../domain/types';
import type { IngestOptions, IngestResult } from '../../ingest/types';
import { runFastImport, type FastImportJob } from './stream-import';
import { datasetMetaOf } from './dataset-meta';
import { decodeEncoded, putEncodedDataset, type EncodedColumns } from '../../store';
import * as store from '../../store';
import type { Workspace } from '../workspace.svelte';
import type { I18n } from '../settings/i18n.svelte';
import type { RegionMatchRow } from '../../regions/import-matches';

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
  /** Each distinct region of the parsed file and the division it was matched to (import preview). */
  regionMatches = $state.raw<RegionMatchRow[]>([]);
  /**
   * The user's corrections of the matching: a province (or city) the names lie in, a division
   * (or `''`: kept as written) per name, and which names are renamed places to remember as aliases.
   */
  regionContext = $state.raw<{ within?: string; choices: Record<string, string>; remember: string[] }>({ choices: {}, remember: [] });

  /** The file (or pasted text) as a Blob: the worker reads it, the page never copies its bytes. */
  private source: Blob = new Blob();
  /** How many records the worker parsed; it keeps them, as column blocks, until `confirm`. */
  private count = $state(0);
  /** The parsed observations as column blocks, once brought over from the worker (kept for a retry). */
  private encoded: EncodedColumns | undefined;
  /** The import running in the worker. */
  private job: FastImportJob | undefined;
  /** The worker of the parsed import shown, holding its records until `confirm` takes them. */
  private parsed: FastImportJob | undefined;
  /** Counts parses, so one started while another read the aliases supersedes it. */
  private runs = 0;
  /** Cancels the write in progress (`cancel` while saving), leaving nothing stored. */
  private saving: AbortController | undefined;
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
    // No size limit here: delimited text streams through the worker whatever its size, and the
    // worker refuses a workbook too large to hold, saying the limit.
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

  /**
   * Match the regions again with the user's corrections (parsed again: the codes go into the
   * records the worker encodes). `remember`: names whose choice is stored as an alias on confirm.
   */
  async correctRegions(patch: { within?: string; choices?: Record<string, string>; remember?: string[] }): Promise<void> {
    const now = this.regionContext;
    this.regionContext = {
      within: 'within' in patch ? patch.within : now.within,
      choices: { ...now.choices, ...patch.choices },
      remember: [...new Set([...now.remember, ...(patch.remember ?? [])])],
    };
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
    const { within, choices } = this.regionContext;
    const run = ++this.runs;
    const aliases = await store.getRegionAliases().catch(() => ({}));
    // A parse started while the aliases were read supersedes this one.
    if (run !== this.runs) return;
    const job = runFastImport(
      { name, blob: this.source },
      { ...this.options, locale: this.i18n.locale },
      (done, total) => {
        this.progress = { done, total };
      },
      { within, aliases: { ...aliases }, choices: { ...choices } },
    );
    this.job = job;
    try {
      const { result, count, regions } = await job.promise;
      if (this.job !== job) return;
      this.regionMatches = regions;
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
   * appended to the chosen one.
   */
  async confirm(mode: 'new' | 'replace' | 'append'): Promise<void> {
    const result = this.result;
    const job = this.parsed;
    if (!result || !job || this.count === 0) return;
    this.stage = 'saving';
    const storeStart = performance.now();
    const meta = datasetMetaOf(result, this.fileName, this.fileName.replace(/\.[^.]+$/, '') || this.fileName);
    try {
      const onProgress = (p: { written: number; total: number }) => {
        this.progress = { done: p.written, total: p.total };
      };
      const existing = this.target?.dataset ?? this.sameName;
      const abort = (this.saving = new AbortController());
      // Brought over only now: while the user looked at the preview they stayed in the worker.
      const encoded = (this.encoded ??= await job.takeBlocks());
      // Where storing's time goes, for the benchmark: the blocks' crossing, then the write.
      performance.measure('import:take', { start: storeStart });
      const writeStart = performance.now();
      let saved: Dataset;
      if (mode === 'append' && existing) saved = await store.appendToDataset(existing.id, decodeEncoded(encoded));
      else if (mode === 'replace' && existing) {
        saved = await putEncodedDataset({ ...meta, name: existing.name }, encoded, { onProgress, replaces: existing.id, signal: abort.signal });
      } else saved = await putEncodedDataset(meta, encoded, { onProgress, signal: abort.signal });
      if (this.parsed !== job) {
        // The wizard was closed while saving, and the write went through: show it in the app.
        void this.workspace.afterImport();
        return;
      }
      this.saved = saved;
      performance.measure('import:write', { start: writeStart });
      performance.measure('import:store', { start: storeStart });
      await this.rememberAliases();
      this.discardParsed();
      // The dashboard behind the dialog is reloaded when the dialog closes (`finish`): reloading
      // it now redrew its charts (tasks of ~100 ms) while the user read what was stored, unseen.
      this.refreshDue = true;
      this.stage = 'done';
    } catch (e) {
      // Closed while saving (the blocks never came over, or the write failed): nothing to report.
      if (this.parsed !== job) return;
      this.stage = 'preview';
      if (e instanceof store.StoreError) this.error = { key: `store.error.${e.code}`, params: e.params };
      else this.error = { key: 'import.saveFailed', params: { reason: e instanceof Error ? e.message : String(e) } };
    }
  }

  /** The renamed places the user named in the preview, and the names kept as written, stored as aliases. */
  private async rememberAliases(): Promise<void> {
    const { choices, remember } = this.regionContext;
    const records = remember.filter((alias) => choices[alias]).map((alias) => ({ alias, code: choices[alias]! }));
    // Names kept as written are remembered too (no code), so the views never match them later.
    for (const alias of Object.keys(choices)) if (choices[alias] === '') records.push({ alias, code: '' });
    // The dataset is stored; an alias that fails to store is only not remembered.
    await store.putRegionAliases(records).catch(() => undefined);
  }

  /**
   * After a save: reload the workspace's lists (the new dataset, its indicators) so the app shows
   * them. The wizard awaits it before choosing an indicator to show; `close`/`cancel` start it.
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
    // A write in progress is rolled back: cancelling while saving stores nothing.
    this.saving?.abort();
    this.saving = undefined;
    this.job?.cancel();
    this.job = undefined;
    this.reset();
  }

  close(): void {
    this.reset();
  }

  private fail(key: string, params?: Record<string, string | number>): void {
    this.error = { key, params };
    this.stage = 'preview';
  }

  /** End the worker of the shown import and drop its records. */
  private discardParsed(): void {
    this.parsed?.cancel();
    this.parsed = undefined;
    this.encoded = undefined;
  }

  private reset(): void {
    // A save not yet followed by a reload (the dialog closed without "show"): reload now.
    void this.finish();
    this.discardParsed();
    this.stage = 'idle';
    this.result = undefined;
    this.count = 0;
    this.error = undefined;
    this.saved = undefined;
    this.target = undefined;
    this.options = {};
    this.regionMatches = [];
    this.regionContext = { choices: {}, remember: [] };
    this.progress = { done: 0, total: 0 };
  }
}
