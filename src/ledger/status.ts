/**
 * The words offices write in 状态/进展情况 → a status. The table is data so that a user can see
 * and change it (readLedger's `statusWords`); matching ignores spaces, brackets and width.
 */
import type { StatusWord, TaskStatus } from './types';

const w = (status: TaskStatus, words: string[], ongoing?: boolean): StatusWord[] =>
  words.map((word) => (ongoing ? { word, status, ongoing } : { word, status }));

/**
 * The default table. 基本完成 and 部分完成 are in progress: "basically done" is what reports
 * write while something is still open, and only a finished task may escape a red deadline.
 * @example DEFAULT_STATUS_WORDS.find((e) => e.word === '已销号')?.status // 'closed'
 */
export const DEFAULT_STATUS_WORDS: readonly StatusWord[] = [
  ...w('not-started', ['未启动', '未开始', '尚未启动', '尚未开始', '待启动', '未实施', 'not-started']),
  ...w('in-progress', [
    '推进中', '正在推进', '整改中', '持续推进', '正在整改', '部分完成', '基本完成', '进行中', '正在进行', '已启动',
    '序时推进', '按序时推进', '正常推进', '按期推进', '未完成', '尚未完成', '滞后', '进度滞后', '逾期', '超期', '逾期未完成', 'in-progress',
  ]),
  ...w('in-progress', ['长期坚持', '长期推进', '长期整改', '常态化推进', '长期'], true),
  ...w('done', [
    '已完成', '完成', '完成整改', '已整改', '整改完成', '已办结', '办结', '已完成(待验收)', '待验收', '已验收', '整改到位',
    '已整改到位', '整改完毕', '已整改完毕', '全部完成', '已全部完成', '已落实',
    // Waiting to be closed is done, not closed: the longer word wins over 销号 inside it.
    '待销号', '待验收销号', '申请销号', '拟销号', 'done',
  ]),
  ...w('closed', ['已销号', '销号', '已验收销号', '验收销号', '销号完成', '已销账', '销账', '已清零', 'closed']),
  ...w('returned', ['退回', '被退回', '重新整改', '退回整改', '退回重改', '打回', '已退回', 'returned']),
  ...w('suspended', ['中止', '暂停', '终止', '暂缓', '已中止', '已终止', '已暂停', 'suspended']),
];

/** A status read from a word. `status` is undefined for a blank cell or a word the table lacks. */
export interface StatusMatch {
  status?: TaskStatus;
  ongoing?: boolean;
  /** The table word that matched. */
  word?: string;
}

/** Key for matching: NFKC, no spaces, no brackets, lower case. */
function key(text: string): string {
  return String(text ?? '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000()[\]【】〔〕<>《》"'“”‘’]+/g, '')
    .toLowerCase();
}

// A word preceded by one of these is negated: 未销号 is not 销号, 没有完成 is not 完成.
const NEGATION = /(未|没|没有|不|无|尚未|待)$/;

/**
 * Map a status word. Exact words first; then the longest table word inside the text that is not
 * negated (已于6月完成整改 → done; 未销号 alone → unknown).
 * @example mapStatus('已完成（待验收）').status // 'done'
 * @example mapStatus('基本完成').status // 'in-progress'
 */
export function mapStatus(label: string, words: readonly StatusWord[] = DEFAULT_STATUS_WORDS): StatusMatch {
  const k = key(label);
  if (k === '') return {};
  const table = tableOf(words);
  const exact = table.get(k);
  if (exact) return found(exact);
  let best: { entry: StatusWord; length: number; pos: number } | undefined;
  for (const [ek, entry] of table) {
    for (let at = k.indexOf(ek); at >= 0; at = k.indexOf(ek, at + 1)) {
      if (NEGATION.test(k.slice(0, at))) continue;
      if (!best || ek.length > best.length || (ek.length === best.length && at < best.pos)) best = { entry, length: ek.length, pos: at };
      break;
    }
  }
  return best ? found(best.entry) : {};
}

// A ledger maps every row with the same table: key it once per table. A changed table is a new
// array (state here is replaced, never mutated), so the cache cannot go stale.
const tables = new WeakMap<readonly StatusWord[], Map<string, StatusWord>>();

function tableOf(words: readonly StatusWord[]): Map<string, StatusWord> {
  let table = tables.get(words);
  if (table) return table;
  table = new Map<string, StatusWord>();
  for (const entry of words) {
    const ek = key(entry.word);
    // The first entry for a word wins, as it is listed first in the table the user sees.
    if (ek !== '' && !table.has(ek)) table.set(ek, entry);
  }
  tables.set(words, table);
  return table;
}

function found(entry: StatusWord): StatusMatch {
  const out: StatusMatch = { status: entry.status, word: entry.word };
  if (entry.ongoing) out.ongoing = true;
  return out;
}
