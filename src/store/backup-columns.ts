/** Observations ↔ the plain-array columns of a backup file. */
import type { ChangeType, Grain, Observation, ValueKind } from '../domain/types';
import type { BackupColumns } from './types';
import { decodeCitations, encodeCitations } from './columns';

/**
 * Turn a dataset's observations into plain arrays, one per field, `null` where a field is absent.
 * @example toBackupColumns('ds-1', [{ region: 'A', indicator: 'I', period: '2024', value: 1, unit: '' }]).value // [1]
 */
export function toBackupColumns(datasetId: string, observations: readonly Observation[]): BackupColumns {
  const c: BackupColumns = {
    datasetId,
    region: [], indicator: [], period: [], value: [], unit: [],
    regionCode: [], periodLabel: [], grain: [], displayUnit: [], kind: [], changeType: [],
    approximate: [], isTotal: [], target: [], sourceRow: [], sourceColumn: [], sourceText: [], citations: [],
  };
  for (const o of observations) {
    c.region.push(o.region);
    c.indicator.push(o.indicator);
    c.period.push(o.period);
    c.value.push(o.value);
    c.unit.push(o.unit);
    c.regionCode.push(o.regionCode ?? null);
    c.periodLabel.push(o.periodLabel ?? null);
    c.grain.push(o.grain ?? null);
    c.displayUnit.push(o.displayUnit ?? null);
    c.kind.push(o.kind ?? null);
    c.changeType.push(o.changeType ?? null);
    c.approximate.push(o.approximate ?? null);
    c.isTotal.push(o.isTotal ?? null);
    c.target.push(o.target ?? null);
    c.sourceRow.push(o.source?.row ?? null);
    c.sourceColumn.push(o.source?.column ?? null);
    c.sourceText.push(o.sourceText ?? null);
    c.citations!.push(o.citations ? encodeCitations(o.citations) : null);
  }
  return c;
}

/**
 * Turn backup columns back into observations; absent (`null`) fields stay absent.
 * @example fromBackupColumns(columns).length === columns.value.length
 */
export function fromBackupColumns(c: BackupColumns): Observation[] {
  const out = new Array<Observation>(c.value.length);
  for (let i = 0; i < c.value.length; i++) {
    const o: Observation = { region: c.region[i], indicator: c.indicator[i], period: c.period[i], value: c.value[i], unit: c.unit[i] };
    if (c.regionCode[i] != null) o.regionCode = c.regionCode[i]!;
    if (c.periodLabel[i] != null) o.periodLabel = c.periodLabel[i]!;
    if (c.grain[i] != null) o.grain = c.grain[i] as Grain;
    if (c.displayUnit[i] != null) o.displayUnit = c.displayUnit[i]!;
    if (c.kind[i] != null) o.kind = c.kind[i] as ValueKind;
    if (c.changeType[i] != null) o.changeType = c.changeType[i] as ChangeType;
    if (c.approximate[i] != null) o.approximate = c.approximate[i]!;
    if (c.isTotal[i] != null) o.isTotal = c.isTotal[i]!;
    if (c.target[i] != null) o.target = c.target[i]!;
    if (c.sourceRow[i] != null) {
      o.source = c.sourceColumn[i] != null ? { row: c.sourceRow[i]!, column: c.sourceColumn[i]! } : { row: c.sourceRow[i]! };
    }
    if (c.sourceText[i] != null) o.sourceText = c.sourceText[i]!;
    const citations = c.citations?.[i];
    if (citations != null) {
      const read = decodeCitations(citations);
      if (read) o.citations = read;
    }
    out[i] = o;
  }
  return out;
}

/** The column names of `BackupColumns` other than `datasetId`, for validation. */
export const BACKUP_COLUMN_NAMES = [
  'region', 'indicator', 'period', 'value', 'unit', 'regionCode', 'periodLabel', 'grain', 'displayUnit',
  'kind', 'changeType', 'approximate', 'isTotal', 'target', 'sourceRow', 'sourceColumn', 'sourceText',
] as const satisfies readonly (keyof BackupColumns)[];
