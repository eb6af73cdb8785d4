/**
 * The report page's state: a report read in the report worker → its figures under review → the
 * accepted ones stored as a dataset by the store's atomic write (`putEncodedDataset`,
 * the path a file import takes), each value citing the report, paragraph and sentence.
 */
import '../../domain/messages/report-review-part';
import type { Dataset } from '../../domain/types';
import type { ExtractResult } from '../../reports';
import { scannedMessage } from '../../reports';
import {
  acceptAll,
  editRow,
  mergeIndicators,
  reportTitle,
  reviewObservations,
  reviewRows,
  setStatus,
  type ReportSource,
  type ReviewRow,
  type RowEdit,
  type RowStatus,
} from '../../reports/review';
import * as store from '../../store';
import { runReportExtract, type ReportExtractJob } from './extract';
import type { Workspace } from '../workspace.svelte';
import type { I18n } from '../settings/i18n.svelte';

export type ReviewStage = 'idle' | 'reading' | 'review' | 'saving' | 'done';

export class ReportReview {
  stage = $state<ReviewStage>('idle');
  fileName = $state('');
  result = $state.raw<ExtractResult | undefined>();
  rows = $state.raw<ReviewRow[]>([]);
  /** A sentence to show as it is: the document could not be read, is a scan, or has no figures. */
  problem = $state('');
  /** A message key with its params, for a failed save. */
  saveError = $state.raw<{ key: string; params?: Record<string, string | number> } | undefined>();
  saved = $state.raw<Dataset | undefined>();
  /** The figure whose sentence the document pane shows highlighted. */
  selected = $state<number | undefined>();
  private job: ReportExtractJob | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly i18n: I18n,
  ) {}

  /**
   * The stored dataset of the same report (same file name or title): offer replace or keep both.
   * A getter, not a `$derived`: this state outlives the page that created it (kept across visits).
   */
  get sameReport(): Dataset | undefined {
    const source = this.source;
    if (!source) return undefined;
    return this.workspace.datasets.find((d) => !d.isSample && (d.fileName === source.fileName || (d.source !== undefined && d.source === source.title)));
  }

  /** The report's title and file, as the values' provenance names them. */
  get source(): ReportSource | undefined {
    if (!this.result || !this.fileName) return undefined;
    return { title: reportTitle(this.result.text, this.fileName), fileName: this.fileName };
  }

  async open(file: File): Promise<void> {
    this.job?.cancel();
    this.reset();
    this.fileName = file.name;
    this.stage = 'reading';
    const job = runReportExtract(file, this.i18n.locale);
    this.job = job;
    try {
      const result = await job.promise;
      if (this.job !== job) return;
      this.result = result;
      this.rows = reviewRows(result);
      if (result.error) this.problem = result.error.message;
      else if (result.scanned) this.problem = scannedMessage(this.i18n.locale, file.name);
      else if (result.figures.length === 0) this.problem = this.i18n.t('reportReview.noFigures', { name: file.name });
      this.stage = 'review';
    } catch (e) {
      if (this.job !== job || (e instanceof Error && e.message === 'cancelled')) return;
      this.problem = this.i18n.t('reportReview.readFailed', { name: file.name, reason: e instanceof Error ? e.message : String(e) });
      this.stage = 'review';
    } finally {
      if (this.job === job) this.job = undefined;
    }
  }

  cancel(): void {
    this.job?.cancel();
    this.job = undefined;
    this.reset();
  }

  edit(id: number, edit: RowEdit): void {
    this.rows = editRow(this.rows, id, edit, this.result?.documentRegion?.code);
  }

  mark(id: number, status: RowStatus): void {
    this.rows = setStatus(this.rows, [id], status);
  }

  acceptAll(): void {
    this.rows = acceptAll(this.rows);
  }

  merge(names: readonly string[], into: string): void {
    this.rows = mergeIndicators(this.rows, names, into);
  }

  /** How many rows are accepted, i.e. would be stored. */
  get acceptedCount(): number {
    return this.rows.filter((r) => r.status === 'accepted').length;
  }

  /** Store the accepted figures: as a new dataset, or as a new version of the same report's. */
  async save(mode: 'new' | 'replace'): Promise<void> {
    const source = this.source;
    const result = this.result;
    if (!source || !result) return;
    const { observations, issues } = reviewObservations(this.rows, source, this.i18n.locale);
    if (observations.length === 0) return;
    this.stage = 'saving';
    this.saveError = undefined;
    const meta: store.DatasetMeta = {
      name: source.title,
      fileName: source.fileName,
      format: result.format,
      encoding: '',
      issueCount: issues.length,
      issues,
      notes: [],
      source: source.title,
    };
    try {
      const same = this.sameReport;
      const encoded = store.encodeObservations(observations);
      this.saved =
        mode === 'replace' && same
          ? await store.putEncodedDataset({ ...meta, name: same.name }, encoded, { replaces: same.id })
          : await store.putEncodedDataset(meta, encoded);
      await this.workspace.afterImport();
      this.stage = 'done';
    } catch (e) {
      this.stage = 'review';
      if (e instanceof store.StoreError) this.saveError = { key: `store.error.${e.code}`, params: e.params };
      else this.saveError = { key: 'import.saveFailed', params: { reason: e instanceof Error ? e.message : String(e) } };
    }
  }

  /** Start again with another report. */
  reset(): void {
    this.stage = 'idle';
    this.fileName = '';
    this.result = undefined;
    this.rows = [];
    this.problem = '';
    this.saveError = undefined;
    this.saved = undefined;
    this.selected = undefined;
  }
}
