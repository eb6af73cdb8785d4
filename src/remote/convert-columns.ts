/**
 * Decoded columns of a row group → observations. Every text column comes as a dictionary and
 * one index per row (column-chunk.ts), so a period is parsed, a unit's factor found and a
 * region's name decoded once per dictionary entry (a few thousand per row group), never per
 * value; the per-row work is array lookups and the observation itself. A value column of text
 * goes through the importer's quantity parser.
 */
import { GRAINS, type Grain } from '../domain/types';
import type { StoredObservation } from '../store';
import { parsePeriod } from '../ingest/parse-period';
import { parseQuantity } from '../ingest/parse-quantity';
import { cellText } from '../ingest/read-parquet';
import { asDictionary, type DecodedColumn } from './column-chunk';
import type { NATIVE_COLUMNS } from './manifest';
import type { GroupColumns } from './read-columns';
import type { ColumnFacts, RegionOfValues } from '../analysis/value-index';

/** A part of an observation a column can hold. */
export type Field = keyof typeof NATIVE_COLUMNS;

interface Unit {
  factor: number;
  unit: string;
  display: string;
}

/** Fields a published file carries beyond the ones every dataset has. */
const EXTRAS = ['periodLabel', 'grain', 'displayUnit', 'kind', 'changeType', 'approximate', 'isTotal', 'target', 'sourceText'] as const;

/** Set one of those fields from its cell, when the cell holds one of its values. */
function setExtra(o: StoredObservation, field: (typeof EXTRAS)[number], v: unknown): void {
  if (v === null || v === undefined || v === '') return;
  if (field === 'approximate' || field === 'isTotal') {
    if (v === true) o[field] = true;
  } else if (field === 'target') {
    if (typeof v === 'number' && Number.isFinite(v)) o.target = v;
  } else if (field === 'kind') {
    if (v === 'level' || v === 'change') o.kind = v;
  } else if (field === 'changeType') {
    if (v === 'relative' || v === 'absolute' || v === 'points' || v === 'multiple') o.changeType = v;
  } else if (field === 'grain') {
    if (typeof v === 'string' && (GRAINS as readonly string[]).includes(v)) o.grain = v as Grain;
  } else if (typeof v === 'string') o[field] = v;
}

/** Per row, the dictionary entry's derived value (`undefined` for a null). */
function perRow<T>(column: DecodedColumn | undefined, derive: (v: unknown) => T): { of: T[]; codes: Int32Array } | undefined {
  if (!column) return undefined;
  const { dict, codes } = asDictionary(column);
  return { of: dict.map(derive), codes };
}

/** Columns → observations for one dataset; periods and units parsed are kept across row groups. */
export class ColumnConverter {
  private readonly periods = new Map<string, ReturnType<typeof parsePeriod>>();
  private readonly units = new Map<string, Unit>();
  // The value index's facts of the rows appended (see `facts`), found from the codes.
  private readonly regionsSeen = new Map<string, RegionOfValues>();
  private readonly periodsSeen = new Set<string>();
  private readonly unstated = new Map<string, number>();
  private readonly stated = new Map<Grain | 'unknown', Map<string, number>>();
  private appended = 0;

  constructor(
    private readonly datasetId: string,
    private readonly fixedIndicator: string,
    /** Field → its column's name. */
    private readonly names: ReadonlyMap<Field, string>,
    /** Values already in base units, with the observation's own fields (a published file). */
    private readonly native: boolean,
  ) {}

