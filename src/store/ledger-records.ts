/** Stored records of rectification ledgers (整改台账): the ledger, its tasks, and every change. */
import type { Task } from '../ledger';

/** One imported ledger: a file's tasks, kept together. */
export interface LedgerRecord {
  id: string;
  name: string;
  importedAt: string;
}

/** A task as stored: the contract's `Task` plus its ledger and a stable id. */
export interface LedgerTaskRecord extends Task {
  id: string;
  ledgerId: string;
}

/** One change to a task (an audit-trail entry); `seq` orders them. */
export interface LedgerEventRecord {
  seq?: number;
  ledgerId: string;
  taskId: string;
  at: string;
  kind: string;
  before?: unknown;
  after?: unknown;
}
