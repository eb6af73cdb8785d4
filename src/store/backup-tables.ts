/**
 * The tables a backup carries as they are (`WorkspaceBackup.tables`): every table of the database
 * that the backup does not write in its own form (datasets with their blocks, indicators, views…).
 * They are found from the schema, so a table a later version adds is backed up without a change
 * here. A few have rules of their own: what a record must hold, and which table owns it.
 */
import type { Table } from 'dexie';
import type { StoreDb } from './db';

/** Tables the backup writes in its own fields (see `WorkspaceBackup`), not under `tables`. */
export const OWN_FORM_TABLES: ReadonlySet<string> = new Set([
  'datasets',
  'dictionaries',
  'blocks',
  'indicators',
  'regions',
  'views',
  'decks',
  'settings',
  'maps',
]);

/** What a known table's records must hold, and the table that owns them. */
interface TableRule {
  valid: (r: Record<string, unknown>) => boolean;
  /** Records belong to a record of another table (a ledger's tasks): merged only with it. */
  owner?: { table: string; field: string };
}

const text = (v: unknown): boolean => typeof v === 'string';

const RULES: ReadonlyMap<string, TableRule> = new Map<string, TableRule>([
  ['ledgers', { valid: (r) => text(r.id) && text(r.name) && text(r.importedAt) }],
  [
    'ledgerTasks',
    {
      valid: (r) => text(r.id) && text(r.ledgerId) && text(r.title) && text(r.status) && typeof r.order === 'number',
      owner: { table: 'ledgers', field: 'ledgerId' },
    },
  ],
  [
    'ledgerEvents',
    {
      valid: (r) => text(r.ledgerId) && text(r.taskId) && text(r.kind) && text(r.when),
      owner: { table: 'ledgers', field: 'ledgerId' },
    },
  ],
  ['regionAliases', { valid: (r) => text(r.alias) && text(r.code) }],
  ['remotes', { valid: (r) => text(r.id) && text(r.url) }],
]);

/**
 * Whether a record of table `name` has what its table needs (any object, for a table without rules).
 * @example validTableRecord('ledgers', { id: 'lg-1', name: '台账', importedAt: '2024-07-12T00:00:00Z' }) // true
 */
export function validTableRecord(name: string, record: Record<string, unknown>): boolean {
  return RULES.get(name)?.valid(record) ?? true;
}

/** The tables written under `tables`, from the open database's schema. */
export function tablesOf(db: StoreDb): Table[] {
  return db.tables.filter((t) => !OWN_FORM_TABLES.has(t.name));
}

/**
 * Every record of every such table. @example const tables = await exportTables(db)
 */
export async function exportTables(db: StoreDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tablesOf(db)) out[table.name] = await table.toArray();
  return out;
}

/**
 * Restore the tables of a backup into an open read-write transaction over them.
 * - `replace` (the tables are empty): every record as it was, auto-increment keys included.
 * - `merge`: a record whose key is here already is kept as it is here (counted as skipped); an
 *   owned record (a ledger's task or event) is added only with its owner, so a ledger here keeps
 *   its own trail; auto-increment keys are given anew, and fields of the same table that named
 *   the old keys (an undo's `undoes`) are renamed with them.
 * Tables the database does not have are ignored (a backup from a newer build). Returns the
 * number of records skipped.
 */
export async function restoreTables(db: StoreDb, tables: Record<string, unknown[]>, mode: 'replace' | 'merge'): Promise<number> {
  let skipped = 0;
  const added = new Map<string, Set<unknown>>();
  // Owners first, so their records are known when the owned ones come.
  const order = tablesOf(db).sort((a, b) => Number(Boolean(RULES.get(a.name)?.owner)) - Number(Boolean(RULES.get(b.name)?.owner)));
  for (const table of order) {
    const records = (tables[table.name] ?? []) as Record<string, unknown>[];
    const key = table.schema.primKey;
    const keyPath = typeof key.keyPath === 'string' ? key.keyPath : undefined;
    if (!records.length || !keyPath) continue;
    if (mode === 'replace') {
      await table.bulkAdd(records.map((r) => ({ ...r })));
      continue;
    }
    const owner = RULES.get(table.name)?.owner;
    const fresh = owner ? records.filter((r) => added.get(owner.table)?.has(r[owner.field])) : records;
    skipped += records.length - fresh.length;
    if (key.auto) {
      await addRenumbered(table, fresh, keyPath);
      continue;
    }
    const stored = await table.bulkGet(fresh.map((r) => r[keyPath] as string));
    const missing = fresh.filter((_, i) => stored[i] === undefined);
    skipped += fresh.length - missing.length;
    if (missing.length) await table.bulkAdd(missing.map((r) => ({ ...r })));
    added.set(table.name, new Set(missing.map((r) => r[keyPath])));
  }
  return skipped;
}

/** Fields that hold another record's auto-increment key of the same table. */
const KEY_REFERENCES = ['undoes', 'undoneBy'];

/** Add records under new auto-increment keys, in their old order, renaming references to them. */
async function addRenumbered(table: Table, records: Record<string, unknown>[], keyPath: string): Promise<void> {
  const sorted = records.slice().sort((a, b) => Number(a[keyPath] ?? 0) - Number(b[keyPath] ?? 0));
  const renamed = new Map<unknown, unknown>();
  const placed: { key: unknown; record: Record<string, unknown> }[] = [];
  for (const record of sorted) {
    const copy: Record<string, unknown> = { ...record };
    delete copy[keyPath];
    const key = await table.add(copy);
    renamed.set(record[keyPath], key);
    placed.push({ key, record: copy });
  }
  for (const { key, record } of placed) {
    const changes: Record<string, unknown> = {};
    for (const field of KEY_REFERENCES) if (record[field] !== undefined) changes[field] = renamed.get(record[field]);
    if (Object.keys(changes).length) await table.update(key, changes);
  }
}
