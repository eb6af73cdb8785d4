/**
 * The Dexie database: every schema version, oldest first, and the private record layouts.
 * Values are stored as column blocks (typed arrays per dataset × indicator), never one record per
 * value: a million single records take ~100 s to write, the same values as blocks ~0.2 s.
 */
import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Dataset, Indicator, Region } from '../domain/types';
import type { Deck, SavedView, Setting, StoredMap } from './types';
import type { LedgerEventRecord, LedgerRecord, LedgerTaskRecord } from './ledger-records';
import type { RegionAliasRecord } from './alias-records';
import type { RemoteSourceRecord } from './remote-records';

/**
 * Per-dataset string dictionary. Blocks refer to strings by index; indices are append-only, so
 * appending to a dataset never rewrites its older blocks.
 */
export interface DictionaryRecord {
  datasetId: string;
  strings: string[];
  /** Observations stored for the dataset; also the next position for an append. */
  count: number;
  /** Next block sequence number within the dataset. */
  nextSeq: number;
  /** Indicator → indices (into `strings`) of its periods. Added in schema version 2. */
  indicatorPeriods: [string, number[]][];
}

/**
 * Dictionary indices: 16-bit when the dictionary had at most 65,535 strings when the block was
 * written (nearly always: its strings are regions, periods, units and labels, not values), else
 * 32-bit. Blocks written before 16-bit columns existed are 32-bit; readers only index them.
 */
export type CodeColumn = Uint16Array | Uint32Array;

/**
 * Up to `BLOCK_SIZE` (columns.ts) observations of one dataset × indicator, column by column. String columns
 * hold dictionary indices; optional string columns hold index + 1 with 0 for "absent" and are
 * left out entirely when no observation in the block has the field.
 */
export interface BlockRecord {
  datasetId: string;
  seq: number;
  indicator: string;
  count: number;
  /** Position of each observation in its dataset, so the table shows source order. */
  pos: Uint32Array;
  region: CodeColumn;
  period: CodeColumn;
  unit: CodeColumn;
  value: Float64Array;
  /** Bit flags, see `FLAG` in columns.ts. */
  flags: Uint8Array;
  /** grain (bits 0–2), kind (bits 3–4), changeType (bits 5–7); 0 = absent. */
  codes: Uint8Array;
  regionCode?: CodeColumn;
  periodLabel?: CodeColumn;
  displayUnit?: CodeColumn;
  sourceColumn?: CodeColumn;
  sourceText?: CodeColumn;
  /**
   * A value's provenance cells when its file had several (报告, 来源文件, 原文), as one dictionary
   * string each (`encodeCitations`). Absent in blocks written before it existed: those values
   * have their `sourceText` only.
   */
  citations?: CodeColumn;
  /** Meaningful where the target flag is set. */
  target?: Float64Array;
  /** Source row; meaningful where the source flag is set. */
  row?: Uint32Array;
}

/** Schema version 1: datasets, column blocks and metadata. */
const SCHEMA_V1 = {
  datasets: 'id, status',
  dictionaries: 'datasetId',
  blocks: '[datasetId+seq], datasetId, indicator',
  indicators: 'name',
  regions: 'name',
  views: 'id',
  decks: 'id',
} as const;

/**
 * Schema version 2 adds settings and user maps, and per-indicator period lists in the dictionaries
 * so `getPeriods` reads one small record per dataset instead of scanning every block.
 */
const SCHEMA_V2 = { ...SCHEMA_V1, settings: 'key', maps: 'id' } as const;

/**
 * Schema version 3 adds rectification ledgers (their tasks and every change to them), the user's
 * region aliases, and remote (read-in-place) datasets. No existing record changes.
 */
const SCHEMA_V3 = {
  ...SCHEMA_V2,
  ledgers: 'id',
  ledgerTasks: 'id, ledgerId',
  ledgerEvents: '++seq, taskId, ledgerId',
  regionAliases: 'alias, code',
  remotes: 'id',
} as const;

/** The Dexie database of the dashboard. */
export class StoreDb extends Dexie {
  datasets!: Table<Dataset, string>;
  dictionaries!: Table<DictionaryRecord, string>;
  blocks!: Table<BlockRecord, [string, number]>;
  indicators!: Table<Indicator, string>;
  regions!: Table<Region, string>;
  views!: Table<SavedView, string>;
  decks!: Table<Deck, string>;
  settings!: Table<Setting, string>;
  maps!: Table<StoredMap, string>;
  ledgers!: Table<LedgerRecord, string>;
  ledgerTasks!: Table<LedgerTaskRecord, string>;
  ledgerEvents!: Table<LedgerEventRecord, number>;
  regionAliases!: Table<RegionAliasRecord, string>;
  remotes!: Table<RemoteSourceRecord, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(addIndicatorPeriods);
    this.version(3).stores(SCHEMA_V3);
  }
}

/** Version 1 → 2: derive each dictionary's indicator → periods list from its blocks. */
async function addIndicatorPeriods(tx: Transaction): Promise<void> {
  const perDataset = new Map<string, Map<string, Set<number>>>();
  await tx.table('blocks').each((block: BlockRecord) => {
    let byIndicator = perDataset.get(block.datasetId);
    if (!byIndicator) perDataset.set(block.datasetId, (byIndicator = new Map()));
    let periods = byIndicator.get(block.indicator);
    if (!periods) byIndicator.set(block.indicator, (periods = new Set()));
    for (const p of block.period) periods.add(p);
  });
  await tx.table('dictionaries').toCollection().modify((dict: DictionaryRecord) => {
    const byIndicator = perDataset.get(dict.datasetId) ?? new Map<string, Set<number>>();
    dict.indicatorPeriods = [...byIndicator].map(([name, set]) => [name, [...set]]);
  });
}
