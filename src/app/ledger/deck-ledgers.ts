/**
 * The ledgers a deck shows, read from the store for today, so a ledger slide presented from a
 * deck says what the ledger says now (an edit on the ledger page shows on the next slide drawn).
 * Loaded with the first deck that holds a ledger slide, not with the briefing page.
 */
import { localDay } from '../../domain/clock';
import * as store from '../../store';
import type { LedgerRecord, LedgerTaskRecord } from '../../store';
import type { LedgerSlideSource } from '../../ledger/slide-snapshot';

/**
 * A stored ledger as its slides read it.
 * @example slideSource(ledger, tasks, '2024-07-12').name // '示例整改台账'
 */
export function slideSource(ledger: LedgerRecord, tasks: readonly LedgerTaskRecord[], today: string): LedgerSlideSource {
  const source: LedgerSlideSource = { name: ledger.name, today, tasks };
  if (ledger.rules) source.rules = ledger.rules;
  if (ledger.sample) source.sample = true;
  return source;
}

/**
 * Each ledger by id with its tasks, rules and today's date; a deleted ledger is left out.
 * @example (await readDeckLedgers(['l1'])).get('l1')?.tasks.length
 */
export async function readDeckLedgers(ids: readonly string[], today: string = localDay(new Date().toISOString())): Promise<Map<string, LedgerSlideSource>> {
  const out = new Map<string, LedgerSlideSource>();
  for (const id of ids) {
    const [ledger, tasks] = await Promise.all([store.getLedger(id), store.getLedgerTasks(id)]);
    if (ledger) out.set(id, slideSource(ledger, tasks, today));
  }
  return out;
}

/**
 * The stored ledgers a deck editor offers, by name.
 * @example (await ledgerChoices())[0] // { id: 'l1', name: '示例整改台账' }
 */
export async function ledgerChoices(): Promise<{ id: string; name: string }[]> {
  return (await store.getLedgers()).map((l) => ({ id: l.id, name: l.name }));
}
