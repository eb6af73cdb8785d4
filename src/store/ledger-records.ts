/** Stored records of rectification ledgers (整改台账): the ledger, its tasks, and every change. */
import type { ImportIssue } from '../domain/types';
import type { Assessment, LightRules, StatusWord, Task } from '../ledger';
import { DEFAULT_STATUS_WORDS } from '../ledger/status';

/** One imported ledger: a file's tasks, kept together, with the rules that colour them. */
export interface LedgerRecord {
  id: string;
  name: string;
  importedAt: string;
  /** The file as read: its title line, headers (in file order), header → field, notes and format. */
  title?: string;
  headers?: string[];
  mapping?: Record<string, string>;
  notes?: string[];
  format?: string;
  encoding?: string;
  /** Issues the reading found, by row. */
  issues?: ImportIssue[];
  /** The status table this ledger maps words with (absent: the default table). */
  statusWords?: StatusWord[];
  /** The light rules this ledger is coloured by (absent: the defaults). */
  rules?: Partial<LightRules>;
  /** Built from the sample file (示例数据). */
  sample?: boolean;
}

/** The fields an edit in place may change. */
export type TaskEditField =
  | 'status'
  | 'statusLabel'
  | 'actual'
  | 'planned'
  | 'deadline'
  | 'deadlineLabel'
  | 'ongoing'
  | 'closedOn'
  | 'closedLabel'
  | 'approver';

/** A task as stored: the contract's `Task` plus its ledger, a stable id, its order and its light. */
export interface LedgerTaskRecord extends Task {
  id: string;
  ledgerId: string;
  /** Position in the file (0-based), so lists keep the office's order. */
  order: number;
  /** Who approved the 销号 (entered in the app). */
  approver?: string;
  /** The colour last assessed, the day it was assessed on, and why. */
  light?: Assessment & { day: string };
  /** The status was set by hand (a later change of the status table leaves it alone). */
  statusEdited?: boolean;
  /** 序号 as written (`Task.id`; the record's `id` is the store's own). */
  number?: string;
}

/**
 * One change to a task (an audit-trail entry); `seq` orders them.
 * - `import`: the task as read (no before);
 * - `edit`: fields changed in place (`before`/`after` hold only those fields);
 * - `undo`: an edit reverted (`undoes` is its seq; `before`/`after` as applied);
 * - `mapping`: the status table changed the task's status;
 * - `colour`: the light changed (`after` is `{ colour, reason }`, `day` the calendar day).
 */
export interface LedgerEventRecord {
  seq?: number;
  ledgerId: string;
  taskId: string;
  /** The instant of the change (ISO, UTC). */
  when: string;
  kind: 'import' | 'edit' | 'undo' | 'mapping' | 'colour';
  before?: Partial<Record<TaskEditField, unknown>> | Assessment;
  after?: Partial<Record<TaskEditField, unknown>> | Assessment;
  /** The user's calendar day, for colour changes. */
  day?: string;
  /** For `undo`: the seq of the edit it reverted. */
  undoes?: number;
  /** For `edit`: reverted since (the seq of the undo). */
  undoneBy?: number;
}

/** The status table a ledger uses. @example statusWordsOf(ledger).length */
export function statusWordsOf(ledger: Pick<LedgerRecord, 'statusWords'> | undefined): readonly StatusWord[] {
  return ledger?.statusWords ?? DEFAULT_STATUS_WORDS;
}
