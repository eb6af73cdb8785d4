/** What the store records about a dataset, taken from an import's result. */
import type { IngestResult } from '../../ingest/types';
import type { DatasetMeta } from '../../store';

/** Issues kept with a dataset: enough to act on, bounded so a broken file cannot bloat the record. */
const KEPT_ISSUES = 5000;

/**
 * The provenance of an imported file: format, encoding, issues, notes, layout and mapping used.
 * @example datasetMetaOf(result, '指标.csv', '指标') // { name: '指标', fileName: '指标.csv', format: 'csv', … }
 */
export function datasetMetaOf(result: IngestResult, fileName: string, name: string): DatasetMeta {
  return {
    name,
    fileName,
    format: result.format,
    encoding: result.encoding,
    issueCount: result.issues.length,
    issues: result.issues.slice(0, KEPT_ISSUES),
    notes: result.notes,
    layout: result.layout,
    mapping: result.mapping,
    source: result.title,
  };
}
