/**
 * A ledger saved as one self-contained web page: the heading and date, the three summary numbers,
 * the overdue list, the board picture and the whole table with each light filled and written in
 * words. No script at all: the page is text and styles, and every text from the ledger is escaped.
 */
import '../domain/messages/ledger-part';
import { translate, type Locale } from '../domain/messages';
import type { Colour } from '../ledger';
import type { LedgerTable } from './ledger-table';
import { LIGHT_FILLS } from './ledger-xlsx';
import { escapeHtml } from './standalone-html';

/** What the page shows besides the table. */
export interface LedgerPageInput {
  title: string;
  today: string;
  locale: Locale;
  table: LedgerTable;
  summary: { total: number; done: number; closed: number; inProgress: number; overdue: { title: string; unit?: string; days: number }[] };
  /** The board as SVG text (from `ledgerBoardSvg`, whose texts are escaped already). */
  boardSvg: string;
  /** A sample ledger says so under its heading. */
  note?: string;
}

const css = (c: Colour) => `#${LIGHT_FILLS[c].slice(2)}`;

/**
 * @example const html = ledgerPageHtml({ title: '整改台账', today: '2024-07-12', locale: 'zh', table, summary, boardSvg })
 */
export function ledgerPageHtml(input: LedgerPageInput): string {
  const say = (key: string, params?: Record<string, string | number>) => translate(input.locale, key, params);
  const e = escapeHtml;
  const { table, summary } = input;
  const fill = new Set(table.lightColumns);
  const head = (table.rows[0] ?? []).map((h) => `<th>${e(String(h ?? ''))}</th>`).join('');
  const body = table.rows
    .slice(1)
    .map((row, r) => {
      const colour = table.colours[r];
      const cells = row
        .map((cell, c) => {
          const style = colour && fill.has(c) ? ` style="background:${css(colour)}"` : '';
          return `<td${style}>${cell === null ? '' : e(String(cell))}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  const overdue = summary.overdue.length
    ? `<ol class="overdue">${summary.overdue
        .map((o) => `<li>${e(o.title)}${o.unit ? ` <span>（${e(o.unit)}）</span>` : ''} <b>${e(say('ledger.overdueDays', { n: o.days }))}</b></li>`)
        .join('')}</ol>`
    : `<p>${e(say('ledger.noneOverdue'))}</p>`;
  const lang = input.locale === 'en' ? 'en' : 'zh-CN';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(`${say('ledger.title')} · ${input.title}`)}</title>
<style>
body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;margin:24px;color:#111}
h1{font-size:28px;margin:0 0 4px}.meta{color:#444;margin:0 0 16px}
.numbers{display:flex;gap:24px;margin:16px 0}.numbers div{border:1px solid #ccc;padding:12px 20px;font-size:18px}.numbers b{display:block;font-size:40px}
.overdue li{font-size:18px;margin:4px 0}.overdue b{color:#c62828}
.board{max-width:100%;height:auto;border:1px solid #ddd}
table{border-collapse:collapse;font-size:13px;margin-top:16px}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eef1f5}
@media print{body{margin:0}.board{page-break-after:always}}
</style>
</head>
<body>
<h1>${e(`${say('ledger.title')} · ${input.title}`)}</h1>
<p class="meta">${e(say('ledger.slide.asOf', { date: input.today, n: summary.total }))}</p>
${input.note ? `<p class="meta">${e(input.note)}</p>` : ''}
<div class="numbers">
<div>${e(say('ledger.slide.done'))}<b>${summary.done}</b>${e(say('ledger.slide.closed', { n: summary.closed }))}</div>
<div>${e(say('ledger.slide.inProgress'))}<b>${summary.inProgress}</b></div>
<div>${e(say('ledger.slide.overdue'))}<b>${summary.overdue.length}</b></div>
</div>
<h2>${e(say('ledger.slide.overdueList'))}</h2>
${overdue}
<h2>${e(say('ledger.slide.board'))}</h2>
<img class="board" alt="${e(say('ledger.slide.board'))}" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(input.boardSvg)}">
<h2>${e(say('ledger.tab.list'))}</h2>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