  /**
   * Append the rows of `group` that hold `indicator` (all when there is no indicator column).
   * @example converter.append(out, group, '耕地面积')
   */
  append(out: StoredObservation[], group: GroupColumns, indicator: string): void {
    const col = (f: Field): DecodedColumn | undefined => {
      const name = this.names.get(f);
      return name === undefined ? undefined : group.columns.get(name);
    };
    const valueColumn = col('value');
    const periods = perRow(col('period'), (v) => this.period(cellText(v)));
    if (!valueColumn || !periods) return;
    const keep = perRow(col('indicator'), (v) => cellText(v) === indicator);
    const regions = perRow(col('region'), cellText) ?? { of: [] as string[], codes: new Int32Array(group.rows).fill(-1) };
    const noUnit: Unit = { factor: 1, unit: '', display: '' };
    const units = perRow(col('unit'), (v): Unit => {
      const text = cellText(v);
      return this.native ? { factor: 1, unit: text, display: text } : this.unit(text);
    });
    const codes = perRow(col('regionCode'), cellText);
    const extras = this.native ? EXTRAS.map((f) => [f, perRow(col(f), (v) => v)] as const).filter((e) => e[1] !== undefined) : [];
    const values = 'codes' in valueColumn ? undefined : valueColumn.values;
    const valueDict = 'codes' in valueColumn ? valueColumn : undefined;
    // Facts are found per run of a region's (and a period's) codes, and counted per period code.
    const perPeriod = new Int32Array(periods.of.length);
    let lastRegion = -2;
    let lastCode = -2;
    for (let r = 0; r < group.rows; r++) {
      if (keep && keep.of[keep.codes[r]] !== true) continue;
      const period = periods.of[periods.codes[r]];
      if (!period) continue;
      const unit = (units && units.of[units.codes[r]]) || noUnit;
      const raw = values ? values[r] : valueDict && valueDict.codes[r] >= 0 ? valueDict.dict[valueDict.codes[r]] : null;
      let value: number;
      if (typeof raw === 'number') value = raw * unit.factor;
      else if (typeof raw === 'bigint') value = Number(raw) * unit.factor;
      else {
        const q = parseQuantity(cellText(raw), unit.display);
        if (q.status !== 'ok') continue;
        value = q.value;
      }
      if (!Number.isFinite(value)) continue;
      const o = { region: regions.of[regions.codes[r]] ?? '', indicator: this.fixedIndicator, period: period.key, value, unit: unit.unit, grain: period.grain, datasetId: this.datasetId } as StoredObservation;
      if (period.label !== period.key) o.periodLabel = period.label;
      if (unit.display !== unit.unit) o.displayUnit = unit.display;
      if (codes) {
        const code = codes.of[codes.codes[r]];
        if (code) o.regionCode = code;
      }
      for (const [field, column] of extras) if (column) setExtra(o, field, column.of[column.codes[r]]);
      out.push(o);
      const regionCode = regions.codes[r];
      const codeCode = codes ? codes.codes[r] : -1;
      if (regionCode !== lastRegion || codeCode !== lastCode) {
        lastRegion = regionCode;
        lastCode = codeCode;
        this.seeRegion(o.region, o.regionCode);
      }
      // A period's first row in this group puts it in first-seen order (rows run by region, so
      // the period changes on every row: a count per code, not a map's look per row).
      const periodCode = periods.codes[r];
      if (perPeriod[periodCode]++ === 0) this.seePeriod(period.key, period.grain);
    }
    for (let p = 0; p < perPeriod.length; p++) {
      const period = periods.of[p];
      if (perPeriod[p] === 0 || !period) continue;
      const counts = this.countsOf(period.grain);
      counts.set(period.key, (counts.get(period.key) ?? 0) + perPeriod[p]);
    }
    this.appended = out.length;
  }

  /**
   * What the value index would find over the rows appended (analysis/value-index.ts,
   * `seedIndex`), or undefined for a published file's rows, whose own grain column may differ
   * from the period's. `length` is the rows' count they are the facts of.
   */
  facts(): (ColumnFacts & { length: number }) | undefined {
    if (this.native) return undefined;
    const some = this.appended > 0;
    return {
      length: this.appended,
      regions: [...this.regionsSeen.values()],
      periodCounts: { unstated: this.unstated, stated: this.stated },
      periods: this.periodsSeen,
      indicators: new Set(some ? [this.fixedIndicator] : []),
      datasets: new Set(some ? [this.datasetId] : []),
    };
  }

  /** As `regionList` does per value: first seen, with the first code any of its values carries. */
  private seeRegion(name: string, code: string | undefined): void {
    const seen = this.regionsSeen.get(name);
    if (!seen) this.regionsSeen.set(name, code ? { name, code } : { name });
    else if (seen.code === undefined && code) seen.code = code;
  }

  /** A period in first-seen order, and its grain's counts in the same order. */
  private seePeriod(key: string, grain: Grain | undefined): void {
    this.periodsSeen.add(key);
    const counts = this.countsOf(grain);
    if (!counts.has(key)) counts.set(key, 0);
  }

  private countsOf(grain: Grain | undefined): Map<string, number> {
    if (grain === undefined) return this.unstated;
    let counts = this.stated.get(grain);
    if (!counts) this.stated.set(grain, (counts = new Map()));
    return counts;
  }

  private period(text: string): ReturnType<typeof parsePeriod> {
    let p = this.periods.get(text);
    if (p === undefined) this.periods.set(text, (p = parsePeriod(text)));
    return p;
  }

  /** A unit as written (`万亩`) → its factor to the base unit (1e4), the base unit (亩) and itself. */
  private unit(text: string): Unit {
    let u = this.units.get(text);
    if (!u) {
      const q = text === '' ? undefined : parseQuantity(`1${text}`);
      u = q?.status === 'ok' ? { factor: q.value, unit: q.unit, display: q.displayUnit || text } : { factor: 1, unit: text, display: text };
      this.units.set(text, u);
    }
    return u;
  }
}
