import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../../../src/ledger';
import {
  closeStore,
  editTask,
  exportWorkspace,
  getLedgerEvents,
  getLedgerTasks,
  getLedgers,
  importWorkspace,
  openStore,
  putLedger,
  undoLastEdit,
  type WorkspaceBackup,
} from '../../../src/store';
import { getDb } from '../../../src/store/open';
import { freshName } from './fixtures';

afterEach(() => closeStore());
beforeEach(async () => {
  await openStore({ name: freshName() });
});

const task = (title: string): Task => ({
  title,
  status: 'in-progress',
  statusLabel: '推进中',
  deadline: '2024-06-30',
  deadlineLabel: '2024年6月底',
  source: { row: 3 },
  extra: {},
});

/** A ledger with an edit and its undo (events that name each other's seq), an alias and a remote. */
async function fill(name = '台账'): Promise<string> {
  const id = await putLedger({ name, tasks: [task('一'), task('二')] }, { today: '2024-06-01' });
  const [t] = await getLedgerTasks(id);
  await editTask(t.id, { actual: 20 }, { today: '2024-06-01' });
  await editTask(t.id, { status: 'done', statusLabel: '已完成' }, { today: '2024-06-01' });
  await undoLastEdit(id, { today: '2024-06-01' });
  await getDb().regionAliases.put({ alias: '旧县', code: '230102' });
  await getDb().remotes.put({ id: 'rm-1', url: 'http://intranet/a.parquet', name: 'A', addedAt: '2024-01-01T00:00:00Z' });
  return id;
}

const trail = async (id: string) => (await getLedgerEvents(id)).map(({ seq: _s, undoes, undoneBy, ...e }) => ({ ...e, undoes: undoes !== undefined, undoneBy: undoneBy !== undefined }));

describe('backup of the version 3 tables', () => {
  it('exports every table beyond the version 2 ones under tables, found from the schema', async () => {
    await fill();
    const backup = await exportWorkspace();
    expect(backup.version).toBe(3);
    expect(Object.keys(backup.tables).sort()).toEqual(['ledgerEvents', 'ledgerTasks', 'ledgers', 'regionAliases', 'remotes']);
    expect(backup.tables.ledgerTasks).toHaveLength(2);
    expect(backup.tables.regionAliases).toEqual([{ alias: '旧县', code: '230102' }]);
  });

  it('round-trips through JSON in replace mode with identical records, auto keys included', async () => {
    const id = await fill();
    const first = await exportWorkspace();
    const text = JSON.stringify(first);
    await openStore({ name: freshName() });
    await importWorkspace(JSON.parse(text), { mode: 'replace' });
    const again = await exportWorkspace();
    expect({ ...again, exportedAt: '' }).toStrictEqual({ ...JSON.parse(text), exportedAt: '' });
    // The trail still undoes: the restored edit is the one not yet undone.
    await undoLastEdit(id, { today: '2024-06-01' });
    expect((await getLedgerTasks(id))[0].actual).toBeUndefined();
  });

  it('merge adds a new ledger with its trail renumbered, and keeps a ledger already here as it is', async () => {
    const id = await fill();
    const backup = JSON.parse(JSON.stringify(await exportWorkspace())) as WorkspaceBackup;
    await openStore({ name: freshName() });
    const own = await fill('本地台账'); // its events take the seqs the backup's events had
    const before = await trail(own);
    const summary = await importWorkspace(backup, { mode: 'merge' });
    expect((await getLedgers()).map((l) => l.name).sort()).toEqual(['台账', '本地台账']);
    expect(await trail(own)).toEqual(before);
    const restored = await getLedgerEvents(id);
    expect(restored).toHaveLength((backup.tables.ledgerEvents as unknown[]).length);
    const undo = restored.find((e) => e.kind === 'undo')!;
    const undone = restored.find((e) => e.undoneBy !== undefined)!;
    expect(undo.undoes).toBe(undone.seq);
    expect(undone.undoneBy).toBe(undo.seq);
    // The alias and the remote were here already (same keys): skipped, not doubled.
    expect(summary.skipped).toBeGreaterThanOrEqual(2);
    expect(await getDb().regionAliases.count()).toBe(1);
  });

  it('merge of the same backup twice adds its ledger once', async () => {
    await fill();
    const backup = await exportWorkspace();
    await importWorkspace(backup, { mode: 'merge' });
    expect(await getDb().ledgerTasks.count()).toBe(2);
    expect(await getDb().ledgerEvents.count()).toBe((backup.tables.ledgerEvents as unknown[]).length);
  });

  it('reads a version 2 backup, which has no tables', async () => {
    await fill();
    const { tables: _t, ...v2 } = await exportWorkspace();
    await openStore({ name: freshName() });
    await importWorkspace({ ...v2, version: 2 }, { mode: 'replace' });
    expect(await getLedgers()).toEqual([]);
  });

  it('ignores a table this build does not have, and keeps __proto__ a plain name', async () => {
    const backup = await exportWorkspace();
    const raw = JSON.parse(JSON.stringify(backup)) as Record<string, unknown>;
    raw.tables = JSON.parse('{"futureTable":[{"id":"x"}],"__proto__":[{"id":"y"}]}');
    await importWorkspace(raw, { mode: 'replace' });
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  const damaged: { name: string; tables: unknown }[] = [
    { name: 'tables not an object', tables: [] },
    { name: 'a table not a list', tables: { ledgers: {} } },
    { name: 'a ledger without a name', tables: { ledgers: [{ id: 'lg-1', importedAt: 'x' }] } },
    { name: 'a task without its ledger', tables: { ledgerTasks: [{ id: 't', title: 'x', status: 'done', order: 0 }] } },
  ];
  it.each(damaged)('rejects $name before writing anything', async ({ tables }) => {
    await fill();
    const raw = { ...(await exportWorkspace()), tables };
    const copy = JSON.parse(JSON.stringify(raw));
    await expect(importWorkspace(raw, { mode: 'replace' })).rejects.toMatchObject({ code: 'backup-format' });
    expect(await getLedgers()).toHaveLength(1);
    expect(raw).toStrictEqual(copy);
  });
});
