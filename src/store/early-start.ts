/**
 * What public/early-open.js started while the HTML was parsed (issue 20, the first chart): the
 * database's opening and one read of the first series' records, before the app's modules had
 * arrived. The early reads (early-read.ts) take them over here, once: the connection instead of
 * opening their own, and the records instead of reading them again. The script only asks; every
 * check and every decoding is the early reads' own.
 */
import type { Dataset } from '../domain/types';
import type { BlockRecord, DictionaryRecord } from './db';
import type { Setting } from './types';

/** The records early-open.js read in one readonly transaction. */
export interface StartedRead {
  /** The indicator whose blocks were read: the address's, else the first by name ('' for none). */
  indicator: string;
  /** Datasets left pending by a closed tab (the early reads then answer nothing). */
  pending: number;
  /** The calculated indicators' setting record, if any. */
  derived: Setting | undefined;
  /** The complete datasets, in key order. */
  complete: Dataset[];
  /** Each complete dataset's dictionary, by dataset id. */
  dictionaries: Record<string, DictionaryRecord | undefined>;
  /** The indicator's blocks, every dataset's. */
  blocks: BlockRecord[];
}

/** The script's answer: the connection, with the read when it could make one. */
export interface Started {
  db: IDBDatabase;
  read: StartedRead | undefined;
}

interface EarlyGlobal {
  name: string;
  indicator: string;
  done: Promise<Started | undefined>;
}

/**
 * The opening early-open.js started on database `name`, taken once (a second opening, a test's
 * or another name's, opens on its own); undefined when the script did not run.
 * @example const started = takeStarted('indicator-dashboard')
 */
export function takeStarted(name: string): Promise<Started | undefined> | undefined {
  if (typeof window === 'undefined') return undefined;
  const holder = window as unknown as { __dashboardEarly?: EarlyGlobal };
  const early = holder.__dashboardEarly;
  if (!early || early.name !== name) return undefined;
  holder.__dashboardEarly = undefined;
  return early.done;
}
