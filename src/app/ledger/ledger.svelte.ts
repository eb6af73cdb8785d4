/**
 * The ledger page's state: the stored ledgers, the one shown with its tasks and trail, and the
 * writes (import, edit, undo, rules, status words), each followed by a fresh read so the page
 * shows what the store holds. A ledger is coloured again for today whenever it is opened: a
 * colour that changed since (a deadline passed) is kept as history like any other.
 */
import '../../domain/messages/ledger-part';
import { localDay } from '../../domain/clock';
import { translate, type Locale } from '../../domain/messages';
import { assess, readLedger, type LightRules, type StatusWord } from '../../ledger';
import * as store from '../../store';
import type { LedgerEventRecord, LedgerRecord, LedgerTaskRecord, TaskEdit } from '../../store';

/** A line for the page's status area: a sentence, and whether it reports a failure. */
export interface LedgerNotice {
  text: string;
  error?: boolean;
}

/** The user's calendar day (the browser's time zone), as the ledger is coloured for. */
export function localToday(): string {
  return localDay(new Date().toISOString());
}

export class LedgerState {
  ledgers = $state.raw<LedgerRecord[]>([]);
  ledgerId = $state<string | undefined>(undefined);
  /** The language lights are said in; the page sets it from its i18n. */
  locale = $state<Locale>('zh');
  /** The tasks as stored: their lights' reasons in the language they were assessed in (Chinese). */
  private stored = $state.raw<LedgerTaskRecord[]>([]);
  /** The tasks as shown: in English, each light's reason said again in English for its day. */
  readonly tasks = $derived(this.inLocale(this.stored));
  events = $state.raw<LedgerEventRecord[]>([]);
  taskId = $state<string | undefined>(undefined);
  busy = $state(false);
  loaded = $state(false);
  notice = $state.raw<LedgerNotice | null>(null);
  today = $state(localToday());

  readonly ledger = $derived(this.ledgers.find((l) => l.id === this.ledgerId));
  readonly task = $derived(this.tasks.find((t) => t.id === this.taskId));
  private stopListening: (() => void) | undefined;

  /** Read the ledgers and show the newest (or the one shown before); follow other tabs' writes. */
  async init(): Promise<void> {
    this.stopListening ??= store.onStoreChange((change) => {
      if (change.scope === 'ledgers' || change.scope === 'workspace') void this.refresh();
    });
    await this.refresh(true);
  }

  dispose(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }

  /** Read everything again; `recolour` assesses the shown ledger for today first. */
  async refresh(recolour = false): Promise<void> {
    this.today = localToday();
    this.ledgers = await store.getLedgers();
    if (!this.ledgers.some((l) => l.id === this.ledgerId)) this.ledgerId = this.ledgers[0]?.id;
    const id = this.ledgerId;
    if (id && recolour) await store.recolourLedger(id, this.today);
    await this.readLedger();
    this.loaded = true;
  }

  private async readLedger(): Promise<void> {
    const id = this.ledgerId;
    const [tasks, events] = id ? await Promise.all([store.getLedgerTasks(id), store.getLedgerEvents(id)]) : [[], []];
    if (id !== this.ledgerId) return;
    this.stored = tasks;
    this.events = events;
  }

  private inLocale(tasks: LedgerTaskRecord[]): LedgerTaskRecord[] {
    if (this.locale === 'zh') return tasks;
    const rules = this.ledger?.rules ?? {};
    const locale = this.locale;
    return tasks.map((t) => (t.light ? { ...t, light: { ...t.light, reason: assess(t, t.light.day, rules, { locale }).reason } } : t));
  }

  async select(id: string): Promise<void> {
    this.ledgerId = id;
    this.taskId = undefined;
    await store.recolourLedger(id, this.today);
    await this.readLedger();
  }

  /** Read a file with the ledger reader and store it; nothing is stored when no task was read. */
  async importFile(name: string, bytes: Uint8Array, locale: Locale, sample = false): Promise<void> {
    this.busy = true;
    this.notice = { text: translate(locale, 'ledger.importing', { name }) };
    try {
      const read = await readLedger({ name, bytes }, { locale });
      if (read.tasks.length === 0) {
        const first = read.issues.find((i) => i.severity === 'error');
        this.notice = { text: [translate(locale, 'ledger.importFailed', { name }), first?.message ?? ''].join(' ').trim(), error: true };
        return;
      }
      // Named as the office named the file, without its extension: the name heads slides and exports.
      const shown = sample ? translate(locale, 'ledger.sampleName') : name.replace(/\.(csv|tsv|txt|xlsx|xls|ods|html?)$/i, '') || name;
      const id = await store.putLedger({ ...read, name: shown, sample }, { today: this.today });
      this.ledgerId = id;
      this.taskId = undefined;
      await this.refresh();
      this.notice = { text: translate(locale, 'ledger.imported', { name: shown, n: read.tasks.length }) };
    } catch (e) {
      this.notice = { text: e instanceof Error ? e.message : String(e), error: true };
    } finally {
      this.busy = false;
    }
  }

  /** The bundled sample ledger, read like a user's file. */
  async openSample(locale: Locale): Promise<void> {
    const text = (await import('../../../data/sample-ledger.csv?raw')).default;
    await this.importFile('sample-ledger.csv', new TextEncoder().encode(text), locale, true);
  }

  async edit(taskId: string, edit: TaskEdit): Promise<LedgerTaskRecord | undefined> {
    const stored = await store.editTask(taskId, edit, { today: this.today });
    await this.readLedger();
    return stored;
  }

  /** Undo the shown ledger's latest edit; returns the task it was made to. */
  async undo(): Promise<LedgerTaskRecord | undefined> {
    const id = this.ledgerId;
    if (!id) return undefined;
    const undone = await store.undoLastEdit(id, { today: this.today });
    await this.readLedger();
    return undone ? this.tasks.find((t) => t.id === undone.taskId) : undefined;
  }

  /** Whether the shown ledger has an edit not yet undone. */
  readonly canUndo = $derived(this.events.some((e) => e.kind === 'edit' && e.undoneBy === undefined));

  async setRules(rules: Partial<LightRules>): Promise<number> {
    const id = this.ledgerId;
    if (!id) return 0;
    const before = new Map(this.tasks.map((t) => [t.id, t.light?.colour]));
    await store.setLedgerRules(id, rules, this.today);
    await this.refresh();
    return this.tasks.filter((t) => before.get(t.id) !== t.light?.colour).length;
  }

  async setWords(words: readonly StatusWord[]): Promise<void> {
    const id = this.ledgerId;
    if (!id) return;
    await store.setStatusWords(id, words, this.today);
    await this.refresh();
  }

  async remove(): Promise<void> {
    const id = this.ledgerId;
    if (!id) return;
    await store.deleteLedger(id);
    this.ledgerId = undefined;
    this.taskId = undefined;
    await this.refresh();
  }
}
