/**
 * A task's trail in words: what each event changed (状态：推进中 → 已销号), every colour change
 * (绿灯 → 黄灯（滞后 15 个百分点）), and which edits were undone. Pure; the page lists the lines.
 */
import '../../domain/messages/ledger-part';
import type { LedgerEventRecord, TaskEditField } from '../../store';

type Say = (key: string, params?: Record<string, string | number>) => string;

/** One line of the history. */
export interface HistoryLine {
  seq: number;
  /** The instant, as stored (ISO, UTC). */
  when: string;
  kind: LedgerEventRecord['kind'];
  /** What happened, in words. */
  text: string;
  /** For colour lines: the colour it turned. */
  colour?: string;
  undone: boolean;
}

function valueText(field: string, value: unknown, say: Say): string {
  if (value === null || value === undefined || value === '') return say('ledger.event.blank');
  if (field === 'status' && typeof value === 'string') return say(`ledger.status.${value}`);
  if ((field === 'actual' || field === 'planned') && typeof value === 'number') return `${value}%`;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/**
 * The lines of a task's events, oldest first.
 * @example historyLines(events, i18n.t)[1].text // '状态：推进中 → 已销号；销号日期：空 → 2024-07-12'
 */
export function historyLines(events: readonly LedgerEventRecord[], say: Say): HistoryLine[] {
  return events.map((e) => {
    const base = { seq: e.seq ?? 0, when: e.when, kind: e.kind, undone: e.undoneBy !== undefined };
    if (e.kind === 'colour') {
      const after = e.after as { colour: string; reason: string } | undefined;
      const before = e.before as { colour: string } | undefined;
      const colour = after ? say(`ledger.colour.${after.colour}`) : '';
      const text = before
        ? say('ledger.event.colourChange', { before: say(`ledger.colour.${before.colour}`), after: colour, reason: after?.reason ?? '' })
        : say('ledger.event.colourFirst', { after: colour, reason: after?.reason ?? '' });
      return { ...base, text, colour: after?.colour };
    }
    if (e.kind === 'import') return { ...base, text: say('ledger.event.import') };
    const before = (e.before ?? {}) as Partial<Record<TaskEditField, unknown>>;
    const after = (e.after ?? {}) as Partial<Record<TaskEditField, unknown>>;
    const changes = Object.keys(after).map((field) =>
      say('ledger.event.change', {
        field: say(`ledger.field.${field}`),
        before: valueText(field, before[field as TaskEditField], say),
        after: valueText(field, after[field as TaskEditField], say),
      }),
    );
    return { ...base, text: changes.join(say('ledger.event.join')) };
  });
}
