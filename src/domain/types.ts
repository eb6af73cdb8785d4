/**
 * The vocabulary shared by every stage of the pipeline (ingest → store → analysis → charts → ui).
 * Plain data only: everything here must survive structured cloning and JSON. The lists of grains
 * and kinds are here too, so that readers, writers and validators cannot drift apart.
 */

import type { NumberFormat, TrendChart } from './chart-format';

/**
 * Every grain, coarsest first (the order a dominant grain is chosen in). Stored blocks code a
 * grain by its place here (`src/store/columns.ts`): add at the end, never reorder.
 */
export const GRAINS = ['year', 'half', 'quarter', 'month', 'day', 'season', 'range'] as const;

/** How fine a period is. Period keys are strings; see `src/domain/period.ts`. */
export type Grain = (typeof GRAINS)[number];

/** Every kind of value; stored by place like `GRAINS`. */
export const VALUE_KINDS = ['level', 'change'] as const;

/** A level (`6.04万亩`) or a change against an earlier period (`同比下降30.1%`). */
export type ValueKind = (typeof VALUE_KINDS)[number];

/** For a `change`: relative (%), absolute (in the unit), percentage points, or a multiple. */
export type ChangeType = 'relative' | 'absolute' | 'points' | 'multiple';

/** Which direction is good: more straw returned is good, more PM10 is bad. */
export type Polarity = 'higher' | 'lower';

/** Where a value came from in its file: 1-based row as a spreadsheet numbers it, and column header. */
export interface SourceRef {
  row: number;
  column?: string;
}

/**
 * One value: a region × indicator × period, in the indicator's base unit.
 * @example { region: '哈尔滨市道里区', indicator: '保护性耕作面积', period: '2024', value: 60400, unit: '亩', displayUnit: '万亩' }
 */
export interface Observation {
  region: string;
  indicator: string;
  /** Normalized period key: `2024`, `2024-03`, `2024-Q1`, `2024-H1`, `2023/2024`. */
  period: string;
  /** Number in the base unit (`亩`, `立方米`, `名`, `%`). Never NaN: unreadable cells are issues, not records. */
  value: number;
  /** Base unit, possibly empty. */
  unit: string;
  regionCode?: string;
  /**
   * Set only by the views, never stored: the region as the file wrote it, when `region` is the
   * label the views show it under (哈尔滨市道里区 shown as 道里区; see analysis/region-identity).
   */
  regionAsWritten?: string;
  /** The period as the user wrote it (`2023—2024年度`). */
  periodLabel?: string;
  grain?: Grain;
  /** The unit the user wrote (`万亩`), so charts can label in it again. */
  displayUnit?: string;
  kind?: ValueKind;
  changeType?: ChangeType;
  /** Written with 约/近/余/多/以上/左右/超过. */
  approximate?: boolean;
  /** A 合计/全省/全市 row: kept, shown as a reference, left out of rankings. */
  isTotal?: boolean;
  /** A target for this region × indicator × period, when the file had a 目标值 column. */
  target?: number;
  source?: SourceRef;
  /** A citation for this value (report and sentence), when the file carried one. */
  sourceText?: string;
  /**
   * Every provenance column of the value's row, when the file had more than one (报告, 来源文件,
   * 原文): a value leads to its report, its file and its sentence. `sourceText` is the first of
   * them that is not blank.
   */
  citations?: Citation[];
}

/** One provenance cell of a value's row: the column's header and the cell's text. */
export interface Citation {
  label: string;
  text: string;
}

/** Something the importer could not read, or wants a person to check. Never thrown, always returned. */
export interface ImportIssue {
  /** 1-based row as a spreadsheet program numbers it (0 when the issue is about the whole file). */
  row: number;
  column?: string;
  severity: 'error' | 'warning';
  /** Stable code, also the message-catalogue key `issue.<code>`. */
  code: string;
  /** A sentence a person understands, in the language asked for. */
  message: string;
  /** The cell text as written. */
  raw: string;
  /** Values the message was built from, so the UI can re-render it in another language. */
  params?: Record<string, string | number>;
}

/** A dataset's life: `pending` while its blocks are being written; only `complete` ones are visible. */
export type DatasetStatus = 'pending' | 'complete' | 'deleted' | 'superseded';

