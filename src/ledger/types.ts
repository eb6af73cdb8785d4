/**
 * The ledger's vocabulary (整改台账): a task per row, its status, its deadline and progress, and the
 * rules that colour it. Plain data only, so that a task survives `postMessage` from the worker.
 */

/** Where a task stands. @example const s: TaskStatus = 'in-progress'; */
export type TaskStatus = 'not-started' | 'in-progress' | 'done' | 'closed' | 'returned' | 'suspended';

/** The fields a ledger column can be read into. @example const f: LedgerField = 'deadline'; */
export type LedgerField =
  | 'id'
  | 'title'
  | 'category'
  | 'measures'
  | 'unit'
  | 'partner'
  | 'person'
  | 'assignedOn'
  | 'deadline'
  | 'planned'
  | 'actual'
  | 'status'
  | 'closedOn'
  | 'evidence'
  | 'note'
  | 'region'
  | 'regionCode'
  | 'indicator'
  | 'target'
  | 'current'
  | 'valueUnit';

/**
 * One rectification task, as one row of a ledger wrote it.
 * @example { title: '制定道里区专项规划', status: 'in-progress', statusLabel: '推进中', deadline: '2024-12-31', deadlineLabel: '2024年底', source: { row: 3 }, extra: {} }
 */
export interface Task {
  /** 序号/编号 as written. */
  id?: string;
  /** 问题（任务）描述. */
  title: string;
  status: TaskStatus;
  /** The status as written ('' when the cell was blank). */
  statusLabel: string;
  /** `YYYY-MM-DD`: the last day on which the task is on time. */
  deadline?: string;
  /** 整改时限 as written ('' when blank). */
  deadlineLabel: string;
  /** No end (长期坚持): no deadline-based colour. */
  ongoing?: boolean;
  /** 序时进度 and 实际进度, in percent (80 for 80%). */
  planned?: number;
  actual?: number;
  /** 责任单位 (牵头单位). */
  unit?: string;
  /** 配合单位. */
  partner?: string;
  /** 责任人. */
  person?: string;
  /** 类别/来源: 督察反馈, 审计, 巡视, 回头看. */
  category?: string;
  /** 整改措施. */
  measures?: string;
  /** 交办日期, `YYYY-MM-DD`, and as written. */
  assignedOn?: string;
  assignedLabel?: string;
  /** 销号日期, `YYYY-MM-DD`, and as written. */
  closedOn?: string;
  closedLabel?: string;
  /** 佐证材料. */
  evidence?: string;
  /** 备注. */
  note?: string;
  region?: string;
  /** Division code, always text (`010101` keeps its zero). */
  regionCode?: string;
  /** 指标, and its 目标值/当前值 in the base unit (0.92亿立方米 → 92000000) with the text as written. */
  indicator?: string;
  target?: number;
  targetLabel?: string;
  current?: number;
  currentLabel?: string;
  /** 单位 of the indicator as written (亿立方米). */
  valueUnit?: string;
  /** The heading row above the task (一、生态环境方面), when the ledger groups its rows. */
  section?: string;
  /** Fields left blank in this row and taken from the row above (cells merged in the file). */
  filled?: LedgerField[];
  /** Columns the ledger has and no field takes: header → cell text, never dropped. */
  extra: Record<string, string>;
  /** 1-based spreadsheet row, counting title rows. */
  source: { row: number };
}

/**
 * The red/yellow/green thresholds. Defaults: red more than 30 points behind, yellow 10–30
 * behind or the deadline 0–7 days away.
 * @example const rules: LightRules = { redBehind: 30, yellowBehind: 10, yellowDays: 7, yellowSameMonth: false };
 */
export interface LightRules {
  /** Red when actual is MORE than this many points below planned. */
  redBehind: number;
  /** Yellow when actual is this many points below planned or more (up to redBehind). */
  yellowBehind: number;
  /** Yellow when the deadline is 0 to this many days away and the task is not done. */
  yellowDays: number;
  /** Also yellow when the deadline falls in the current calendar month (the "or this month"). */
  yellowSameMonth: boolean;
}

/** A task's colour and the words for it. @example { colour: 'red', reason: '逾期 12 天' } */
export interface Assessment {
  colour: 'red' | 'yellow' | 'green' | 'grey';
  reason: string;
}

/** One entry of the status table: a word offices write and what it means. @example { word: '基本完成', status: 'in-progress' } */
export interface StatusWord {
  word: string;
  status: TaskStatus;
  /** The word also says the task has no end (长期坚持). */
  ongoing?: boolean;
}
