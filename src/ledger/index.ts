/**
 * Rectification ledgers (整改台账): reading a ledger into tasks, reading deadlines as offices
 * write them, mapping status words, and colouring tasks red/yellow/green/grey. Pure TypeScript:
 * runs in Node (tests) and in a Web Worker; no UI, no store. See docs/ledger.md.
 */
export { readLedger, type LedgerOptions, type LedgerResult } from './read-ledger';
export { parseDeadline, exactDate, isImmediate, type Deadline } from './deadline';
export { assess, pointsBehind, DEFAULT_RULES } from './assess';
export { mapStatus, DEFAULT_STATUS_WORDS, type StatusMatch } from './status';
export { COLUMN_SYNONYMS, assignColumns, fieldOf, headerKey } from './columns';
export { ledgerText, type LedgerLocale } from './messages';
export type { Assessment, LedgerField, LightRules, StatusWord, Task, TaskStatus } from './types';
export { filterTasks, filterChoices, countColours, overdueDays, daysToDeadline, urgentLists, byUrgency, byStatus, matrix, COLOURS, STATUS_COLUMNS, NONE } from './board';
export type { BoardTask, BoardFilter, Colour, ColourCounts, FilterChoices, Matrix, StatusColumn } from './board';
export { burnUp, rankGroups, type BurnUp, type GroupProgress } from './progress';
export { latestFor, taskCompletion, type TaskCompletion } from './indicator-link';
export { ledgerSummary, type LedgerSummary } from './summary';