/** One imported file (or sample), with its provenance. */
export interface Dataset {
  id: string;
  name: string;
  fileName: string;
  format: string;
  encoding: string;
  /** ISO 8601 instant (UTC). */
  importedAt: string;
  rowCount: number;
  issueCount: number;
  /** The import's issues (the first few thousand), so they can be read and downloaded later. */
  issues?: ImportIssue[];
  notes: string[];
  source?: string;
  layout?: 'long' | 'wide';
  /** Column header → role used for the import. */
  mapping?: Record<string, string>;
  /** Shipped sample data (示例数据), removable in one click. */
  isSample?: boolean;
  status: DatasetStatus;
  /** Increments when a dataset is replaced by a new version of the same file. */
  version: number;
  /** The dataset this one replaced (restorable until discarded). */
  replaces?: string;
  /** When status is `deleted`: the instant it was deleted (kept for undo). */
  deletedAt?: string;
}

/** A target for an indicator: a value in the base unit for a region and a period, with an optional deadline. */
export interface Target {
  region?: string;
  period: string;
  value: number;
  deadline?: string;
}

/** What an indicator measures. Inferred on import, editable by the user. */
export interface Indicator {
  /** The indicator's name as imported; the key. */
  name: string;
  displayName?: string;
  baseUnit: string;
  displayUnit?: string;
  polarity: Polarity;
  description?: string;
  source?: string;
  targets: Target[];
  /**
   * How a change of a rate (unit `%` or `‰`) is told: `points`, the difference in 个百分点 (the
   * default, as reports write 提高3.5个百分点), or `relative`, percent of the earlier rate.
   * Set in 指标设置; other units always change in percent (or in the unit from zero).
   */
  rateChange?: 'points' | 'relative';
  /** Decimals every value of the indicator is written with (0–4); inferred from the values when absent. */
  decimals?: number;
  /**
   * Whether values of parts add up to the whole: `sum` for counts, areas, amounts (counties roll
   * up to their city), `none` for rates, averages, concentrations. Set in 指标设置; when absent,
   * chosen from the unit (`isAdditiveUnit` in src/regions: % and 微克/立方米 are not additive).
   */
  aggregation?: 'sum' | 'none';
  /**
   * Set only on a calculated indicator (计算指标, never stored: computed from its definition,
   * analysis/derived): its definition in words, shown under every chart of it.
   */
  definition?: string;
}

/** A region as written, with what is known about it. */
export interface Region {
  name: string;
  code?: string;
  parentCode?: string;
  level?: 'province' | 'prefecture' | 'county' | 'zone' | 'other';
  isTotal?: boolean;
}

/**
 * The chart kinds a view can show. `region` (按地区) is one region (the spec's first) across every
 * indicator; its `indicator` is the one the dashboard showed, which its cards lead back to.
 */
export type ViewKind = 'trend' | 'comparison' | 'ranking' | 'multiples' | 'overview' | 'map' | 'region';

/**
 * What a view shows. This, never raw chart options, is what goes into a URL, a saved view, a
 * deck or an embed. Read it through `src/export/view-spec.ts`, which validates.
 */
export interface ViewSpec {
  version: 1;
  kind: ViewKind;
  indicator: string;
  /** Dataset ids; empty or absent means all. */
  datasets?: string[];
  /** Regions to show; empty or absent means a sensible default. */
  regions?: string[];
  /** The period for one-period views (comparison, ranking, overview, map). */
  period?: string;
  periodFrom?: string;
  periodTo?: string;
  /** Index every series to this period (= 100). */
  indexBase?: string;
  /** Comparison across several periods as grouped bars. */
  grouped?: boolean;
  /**
   * One region the page is filtered to (a click on its bar or map area: src/views/linked-filter.ts):
   * the trend, KPI cards and rows show it alone; the comparison, ranking and map still show every region.
   */
  filter?: string;
  title?: string;
  subtitle?: string;
  /** A trend drawn as bars with 同比 or with the target on a second series (src/domain/chart-format.ts). */
  chart?: TrendChart;
  /** The chart's own number format; absent: numbers as everywhere else. */
  format?: NumberFormat;
}
